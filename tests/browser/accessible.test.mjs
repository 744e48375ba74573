// The production build, driven only by ARIA role and accessible name (the semantics layer), as a
// screen reader user would: an applicant chooses a preset, fills the form, reloads, reads the
// answers back and exports. axe-core checks each screen reached for serious or critical problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, startServer } from './harness.mjs';
import { settle, waitForApp } from './ui.mjs';
import { control, press, fill, focused, announced, axeViolations, tabTo, waitForValue } from './roles.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

let site;
before(async () => { site = await startServer(); });
after(() => site.close());

test('an applicant goes from a preset to the exported file by role and name only', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, site.url);
    await waitForApp(page);
    assert.deepEqual(await axeViolations(page), [], 'start screen');
    await press(page, 'button', 'IKT mentoring');
    assert.equal(await control(page, 'radio', 'IKT mentoring').getAttribute('aria-checked'), 'true');
    await press(page, 'button', 'Apply as a mentor or mentee');
    await control(page, 'heading', 'Apply to IKT mentoring').waitFor();
    // The screen opens with its first field focused.
    assert.deepEqual((await focused(page)).name, 'E-mail address');
    assert.equal(await control(page, 'textbox', 'E-mail address').getAttribute('aria-required'), 'true');
    assert.deepEqual(await axeViolations(page), [], 'applicant form');

    // Exporting too early: the missing answers are announced and the fields say why.
    await press(page, 'button', 'Export application file');
    await announced(page, /required answers are missing/);
    assert.equal(await control(page, 'textbox', 'Country').getAttribute('aria-invalid'), 'true');
    assert.equal(await control(page, 'textbox', 'Country').getAttribute('aria-description'), 'required');

    await fill(page, 'E-mail address', 'eleni@example.org');
    await press(page, 'checkbox', 'a mentee');
    assert.equal(await control(page, 'checkbox', 'a mentee').getAttribute('aria-checked'), 'true');
    await fill(page, 'Country', 'Ελλάδα');
    await fill(page, 'Areas of activity', 'implementation; Оценка');
    await fill(page, 'Years of experience', '4');
    assert.equal(await control(page, 'textbox', 'Country').getAttribute('aria-invalid'), null, 'answered');
    await page.waitForTimeout(1200);  // saved as you type: at most about a second behind

    await page.reload();
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true);
    await settle(page);
    await control(page, 'textbox', 'Country').waitFor();
    assert.equal(await control(page, 'textbox', 'Country').inputValue(), 'Ελλάδα', 'read back after reload');
    assert.equal(await control(page, 'textbox', 'E-mail address').inputValue(), 'eleni@example.org');
    assert.equal(await control(page, 'checkbox', 'a mentee').getAttribute('aria-checked'), 'true');

    const download = page.waitForEvent('download');
    await press(page, 'button', 'Export application file');
    const file = await download;
    const doc = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    assert.equal(doc.person.email, 'eleni@example.org');
    assert.equal(doc.person.country, 'Ελλάδα');
    assert.deepEqual(doc.person.topics, ['implementation', 'Оценка']);
    assert.equal(doc.person.experience_years, 4);
    assert.deepEqual(doc.person.roles, ['mentee']);

    await press(page, 'button', 'Settings');
    await control(page, 'dialog', 'Settings').waitFor();
    await control(page, 'heading', 'Keyboard shortcuts').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'settings');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a coordinator imports, matches and accepts by role and name; "Introduce" by Enter keeps focus', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, site.url);
    await waitForApp(page);
    await press(page, 'button', 'IKT mentoring');
    await press(page, 'button', 'Coordinate the scheme');
    assert.deepEqual(await axeViolations(page), [], 'import screen');
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'button', 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben', 'chen'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await press(page, 'button', 'Apply import');
    await announced(page, /Imported 3 file/, 20000);
    await press(page, 'tab', 'Matching');
    assert.equal(await control(page, 'tab', 'Matching').getAttribute('aria-selected'), 'true');
    await press(page, 'button', 'Run matching');
    await control(page, 'button', 'Accept all proposals').waitFor({ timeout: 30000 });
    assert.deepEqual(await axeViolations(page), [], 'matching screen');
    await press(page, 'button', 'Accept all proposals');
    await announced(page, /Accepted \d pair/, 20000);
    await press(page, 'tab', 'Pairings');
    await control(page, 'button', 'Introduce').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'pairings screen');

    // The finding: after "Introduce" by Enter the focus ring vanished for 8 presses of Tab.
    await tabTo(page, 'button', 'Introduce');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.match((await download).suggestedFilename(), /^pairwise-introduction-/);
    await settle(page);
    const controls = ['button', 'radio', 'checkbox', 'textbox', 'tab', 'combobox'];
    const after = await focused(page);
    assert.ok(controls.includes(after.role), `focus after Introduce: ${JSON.stringify(after)}`);
    assert.equal(await page.evaluate(() => Module.pairwiseSemantics.focusVisible), true, 'the focus ring shows');
    await page.keyboard.press('Tab');
    await settle(page);
    const next = await focused(page);
    assert.ok(controls.includes(next.role) && JSON.stringify(next) !== JSON.stringify(after), `Tab moves on: ${JSON.stringify(next)}`);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a mentee joins, consents and keeps a ToGROW meeting with an action, read back after a reload, by role and name only', async () => {
  const introductionPack = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../assets/examples/introduction-pack.example.json');
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, site.url);
    page.on('filechooser', () => {});  // keeps Playwright catching file choosers (see keyboard.test.mjs)
    await waitForApp(page);
    await press(page, 'button', 'Mentoring pair');
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'button', 'Open introduction pack…');
    await (await chooser).setFiles([introductionPack]);
    // Which side the person is on: two radio buttons, heard with their state.
    await press(page, 'radio', 'I am the mentee, Teo Mentee');
    assert.equal(await control(page, 'radio', 'I am the mentee, Teo Mentee').getAttribute('aria-checked'), 'true');
    assert.equal(await control(page, 'radio', 'I am the mentor, Mina Mentor').getAttribute('aria-checked'), 'false');
    await press(page, 'button', 'Join the pairing');
    await announced(page, /You joined the pairing of Mina Mentor and Teo Mentee/);
    assert.deepEqual(await axeViolations(page), [], 'agreement');
    // What the screen says in plain text is read too (it was drawn on the canvas only).
    await page.locator('#pairwise-semantics').getByText('You are the mentee; your mentor is Mina Mentor.', { exact: true })
      .waitFor({ state: 'attached', timeout: 5000 });

    await fill(page, 'Confidentiality', 'what we discuss stays between us');
    // The consent button is below the fold: the canvas draws (and so mirrors) only what is in view,
    // and Tab brings it into view as it does for anyone using the keyboard.
    await tabTo(page, 'button', /^I agree to this agreement \(Teo Mentee, \d{4}-\d{2}-\d{2}\)$/);
    await page.keyboard.press('Enter');
    await settle(page);
    await page.getByText(/^Teo Mentee \(mentee\): consented as "Teo Mentee" on \d{4}-\d{2}-\d{2}$/).waitFor({ state: 'attached' });
    await page.getByText('Mina Mentor (mentor): not consented yet', { exact: true }).waitFor({ state: 'attached' });

    // A ToGROW meeting: the date asked in a dialog, then its parts and an action.
    await press(page, 'tab', 'Meetings');
    await press(page, 'button', 'New meeting');
    await control(page, 'dialog', 'New meeting').waitFor();
    await press(page, 'button', 'Start the meeting');
    await control(page, 'textbox', 'Topic').waitFor();
    await press(page, 'radio', 'in person');
    assert.equal(await control(page, 'radio', 'in person').getAttribute('aria-checked'), 'true');
    await fill(page, 'Topic', 'my first grant');
    // Further down the page: Tab brings each into view (the canvas mirrors only what it draws).
    await tabTo(page, 'textbox', 'Goal');
    await page.keyboard.type('a plan for the aims');
    await tabTo(page, 'button', 'Add action');
    await page.keyboard.press('Enter');
    await settle(page);
    await tabTo(page, 'textbox', 'Action 1: what will be done');
    await page.keyboard.type('draft the aims');
    await tabTo(page, 'textbox', 'Action 1: by when');
    await page.keyboard.type('2030-01-15');
    await settle(page);
    await waitForValue(control(page, 'textbox', 'Action 1: by when'), '2030-01-15');
    assert.deepEqual(await axeViolations(page), [], 'meeting');
    await page.waitForTimeout(1500);  // saved as typed: at most about a second behind

    await page.reload();
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true);
    await settle(page);
    await control(page, 'textbox', 'Confidentiality').waitFor();
    assert.equal(await control(page, 'textbox', 'Confidentiality').inputValue(), 'what we discuss stays between us');
    await page.getByText(/^Teo Mentee \(mentee\): consented as "Teo Mentee"/).waitFor({ state: 'attached' });
    await press(page, 'tab', 'Meetings');
    const listed = page.getByRole('button', { name: /^\d{4}-\d{2}-\d{2} · in person$/ });
    await listed.dispatchEvent('click');
    await settle(page);
    await control(page, 'textbox', 'Topic').waitFor();
    assert.equal(await control(page, 'textbox', 'Topic').inputValue(), 'my first grant');
    assert.equal(await control(page, 'radio', 'in person').getAttribute('aria-checked'), 'true');
    await tabTo(page, 'textbox', 'Goal');
    assert.equal(await control(page, 'textbox', 'Goal').inputValue(), 'a plan for the aims');
    await tabTo(page, 'textbox', 'Action 1: what will be done');
    assert.equal(await control(page, 'textbox', 'Action 1: what will be done').inputValue(), 'draft the aims');
    await tabTo(page, 'textbox', 'Action 1: by when');
    assert.equal(await control(page, 'textbox', 'Action 1: by when').inputValue(), '2030-01-15');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// Dear ImGui skips an item scrolled out of its window (no label, no state): the semantics layer keeps
