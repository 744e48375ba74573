// Calendar, print and "Send by e-mail" in the pair workspace (issue 16 parts 5-7), driven with the
// mouse and real keys: a mentee at UTC+05:30 plans a meeting with a time, downloads it and all
// planned meetings as .ics files (read back by Python's icalendar), prints the agreement and the
// meeting notes in new windows (checked for content, escaping and the print style the page's policy
// must allow), and opens the mail program for the partner's notebook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot, repoRoot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForText, waitForApp, exportVia, scrollTo, openFile,
  openTab, clickById, items } from './ui.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

// The example pack, with the mentee's UTC offset (+5:30) and a scheme name that must print as text.
function introductionPack() {
  const pack = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets/examples/introduction-pack.example.json'), 'utf8'));
  pack.mentee.utc_offset_minutes = 330;
  pack.scheme.name = 'Co-production <script>alert(1)</script> & friends';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-calendar-'));
  const file = path.join(dir, 'introduction-pack.json');
  fs.writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

// Python's icalendar (Debian) reads the file: events as [uid, start in UTC (ISO), start offset].
function parseWithIcalendar(text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-ics-')), 'x.ics');
  fs.writeFileSync(file, text);
  const script = 'import icalendar,sys,json,datetime as d\n' +
    'c=icalendar.Calendar.from_ical(open(sys.argv[1],"rb").read())\n' +
    'print(json.dumps([[str(e["UID"]),e.decoded("DTSTART").astimezone(d.timezone.utc).isoformat(),' +
    'str(e.decoded("DTSTART").utcoffset())] for e in c.walk("VEVENT")]))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  assert.equal(run.status, 0, `icalendar read the file: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// Clicks a button that opens a printable page and returns that window once it has loaded.
async function printableVia(context, page, label) {
  const opened = context.waitForEvent('page', { timeout: 15000 });
  await click(page, label);
  const win = await opened;
  await win.waitForLoadState('load');
  return win;
}

async function checkPrintStyle(win) {
  const style = await win.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    mainMaxWidth: getComputedStyle(document.querySelector('main')).maxWidth,
    font: getComputedStyle(document.body).fontFamily,
    url: location.href,
  }));
  assert.equal(style.scripts, 0, 'the printable page holds no script');
  assert.equal(style.styles, 1);
  assert.ok(style.url.startsWith('blob:'), `opened from a blob: URL (${style.url})`);
  // Blocked by the policy, the style would leave max-width at "none" and the browser's default font.
  assert.notEqual(style.mainMaxWidth, 'none', 'the print style applies under the inherited policy');
  assert.match(style.font, /Georgia/);
}

