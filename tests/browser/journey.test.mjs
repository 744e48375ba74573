// The whole scheme, person by person, each on their own device (browser profile): an applicant
// applies, the coordinator imports three applications, matches, accepts and introduces; the pair
// joins from that introduction pack, records a ToGROW meeting with two actions and a SMART
// objective, reloads, and sends a progress report holding none of their notes; the coordinator
// sees it in Monitoring. Screenshots of each step land in tests/browser/output/journey-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot, freshProfileDir } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForText, waitForApp, exportVia, scrollTo, openFile, openTab }
  from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NOTE = 'JOURNEY-note';
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

function saveDownload(name, text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-journey-')), name);
  fs.writeFileSync(file, text);
  return file;
}

async function openOn(profileDir, viewport = { width: 1280, height: 1000 }) {
  const { context } = await launch({ profileDir, viewport });
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await waitForApp(page);
  return { context, page, problems };
}

test('applicant, coordinator and pair run the scheme end to end, and notes never reach the coordinator', async () => {
  // 1. The applicant, on their own device.
  let applicationFile;
  {
    const { context, page, problems } = await openOn(freshProfileDir());
    try {
      await click(page, 'IKT mentoring');
      await click(page, 'Apply as a mentor or mentee');
      await typeInto(page, 'E-mail address *', 'diana@example.org');
      await click(page, 'a mentee');
      await typeInto(page, 'Country *', 'România');
      await typeInto(page, 'Areas of activity *', 'policy');
      await typeInto(page, 'Years of experience *', '3');
      await screenshot(page, 'journey-1-applicant');
      const { name, text } = await exportVia(page, 'Export application file');
      applicationFile = saveDownload(name, text);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }

  // 2. The coordinator imports it with two more, matches, accepts and introduces Diana's pair.
  const coordinatorProfile = freshProfileDir();
  let packFile;
  {
    const { context, page, problems } = await openOn(coordinatorProfile);
    try {
      await click(page, 'IKT mentoring');
      await click(page, 'Coordinate the scheme');
      const chooser = page.waitForEvent('filechooser');
      await click(page, 'Open application files…');
      await (await chooser).setFiles([applicationFile, path.join(fixtures, 'ben.application.json'),
        path.join(fixtures, 'chen.application.json')]);
      await click(page, 'Apply import');
      await waitForText(page, 'notice', /Imported 3 file/);
      await click(page, 'Matching');
      // Ben (policy, capacity 1) is the only mentor sharing Diana's topic: make sure she gets him.
      await click(page, 'Run matching');
      await findItem(page, 'Accept all proposals', { timeout: 20000 });
      await screenshot(page, 'journey-2-proposals');
      await click(page, 'Accept all proposals');
      await waitForText(page, 'notice', /Accepted \d pair/);
      await click(page, 'Pairings');
      await screenshot(page, 'journey-3-pairings');
      await click(page, 'Introduce all proposed pairs');
      await settle(page);
      // Every pair got its pack; Diana's is sent again from her row ("Pack") for the test to keep.
      const { name, text } = await exportVia(page, 'Pack');
      const pack = JSON.parse(text);
      assert.equal(pack.kind, 'introduction-pack');
      packFile = saveDownload(name, text);
      await screenshot(page, 'journey-4-introduced');
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }
  const pack = JSON.parse(fs.readFileSync(packFile, 'utf8'));
  const menteeName = pack.mentee.name || pack.mentee.email;

  // 3. The mentee of that pair joins and works in the pair workspace.
  let reportFile;
  {
    const { context, page, problems } = await openOn(freshProfileDir());
    try {
      await click(page, 'Mentoring pair');
      await openFile(page, 'Open introduction pack…', packFile);
      await click(page, `I am the mentee, ${menteeName}`);
      await click(page, 'Join the pairing');
      await waitForText(page, 'notice', /You joined the pairing/);
      await openTab(page, 'Meetings');
      await click(page, 'New meeting');
      await findItem(page, 'Start the meeting');
      await page.keyboard.press('Enter');
      await typeInto(page, 'Length (minutes)', '50');
      await scrollTo(page, 'Topic');
      await typeInto(page, 'Topic', `${NOTE}-topic: funding`);
      await scrollTo(page, 'Add action');
      await click(page, 'Add action');
      await scrollTo(page, 'Add action');
      await click(page, 'Add action');
      await typeInto(page, 'action-what-1', `${NOTE}-action one`);
      await typeInto(page, 'action-what-2', `${NOTE}-action two`);
      await screenshot(page, 'journey-5-meeting');
      await openTab(page, 'Objectives');
      await click(page, 'New objective');
      await page.keyboard.type(`${NOTE} publish 1 policy brief`, { delay: 5 });
      await page.keyboard.press('Enter');
      await typeInto(page, 'Measurable: how will you both know it is achieved?', `${NOTE} brief published`);
      await typeInto(page, 'Time-bound: due date', '2030-06-30');
      await waitForText(page, 'smart', /This objective is SMART/);
      await openTab(page, 'Private notes');
      await click(page, 'New private note');
      await typeInto(page, 'Private note', `${NOTE}-private`);
      await page.waitForTimeout(1500);
      await page.reload();
      await waitForApp(page);
      await openTab(page, 'Meetings');
      await findItem(page, ' · 50 min', { exact: false });
      await openTab(page, 'Objectives');
      await waitForText(page, 'smart', /This objective is SMART/);
      await screenshot(page, 'journey-6-after-reload');
      await openTab(page, 'Share and report');
      const { name, text } = await exportVia(page, 'Export progress report');
      assert.equal(JSON.parse(text).report.meeting_count, 1);
      assert.equal(JSON.parse(text).report.actions_open, 2);
      assert.equal(text.includes(NOTE), false, 'the progress report holds none of the notes');
      reportFile = saveDownload(name, text);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }

  // 4. Back on the coordinator's device: the report arrives in Monitoring.
  {
    const { context, page, problems } = await openOn(coordinatorProfile);
    try {
      await click(page, 'Import');
      await openFile(page, 'Open application files…', reportFile);
      await click(page, 'Apply import');
      await waitForText(page, 'notice', /Imported 1 file/);
      await click(page, 'Monitoring');
      await waitForText(page, 'monitoring', /^1 pair\(s\) reported/);
      await waitForText(page, 'monitoring', /: 1 meeting\(s\)$/);
      await screenshot(page, 'journey-7-monitoring');
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }
});