// what it was when last on screen, so a screen reader still finds every control of a long screen,
// and moving to one scrolls the screen to it.
test('a control scrolled out of the window keeps its role, name and value; focusing it scrolls it back', async () => {
  const { context } = await launch({ viewport: { width: 1000, height: 520 } });
  try {
    const { page, problems } = await openApp(context, site.url);
    await waitForApp(page);
    await press(page, 'button', 'Cochrane KT mentoring');
    await press(page, 'button', 'Apply as a mentor or mentee');
    await fill(page, 'Full name', 'Ada Off-screen');
    const name = control(page, 'textbox', 'Full name');
    const inWindow = async (locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 520;
    };
    assert.ok(await inWindow(name), 'on screen to begin with');
    // The button at the end of the form, never yet scrolled into view, is there by role and name.
    const exportAtEnd = control(page, 'button', 'Export application file');
    assert.equal(await exportAtEnd.count(), 1, 'a button below the window is mirrored before it is shown');
    assert.equal(await inWindow(exportAtEnd), false, 'below the window');
    // Scroll the form to its end, as a person would with the wheel.
    await page.mouse.move(960, 400);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 200);
    await settle(page);
    await settle(page);
    assert.equal(await inWindow(name), false, 'scrolled out of the window');
    assert.equal(await name.count(), 1, 'still mirrored, by role and name');
    assert.equal(await name.inputValue(), 'Ada Off-screen', 'with its value');
    // What a screen reader does moving from the button at the end back to the field: focus each.
    // The screen scrolls to the field.
    const exportButton = control(page, 'button', 'Export application file');
    assert.ok(await inWindow(exportButton), 'the end of the form is shown');
    await exportButton.focus();
    await settle(page);
    await name.focus();
    for (let i = 0; i < 20 && !(await inWindow(name)); i++) await settle(page);
    assert.ok(await inWindow(name), 'back on screen once focused');
    assert.equal((await focused(page)).name, 'Full name');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
