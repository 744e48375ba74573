// A mentee joins their pairing from the coordinator's introduction pack and works in the Pair
// workspace the way a person does (mouse and real keys): agreement consent, a ToGROW meeting with
// two actions, a SMART objective, a private note; reloads; then exports the progress report and
// the partner notebook and checks nothing confidential leaks; finally merges the partner's notebook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot, repoRoot } from './harness.mjs';
import { click, typeInto, findItem, hasItem, testSiteDir, settle, waitForText, texts, dumpStorage, waitForApp,
  exportVia, items, scrollTo, clickById, openFile, openTab } from './ui.mjs';

const introductionPack = path.join(repoRoot, 'assets/examples/introduction-pack.example.json');
// Every word typed below carries one of these markers, so a leak anywhere is caught.
const MEETING = 'NOTE-meeting';
const PRIVATE = 'PRIVATE-only-mine';
const AGREEMENT = 'AGREE-text';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function open(context) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await waitForApp(page);
  return { page, problems };
}

function tempFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-pair-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('a mentee joins from the introduction pack, keeps notes, and shares nothing confidential', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    let { page, problems } = await open(context);
    await click(page, 'Mentoring pair');
    await findItem(page, 'Open introduction pack…');
    await screenshot(page, 'pair-1-empty');

    // Joining: the pack is previewed, and the person says which side they are on.
    await openFile(page, 'Open introduction pack…', introductionPack);
    await findItem(page, 'Join the pairing');
    await click(page, 'I am the mentee, Teo Mentee');
    await screenshot(page, 'pair-2-join');
    await click(page, 'Join the pairing');
    await waitForText(page, 'notice', /You joined the pairing of Mina Mentor and Teo Mentee/);

    // Agreement: two categories, then the mentee's own consent.
    await typeInto(page, 'Confidentiality', `${AGREEMENT} what we discuss stays between us`);
    await typeInto(page, 'Frequency of meetings', `${AGREEMENT} once a month`);
    await scrollTo(page, 'I agree to this agreement', { exact: false});
    await click(page, 'I agree to this agreement', { exact: false });
    await waitForText(page, 'consent', /^Teo Mentee \(mentee\): consented as "Teo Mentee" on \d{4}-\d{2}-\d{2}$/);
    await waitForText(page, 'consent', /^Mina Mentor \(mentor\): not consented yet$/);
    await screenshot(page, 'pair-3-agreement');

    // Meetings: Esc closes the new-meeting dialog without adding anything; Enter confirms it.
    await openTab(page, 'Meetings');
    await click(page, 'New meeting');
    await findItem(page, 'Start the meeting');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await hasItem(page, 'Start the meeting'), false, 'Esc closed the dialog');
    assert.equal(await hasItem(page, 'Date'), false, 'no meeting was started');
    await click(page, 'New meeting');
    await findItem(page, 'Start the meeting');
    await page.keyboard.press('Enter');
    await findItem(page, 'Date');
    await typeInto(page, 'Length (minutes)', '45');
    await click(page, 'in person');
    await scrollTo(page, 'Topic');
    await typeInto(page, 'Topic', `${MEETING}-topic: my first grant`);
    await page.keyboard.press('Tab');  // Tab moves on to the Goal field
    await page.keyboard.type(`${MEETING}-goal: a plan`, { delay: 5 });
    await scrollTo(page, 'Add action');
    await click(page, 'Add action');
    await scrollTo(page, 'Add action');
    await click(page, 'Add action');
    await typeInto(page, 'action-what-1', `${MEETING}-action: draft the aims`);
    await typeInto(page, 'action-by-1', '2030-01-15');
    await typeInto(page, 'action-what-2', `${MEETING}-action: send two examples`);
    await clickById(page, 'Mina Mentor##action-mentor-2');
    await screenshot(page, 'pair-4-meeting');

    // A SMART objective, with the check shown as it is typed.
    await openTab(page, 'Objectives');
    await click(page, 'New objective');
    await page.keyboard.type('Submit 1 grant application to the national fund', { delay: 5 });
    await page.keyboard.press('Enter');
    await findItem(page, 'Measurable: how will you both know it is achieved?');
    await waitForText(page, 'smart', /Add a measure/);
    await typeInto(page, 'Measurable: how will you both know it is achieved?', 'application number received');
    await typeInto(page, 'Time-bound: due date', '2020-01-01');
    await waitForText(page, 'smart', /The due date 2020-01-01 has passed/);
    await typeInto(page, 'Time-bound: due date', '2030-06-30');
    await waitForText(page, 'smart', /This objective is SMART/);
    const slider = await findItem(page, 'Progress');
    await page.mouse.click(slider.x + slider.w * 0.5, slider.y + slider.h / 2);
    await settle(page);
    await screenshot(page, 'pair-5-objective');

    // A private note, on its visibly separate tab.
    await openTab(page, 'Private notes');
    await waitForText(page, 'privacy', /never exported to your partner or the coordinator/);
    await click(page, 'New private note');
    await typeInto(page, 'Private note', `${PRIVATE}: I worry about the deadline`);
    await screenshot(page, 'pair-6-private-note');

    // Saved as typed: everything is back after a reload.
    await page.waitForTimeout(1500);
    await page.reload();
    await waitForApp(page);
    await waitForText(page, 'consent', /^Teo Mentee \(mentee\): consented/);
    await openTab(page, 'Meetings');
    await findItem(page, ' · in person · 45 min', { exact: false });
    await openTab(page, 'Private notes');
    await findItem(page, PRIVATE, { exact: false });
    await openTab(page, 'Objectives');
    await waitForText(page, 'smart', /This objective is SMART/);
    await screenshot(page, 'pair-7-after-reload');

    await openTab(page, 'Share and report');
    const own = JSON.parse((await exportVia(page, 'Export notebook for myself')).text);
    assert.match(own.agreement.confidentiality, new RegExp(AGREEMENT));
    assert.equal(own.agreement.mentee_consent.name, 'Teo Mentee');
    assert.equal(own.meetings.length, 1);
    const meeting = own.meetings[0];
    assert.equal(meeting.length_minutes, 45);
    assert.equal(meeting.mode, 'in_person');
    assert.equal(meeting.topic, `${MEETING}-topic: my first grant`);
    assert.equal(meeting.goal, `${MEETING}-goal: a plan`, 'Tab moved from Topic to Goal');
    assert.deepEqual(meeting.actions.map((a) => [a.who, a.what, a.by_when, a.done]), [
      ['mentee', `${MEETING}-action: draft the aims`, '2030-01-15', false],
      ['mentor', `${MEETING}-action: send two examples`, '', false]]);
    assert.equal(own.objectives[0].due_date, '2030-06-30');
    assert.ok(own.objectives[0].progress_percent > 0, 'progress was recorded');
    assert.equal(own.private_notes.length, 1);
    assert.match(own.private_notes[0].text, new RegExp(PRIVATE));

    // The coordinator's report: counts and dates only.
    const report = await exportVia(page, 'Export progress report');
    assert.match(report.name, /^pairwise-progress-report-mina-mentor-teo-mentee-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(report.text);
    assert.equal(parsed.kind, 'progress-report');
    assert.equal(parsed.report.meeting_count, 1);
    assert.equal(parsed.report.total_minutes, 45);
    assert.equal(parsed.report.actions_open, 2);
    assert.equal(parsed.report.agreement_signed, false, 'only one side has consented');
    for (const marker of [MEETING, PRIVATE, AGREEMENT, 'first grant', 'draft the aims', 'worry', 'national fund',
      'application number'])
      assert.equal(report.text.includes(marker), false, `the progress report must not contain "${marker}"`);

    // The partner's notebook: shared notes yes, private notes never.
    const partner = await exportVia(page, 'Export notebook for my partner');
    assert.match(partner.name, /-for-partner-/);
    assert.equal(partner.text.includes(PRIVATE), false, 'no private note in the partner notebook');
    assert.equal(partner.text.includes('private_notes'), false);
    assert.equal(partner.text.includes(`${MEETING}-topic`), true, 'meeting notes are shared with the partner');
    await screenshot(page, 'pair-8-exported');

    // A broken notebook from the partner changes nothing and names the file and field.
    const fromMentor = JSON.parse(partner.text);
    const broken = structuredClone(fromMentor);
    broken.meetings[0].date = '15/01/2030';
    await page.waitForTimeout(1200);
    const before = await dumpStorage(page);
    await openFile(page, 'Open my partner\'s notebook…', tempFile('mina-broken.json', JSON.stringify(broken)));
    await waitForText(page, 'error', /^mina-broken\.json: \$\.meetings\[0\]\.date: expected a date .*\(nothing was changed\)$/);
    await page.waitForTimeout(1200);
    assert.deepEqual(await dumpStorage(page), before, 'nothing stored from a bad notebook');

    // The mentor's real answer: their consent and an edit to the meeting, previewed, then merged.
    fromMentor.agreement.mentor_consent = { name: 'Mina Mentor', date: '2030-01-02' };
    fromMentor.agreement.revision += 1;
    fromMentor.meetings[0].reality = `${MEETING}-reality from Mina`;
    fromMentor.meetings[0].revision += 5;
    await openFile(page, 'Open my partner\'s notebook…', tempFile('mina.json', JSON.stringify(fromMentor)));
    await findItem(page, 'Merge');
    await screenshot(page, 'pair-9-merge-preview');
    await click(page, 'Merge');
    await waitForText(page, 'notice', /Merged mina\.json: 2 record\(s\) changed/);
    await openTab(page, 'Agreement');
    await waitForText(page, 'consent', /^Mina Mentor \(mentor\): consented as "Mina Mentor" on 2030-01-02$/);
    await waitForText(page, 'consent', /^Teo Mentee \(mentee\): consented as "Teo Mentee"/);
    await screenshot(page, 'pair-10-merged');
    await openTab(page, 'Share and report');
    const merged = JSON.parse((await exportVia(page, 'Export notebook for myself')).text);
    assert.equal(merged.meetings[0].reality, `${MEETING}-reality from Mina`);
    assert.equal(merged.private_notes.length, 1, 'merging kept the private note');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