test('a meeting goes to the calendar, the agreement and notes print, and the notebook is mailed by hand', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(url);
    await waitForApp(page);
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));

    await click(page, 'Mentoring pair');
    await openFile(page, 'Open introduction pack…', introductionPack());
    await click(page, 'I am the mentee, Teo Mentee');
    await click(page, 'Join the pairing');
    await waitForText(page, 'notice', /You joined the pairing/);

    // The agreement, with text that must print as text, and the mentee's consent.
    await typeInto(page, 'Confidentiality', 'what we discuss stays between us');
    // The edit right after the one that starts the agreement once went into the field above (a
    // prompt hiding on blur moved the fields): it must print too.
    await typeInto(page, 'Frequency of meetings', 'once a month');
    await scrollTo(page, 'I agree to this agreement', { exact: false });
    await click(page, 'I agree to this agreement', { exact: false });
    await waitForText(page, 'consent', /^Teo Mentee \(mentee\): consented as "Teo Mentee"/);
    await page.mouse.move(1200, 600);
    for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -240); }
    await settle(page);
    const agreement = await printableVia(context, page, 'Print agreement');
    const text = await agreement.evaluate(() => document.body.innerText);
    assert.match(text, /Mentoring agreement/);
    assert.match(text, /what we discuss stays between us/);
    assert.match(text, /once a month/);
    assert.match(text, /Co-production <script>alert\(1\)<\/script> & friends/, 'the scheme name prints as text');
    assert.match(text, /Teo Mentee \(mentee\): consented as “Teo Mentee” on \d{4}-\d{2}-\d{2}/);
    assert.match(text, /Mina Mentor \(mentor\): not consented yet/);
    assert.match(text, /signature and date/);
    await checkPrintStyle(agreement);
    await agreement.screenshot({ path: path.join(repoRoot, 'tests/browser/output/calendar-1-printed-agreement.png') });
    await agreement.close();
    await waitForText(page, 'notice', /printable page opened in a new window/);

    // A meeting today at 14:30, typed by the mentee, is at UTC+05:30.
    await openTab(page, 'Meetings');
    await click(page, 'New meeting');
    await findItem(page, 'Start the meeting');
    await page.keyboard.press('Enter');
    await findItem(page, 'Date');
    await typeInto(page, 'Start time', '14:30');
    await typeInto(page, 'Length (minutes)', '50');
    await scrollTo(page, 'Topic');
    await typeInto(page, 'Topic', 'NOTE-topic not for calendars');
    await screenshot(page, 'calendar-2-meeting-time');

    await scrollTo(page, 'Add to calendar');
    const one = await exportVia(page, 'Add to calendar');
    assert.match(one.name, /^pairwise-calendar-.*\.ics$/);
    const compact = today.replaceAll('-', '');
    assert.match(one.text.replace(/\r\n /g, ''), new RegExp(`\r\nDTSTART;TZID=UTC\\+0530:${compact}T143000\r\n`));
    assert.match(one.text, /\r\nDTEND;TZID=UTC\+0530:\d{8}T152000\r\n/);
    assert.match(one.text, /BEGIN:VALARM\r\nACTION:DISPLAY/);
    assert.ok(!one.text.includes('NOTE-topic'), 'the event carries no notes');
    const events = parseWithIcalendar(one.text);
    assert.equal(events.length, 1);
    assert.equal(events[0][2], '5:30:00', 'icalendar sees the +5:30 offset');
    assert.equal(events[0][1], `${today}T09:00:00+00:00`);

    const meetingNotes = await printableVia(context, page, 'Print meeting notes');
    const notes = await meetingNotes.evaluate(() => document.body.innerText);
    assert.match(notes, new RegExp(`Meeting notes: ${today} at 14:30 \\(UTC\\+05:30\\)`));
    assert.match(notes, /NOTE-topic not for calendars/);
    await checkPrintStyle(meetingNotes);
    await meetingNotes.close();

    // The list's calendar buttons: the next meeting, and every planned one (the same one here).
    await page.mouse.move(1200, 600);
    for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -240); }
    await settle(page);
    const all = await exportVia(page, 'All planned meetings');
    assert.match(all.name, /planned-meetings\.ics$/);
    const planned = parseWithIcalendar(all.text);
    assert.equal(planned.length, 1);
    assert.equal(planned[0][0], events[0][0], 'the same meeting has the same UID in every file');
    const next = await exportVia(page, 'Next meeting to calendar');
    assert.equal(parseWithIcalendar(next.text)[0][0], events[0][0]);

    // "Send by e-mail" beside the notebook for the partner: a mailto: for the mentor naming the file.
    await openTab(page, 'Share and report');
    const mailButton = (await items(page)).find((i) => i.visible && i.fullLabel === 'Send by e-mail##notebook');
    assert.ok(mailButton, 'a Send by e-mail button beside the notebook export');
    await clickById(page, 'Send by e-mail##notebook');
    const mailto = await page.evaluate(() => window.Module.pairwiseLastMailto);
    assert.match(mailto, /^mailto:mentor@example\.org\?subject=[^&]*notebook&body=/);
    assert.match(decodeURIComponent(mailto), new RegExp(`pairwise-notebook-mina-mentor-teo-mentee-for-partner-${today}\\.json`));
    await waitForText(page, 'notice', /Attach pairwise-notebook-.*\.json from your downloads by hand/);
    await screenshot(page, 'calendar-3-send-by-email');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Daylight saving (issue 16): a mentee in London types 14:30 for a July meeting and for a January
// one. Each meeting takes London's offset on its own day from the browser's zone rules (UTC+01:00
// in summer, UTC in winter), whatever today's offset is; a calendar reads 13:30 and 14:30 UTC.
test('a meeting time takes its zone\'s offset on the meeting day: summer and winter in London', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(url);
    await waitForApp(page);
    const pack = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets/examples/introduction-pack.example.json'), 'utf8'));
    pack.mentee.timezone = 'Europe/London';
    pack.mentee.utc_offset_minutes = 0;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-dst-')), 'introduction-pack.json');
    fs.writeFileSync(file, JSON.stringify(pack));
    await click(page, 'Mentoring pair');
    await openFile(page, 'Open introduction pack…', file);
    await click(page, 'I am the mentee, Teo Mentee');
    await click(page, 'Join the pairing');
    await waitForText(page, 'notice', /You joined the pairing/);
    await openTab(page, 'Meetings');

    const plan = async (date, expectedZone, expectedUtc) => {
      await click(page, 'New meeting');
      await findItem(page, 'Start the meeting');
      await page.keyboard.press('Enter');
      await findItem(page, 'Date');
      await typeInto(page, 'Date', date);
      await typeInto(page, 'Start time', '14:30');
      await scrollTo(page, 'Add to calendar');
      const ics = (await exportVia(page, 'Add to calendar')).text.replace(/\r\n /g, '');
      const compact = date.replaceAll('-', '');
      assert.match(ics, new RegExp(`\r\nDTSTART;TZID=${expectedZone}:${compact}T143000\r\n`), `${date} is at ${expectedZone}`);
      const [event] = parseWithIcalendar(ics);
      assert.equal(event[1], expectedUtc);
      await page.mouse.move(1200, 600);
      for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -240); }
      await settle(page);
    };
    await plan('2030-07-15', 'UTC\\+0100', '2030-07-15T13:30:00+00:00');
    await plan('2031-01-15', 'UTC\\+0000', '2031-01-15T14:30:00+00:00');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
