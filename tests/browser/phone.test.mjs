// A phone (390×844 CSS px, device scale 3, touch only): a person chooses a preset, applies, joins
// their pairing and writes a meeting note by tapping and typing, scrolls by dragging a finger, and
// finds the note after a reload. Nothing may sit past the right edge or under another control, and
// what a finger taps is at least 44 px tall. Screenshots: tests/browser/output/phone-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot, repoRoot } from './harness.mjs';
import { findItem, items, settle, testSiteDir, waitForApp, waitForText } from './ui.mjs';
import { tap, tapRole, drag, tapInView, dragIntoView, visible } from './touch.mjs';
import { axeViolations } from './roles.mjs';

const introductionPack = path.join(repoRoot, 'assets/examples/introduction-pack.example.json');
const WIDTH = 390;

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function open(context) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/GL Driver/.test(m.text())) problems.push(m.text()); });
  await page.goto(url);
  await waitForApp(page);
  return { page, problems };
}

// What a phone screen must never do: controls past the right edge (no gesture reaches them),
// controls drawn over each other (a tap opens the wrong one), targets a finger misses.
async function checkFitsPhone(page, where) {
  const controls = (await visible(page)).filter((it) => !/\/|^Pairwise$/.test(it.fullLabel) && !it.window.includes('##'));
  for (const it of controls)
    assert.ok(it.x + it.w <= WIDTH + 0.5, `${where}: "${it.label}" runs past the right edge (${it.x}+${it.w})`);
  const buttons = controls.filter((it) => it.role === 'button' || it.kind === undefined);
  for (let i = 0; i < buttons.length; i++)
    for (let j = i + 1; j < buttons.length; j++) {
      const a = buttons[i]; const b = buttons[j];
      if (a.window !== b.window) continue;
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      assert.ok(!overlap, `${where}: "${a.label}" and "${b.label}" overlap`);
    }
}

async function checkTapTargets(page, labels, where) {
  for (const label of labels) {
    const it = await findItem(page, label);
    assert.ok(it.h >= 44, `${where}: "${label}" is ${it.h} px tall, under the 44 px a finger needs`);
  }
}

async function fieldValue(page, name) {
  return page.getByRole('textbox', { name, exact: true }).first().inputValue();
}

