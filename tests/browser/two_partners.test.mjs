// Issue 11's first finding, as the two partners meet it: a mentee and her mentor, each in their own
// browser profile, edit the same meeting (she extends Reality, he extends Options) and exchange
// notebooks. Merging either way must keep both texts; nothing either of them typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, repoRoot, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForText, waitForApp, exportVia, scrollTo, openFile,
  openTab } from './ui.mjs';

const introductionPack = path.join(repoRoot, 'assets/examples/introduction-pack.example.json');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-two-'));
function save(name, text) { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; }

async function join(context, side) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await waitForApp(page);
  await click(page, 'Mentoring pair');
  await openFile(page, 'Open introduction pack…', introductionPack);
  await click(page, side === 'mentee' ? 'I am the mentee, Teo Mentee' : 'I am the mentor, Mina Mentor');
  await click(page, 'Join the pairing');
  await waitForText(page, 'notice', /You joined the pairing/);
  return { page, problems };
}

async function exportForPartner(page, name) {
  await openTab(page, 'Share and report');
  return save(name, (await exportVia(page, 'Export notebook for my partner')).text);
}

async function merge(page, file) {
  await openTab(page, 'Share and report');
  await openFile(page, 'Open my partner\'s notebook…', file);
  await findItem(page, 'Merge');
  await click(page, 'Merge');
  await waitForText(page, 'notice', /^Merged /);
}

async function ownMeeting(page) {
  await openTab(page, 'Share and report');
  const own = JSON.parse((await exportVia(page, 'Export notebook for myself')).text);
  assert.equal(own.meetings.length, 1);
  return own.meetings[0];
}

async function extend(page, field, text) {
  await openTab(page, 'Meetings');
  await scrollTo(page, field);
  const box = await findItem(page, field);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await settle(page);
  await page.keyboard.press('Control+End');  // the caret to the end of the text, as a person would put it
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
  await page.waitForTimeout(1200);  // saved as typed
}

test('two partners edit one meeting in their own browsers; merging either way keeps both', async () => {
  const mentee = await launch({ viewport: { width: 1280, height: 1000 } });
  const mentor = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const her = await join(mentee.context, 'mentee');
    const him = await join(mentor.context, 'mentor');

    // She starts the meeting and sends it to him.
    await openTab(her.page, 'Meetings');
    await click(her.page, 'New meeting');
    await findItem(her.page, 'Start the meeting');
    await her.page.keyboard.press('Enter');
    await findItem(her.page, 'Date');
    await scrollTo(her.page, 'Reality');
    await typeInto(her.page, 'Reality', 'We have a draft.');
    await her.page.waitForTimeout(1200);
    await merge(him.page, await exportForPartner(her.page, 'from-teo-1.json'));

    // Then each edits a different part of the same meeting, at the same time.
    await extend(her.page, 'Reality', ' Teo: the budget section is missing.');
    await extend(him.page, 'Options', 'Mina: ask the grants office for an example.');
    await screenshot(him.page, 'two-partners-1-his-edit');

    // He merges hers, she merges his: both end with both texts.
    const fromHer = await exportForPartner(her.page, 'from-teo-2.json');
    const fromHim = await exportForPartner(him.page, 'from-mina-2.json');
    await merge(her.page, fromHim);
    await merge(him.page, fromHer);
    for (const [who, page] of [['mentee', her.page], ['mentor', him.page]]) {
      const meeting = await ownMeeting(page);
      assert.equal(meeting.reality, 'We have a draft. Teo: the budget section is missing.', `${who} keeps her Reality`);
      assert.equal(meeting.options, 'Mina: ask the grants office for an example.', `${who} keeps his Options`);
    }

    // The same field on both sides: both versions are kept and shown, nothing is dropped.
    await extend(her.page, 'Way forward', 'Teo: I send the aims by Friday.');
    await extend(him.page, 'Way forward', 'Mina: we meet again in two weeks.');
    await merge(her.page, await exportForPartner(him.page, 'from-mina-3.json'));
    const kept = JSON.stringify(await ownMeeting(her.page));
    assert.ok(kept.includes('Teo: I send the aims by Friday.'), `her Way forward is kept: ${kept}`);
    assert.ok(kept.includes('Mina: we meet again in two weeks.'), `his Way forward is kept beside it: ${kept}`);
    await openTab(her.page, 'Meetings');
    // Both are shown at the top of the editor: she scrolls back up to it.
    await her.page.mouse.move(1200, 600);
    await her.page.mouse.wheel(0, -3000);
    await settle(her.page);
    await findItem(her.page, 'Keep this version of way_forward');
    await screenshot(her.page, 'two-partners-2-conflict');

    // After a reload, both are still there.
    await her.page.reload();
    await waitForApp(her.page);
    await settle(her.page);
    const reloaded = JSON.stringify(await ownMeeting(her.page));
    assert.ok(reloaded.includes('Teo: the budget section is missing.') && reloaded.includes('Mina: ask the grants office'));
    assert.deepEqual([...her.problems, ...him.problems], []);
  } finally {
    await mentee.context.close();
    await mentor.context.close();
  }
});