test('on a phone, a person applies, joins their pairing and keeps a meeting note, by touch alone', async () => {
  const { context } = await launch({ phone: true });
  try {
    let { page, problems } = await open(context);
    const cdp = await context.newCDPSession(page);
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');

    // Start: the header fits (a menu for the places and Settings), every preset can be tapped.
    await findItem(page, 'Menu');
    await checkFitsPhone(page, 'start');
    await checkTapTargets(page, ['Menu', 'Cochrane KT mentoring', 'IKT mentoring', 'KIND mentoring'], 'start');
    await screenshot(page, 'phone-1-start');
    assert.deepEqual(await axeViolations(page), [], 'axe-core: no serious or critical violation on the phone\'s start screen');
    await tap(page, 'IKT mentoring');
    await tap(page, 'Apply as a mentor or mentee');
    await findItem(page, 'E-mail address *');
    await checkFitsPhone(page, 'applicant form');
    await screenshot(page, 'phone-2-form');

    // Typing the first answer makes work worth a backup: the reminder appears in the footer and
    // the field being typed in stays where the finger put it.
    const email = await tap(page, 'E-mail address *');
    await page.keyboard.type('eleni@example.org', { delay: 5 });
    await page.waitForTimeout(1200);
    await waitForText(page, 'reminder', /never been backed up/);
    const emailAfter = await findItem(page, 'E-mail address *');
    assert.equal(emailAfter.y, email.y, 'the field did not move when the backup reminder appeared');
    // A tap puts the caret where the finger is: at the end, then at the start of the text.
    await page.touchscreen.tap(emailAfter.x + emailAfter.w - 8, emailAfter.y + emailAfter.h / 2);
    await settle(page);
    await page.keyboard.type('m');
    await page.touchscreen.tap(emailAfter.x + 4, emailAfter.y + emailAfter.h / 2);
    await settle(page);
    await page.keyboard.type('h');
    await settle(page);
    assert.equal(await fieldValue(page, 'E-mail address'), 'heleni@example.orgm', 'each letter went where the finger put the caret');
    // A tap beside the field (on its label) leaves it: the next keys change nothing.
    const label = await findItem(page, 'Country *');
    await page.touchscreen.tap(email.x + 4, email.y - 12);
    await settle(page);
    await page.keyboard.type('zz');
    await settle(page);
    assert.equal(await fieldValue(page, 'E-mail address'), 'heleni@example.orgm', 'keys typed after leaving the field replaced nothing');
    await tap(page, 'E-mail address *');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('eleni@example.org');
    await tap(page, 'a mentee');
    await tap(page, 'Country *');
    await page.keyboard.type('Ελλάδα');
    assert.ok(label);
    await tapInView(page, cdp, 'Areas of activity *');
    await page.keyboard.type('implementation; Оценка');
    await tapInView(page, cdp, 'Years of experience *');
    await page.keyboard.type('4');
    const download = page.waitForEvent('download');
    await tapInView(page, cdp, 'Export application file');
    const file = await download.catch(async (e) => { await screenshot(page, 'phone-failed-export'); console.log('TEXTS', JSON.stringify(await (await import('./ui.mjs')).texts(page))); throw e; });
    const application = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    assert.equal(application.person.email, 'eleni@example.org');
    assert.equal(application.person.country, 'Ελλάδα');
    await screenshot(page, 'phone-3-exported');

    // The pair: the menu takes the person there; the pack opens from a tapped file button.
    await tap(page, 'Menu');
    await checkTapTargets(page, ['Start', 'Applicant', 'Coordinator', 'Mentoring pair', 'Settings'], 'menu');
    await screenshot(page, 'phone-4-menu');
    assert.equal(await page.getByRole('button', { name: 'Menu', exact: true }).getAttribute('aria-expanded'), 'true', 'the menu button says it is open');
    await tap(page, 'Mentoring pair');
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
    await tap(page, 'Open introduction pack…');
    await (await chooser).setFiles([introductionPack]);
    await settle(page);
    await tap(page, 'I am the mentee, Teo Mentee');
    await tap(page, 'Join the pairing');
    await waitForText(page, 'notice', /You joined the pairing/);
    await checkFitsPhone(page, 'pair');
    await screenshot(page, 'phone-5-pair');

    // One section at a time (seven tabs do not fit): Meetings, then the list, then one meeting.
    await tapRole(page, 'combobox', 'Section');
    await tap(page, 'Meetings');
    await tap(page, 'New meeting');
    await tap(page, 'Start the meeting');
    await findItem(page, '‹ All meetings');
    await checkFitsPhone(page, 'meeting');
    await screenshot(page, 'phone-6-meeting');
    assert.deepEqual(await axeViolations(page), [], 'axe-core: no serious or critical violation in a meeting on the phone');
    await tapInView(page, cdp, 'What went well');
    await page.keyboard.type('PHONE-NOTE went well: the aims are clear');
    await settle(page);

    // The topic is further down: a finger dragged up scrolls the page (from over a field, too).
    const raw = async (label) => (await items(page)).find((it) => it.label === label);
    const before = await raw('What went badly');
    await drag(page, cdp, 200, 600, 250);
    const afterDrag = await raw('What went badly');
    assert.ok(before.y - afterDrag.y > 250, `the page followed the finger: ${before.y} -> ${afterDrag.y}`);
    assert.equal(await fieldValue(page, 'What went badly'), '', 'a drag that began on a field typed nothing and pressed nothing');
    let topic = null;
    for (let i = 0; i < 8 && !topic; i++) {
      const it = (await visible(page)).find((x) => x.label === 'Topic' && x.y > 80 && x.y + x.h < 680);
      if (it) topic = it; else await drag(page, cdp, 200, 650, 350);
    }
    assert.ok(topic, 'dragging reached the Topic field');
    await page.touchscreen.tap(topic.x + topic.w / 2, topic.y + topic.h / 2);
    await settle(page);
    await page.keyboard.type('PHONE-NOTE topic: my first grant');
    await settle(page);
    await screenshot(page, 'phone-7-notes');
    await page.waitForTimeout(1500);  // saved as typed

    // After a reload the note is there.
    await page.reload();
    await waitForApp(page);
    if (!(await page.getByRole('combobox', { name: 'Section', exact: true }).count())) {
      await tap(page, 'Menu');
      await tap(page, 'Mentoring pair');
    }
    await tapRole(page, 'combobox', 'Section');
    await tap(page, 'Meetings');
    await tap(page, ' · ', { exact: false });  // the meeting's row: its date and how they met
    await findItem(page, '‹ All meetings');
    await dragIntoView(page, cdp, 'What went well');
    assert.equal(await fieldValue(page, 'What went well'), 'PHONE-NOTE went well: the aims are clear');
    await dragIntoView(page, cdp, 'Topic');
    assert.equal(await fieldValue(page, 'Topic'), 'PHONE-NOTE topic: my first grant');
    await screenshot(page, 'phone-8-after-reload');
    // Back to the list, by the back control (at the top of the meeting).
    await dragIntoView(page, cdp, '‹ All meetings', { above: true });
    await tap(page, '‹ All meetings');
    await findItem(page, 'New meeting');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// A flick glides on; with "reduce motion" asked for, the page stops where the finger left it.
for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`a flick on a phone ${reducedMotion === 'reduce' ? 'stops with the finger when motion is reduced' : 'glides on'}`, async () => {
    const { context } = await launch({ phone: true, reducedMotion });
    try {
      const { page } = await open(context);
      const cdp = await context.newCDPSession(page);
      await tap(page, 'Cochrane KT mentoring');
      await tap(page, 'Apply as a mentor or mentee');
      const start = await findItem(page, 'Full name *');
      await drag(page, cdp, 200, 650, 500, { steps: 6 });  // a slow drag: the page follows the finger
      const dragged = (await findItem(page, 'Full name *')).y;
      assert.ok(start.y - dragged > 100, `the page followed the finger (${start.y} -> ${dragged})`);
      // A flick: fast moves and the finger lifted at once. (Sent from the page in one go: through
      // the test protocol each touch waits for a software-rendered frame of this 3x screen, and a
      // flick that slow is no flick.)
      await page.evaluate(() => {
        const canvas = document.getElementById('canvas');
        const touch = (y) => new Touch({ identifier: 7, target: canvas, clientX: 200, clientY: y });
        const send = (type, y, list) => canvas.dispatchEvent(new TouchEvent(type, {
          bubbles: true, cancelable: true, touches: list ? [touch(y)] : [], targetTouches: list ? [touch(y)] : [],
          changedTouches: [touch(y)] }));
        send('touchstart', 600, true);
        for (let y = 580; y >= 480; y -= 20) send('touchmove', y, true);
        send('touchend', 480, false);
      });
      await page.waitForTimeout(800);
      await settle(page);
      // Where the field is now, on screen or scrolled past the top.
      const after = (await items(page)).find((it) => it.label === 'Full name *');
      const moved = after ? dragged - after.y : Infinity;  // gone: glided far past the top
      if (reducedMotion === 'reduce') assert.ok(Math.abs(moved - 120) <= 2, `the page moved with the finger only (${moved} px for 120)`);
      else assert.ok(moved > 150, `the page glided on after the flick (${moved} px for a 120 px flick)`);
    } finally { await context.close(); }
  });
}

// The on-screen keyboard takes the lower half of the screen: the field being typed in stays above
// it. (Headless Chromium has no on-screen keyboard; as on a phone, the visual viewport shrinks and
// says so with a 'resize' event.)
test('on a phone, the on-screen keyboard never covers the field being typed in', async () => {
  const { context } = await launch({ phone: true });
  try {
    const { page, problems } = await open(context);
    await tap(page, 'IKT mentoring');
    await tap(page, 'Apply as a mentor or mentee');
    const field = await tap(page, 'Years of experience *');
    const keyboardTop = 420;
    assert.ok(field.y + field.h > keyboardTop, `the field starts under where the keyboard comes (${field.y})`);
    await page.evaluate((height) => {
      Object.defineProperty(window.visualViewport, 'height', { configurable: true, get: () => height });
      window.visualViewport.dispatchEvent(new Event('resize'));
    }, keyboardTop);
    await settle(page);
    await settle(page);
    const shown = await findItem(page, 'Years of experience *');
    assert.ok(shown.y >= 0 && shown.y + shown.h <= keyboardTop, `the field is above the keyboard: ${shown.y}+${shown.h}`);
    await page.keyboard.type('7');
    await settle(page);
    assert.equal(await page.getByRole('textbox', { name: 'Years of experience', exact: true }).inputValue(), '7');
    await screenshot(page, 'phone-9-keyboard');
    // The keyboard goes: the page has its whole height again.
    await page.evaluate(() => {
      Object.defineProperty(window.visualViewport, 'height', { configurable: true, get: () => window.innerHeight });
      window.visualViewport.dispatchEvent(new Event('resize'));
    });
    await settle(page);
    assert.equal(await page.evaluate(() => document.getElementById('canvas').style.height), '');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
