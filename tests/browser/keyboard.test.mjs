// Keyboard only, on the production build, from a fresh profile: Tab and Shift+Tab reach every
// control in reading order, Enter and Space press them (file choosers included), a screen opens
// with its first field focused, and focus is never lost after an action. Where focus is comes from
// the page (document.activeElement), as a screen reader hears it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, startServer } from './harness.mjs';
import { settle, waitForApp } from './ui.mjs';
import { control, focused, tabTo } from './roles.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let site;
before(async () => { site = await startServer(); });
after(() => site.close());

async function key(page, name) {
  await page.keyboard.press(name);
  await settle(page);
}

test('an applicant applies from a fresh profile with the keyboard alone', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, site.url);
    await waitForApp(page);
    // The top bar first, then the screen's own controls: no "whole panel" stop in between.
    assert.equal(await tabTo(page, 'button', 'Start'), 1);
    await tabTo(page, 'button', 'Settings');
    await tabTo(page, 'button', 'IKT mentoring');
    await key(page, 'Enter');
    assert.equal(await control(page, 'radio', 'IKT mentoring').getAttribute('aria-checked'), 'true');
    // Shift+Tab walks back the same way.
    await tabTo(page, 'button', 'Cochrane KT mentoring', { back: true });
    await tabTo(page, 'button', 'Apply as a mentor or mentee');
    await key(page, 'Enter');
    // The form opens on its first field, ready for typing; Tab goes on from there.
    await control(page, 'heading', 'Apply to IKT mentoring').waitFor();
    assert.deepEqual(await focused(page), { role: 'textbox', name: 'E-mail address', checked: null });
    await page.keyboard.type('eleni@example.org');
    await tabTo(page, 'checkbox', 'a mentee');
    await key(page, 'Space');
    assert.equal((await focused(page)).checked, 'true', 'Space ticks the focused box and focus stays');
    await tabTo(page, 'textbox', 'Country');
    await page.keyboard.type('Ελλάδα');
    await tabTo(page, 'textbox', 'Areas of activity');
    await page.keyboard.type('implementation; Оценка');
    await tabTo(page, 'textbox', 'Years of experience');
    await page.keyboard.type('4');
    await tabTo(page, 'button', 'Export application file');
    const download = page.waitForEvent('download');
    await key(page, 'Enter');
    const doc = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    assert.equal(doc.person.email, 'eleni@example.org');
    assert.equal(doc.person.country, 'Ελλάδα');
    assert.deepEqual(doc.person.topics, ['implementation', 'Оценка']);
    assert.equal(doc.person.experience_years, 4);
    assert.deepEqual(doc.person.roles, ['mentee']);
    assert.deepEqual(await focused(page), { role: 'button', name: 'Export application file', checked: null },
      'focus stays on the button after the download');
    // Settings lists the shortcuts; Esc closes it and focus returns to its button.
    await tabTo(page, 'button', 'Settings', { back: true });
    await key(page, 'Enter');
    await control(page, 'heading', 'Keyboard shortcuts').waitFor({ state: 'attached' });
    assert.equal((await focused(page)).role, 'radio', 'the dialog takes focus');
    await key(page, 'Escape');
    assert.deepEqual(await focused(page), { role: 'button', name: 'Settings', checked: null });
    assert.equal(await control(page, 'heading', 'Keyboard shortcuts').count(), 0);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('"Back up now" by Enter downloads the backup and focus carries on', async () => {
  const { context } = await launch();
  try {
    const { page } = await openApp(context, site.url);
    await waitForApp(page);
    await tabTo(page, 'button', 'IKT mentoring');
    await key(page, 'Enter');
    await tabTo(page, 'button', 'Apply as a mentor or mentee');
    await key(page, 'Enter');
    // An answer typed is work worth a backup: the reminder and its button show.
    assert.deepEqual(await focused(page), { role: 'textbox', name: 'E-mail address', checked: null });
    await page.keyboard.type('eleni@example.org');
    await settle(page);
    await tabTo(page, 'button', 'Back up now', { back: true });
    const download = page.waitForEvent('download');
    await key(page, 'Enter');
    assert.match((await download).suggestedFilename(), /backup/);
    await settle(page);
    // The reminder (and its button) is gone: focus moved to the next control, still visible to
    // a screen reader, and Tab goes on from there.
    assert.equal(await control(page, 'button', 'Back up now').count(), 0);
    const after = await focused(page);
    const controls = ['button', 'radio', 'checkbox', 'textbox', 'tab', 'combobox'];
    assert.ok(controls.includes(after.role), `focus after the backup: ${JSON.stringify(after)}`);
    await key(page, 'Tab');
    const next = await focused(page);
    assert.notDeepEqual(next, after, 'Tab moves on');
    assert.ok(controls.includes(next.role), `focus after Tab: ${JSON.stringify(next)}`);
  } finally { await context.close(); }
});

test('Enter and Space on "Open application files…" open the file chooser', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, site.url);
    // Playwright catches file choosers only while someone listens, and switches that on a moment
    // after the listener comes: a key pressed right after page.waitForEvent could open a chooser
    // nobody catches. One listener for the whole test keeps the catching on.
    page.on('filechooser', () => {});
    await waitForApp(page);
    await tabTo(page, 'button', 'IKT mentoring');
    await key(page, 'Enter');
    await tabTo(page, 'button', 'Coordinate the scheme');
    await key(page, 'Enter');
    await tabTo(page, 'button', 'Open application files…');
    for (const name of ['Enter', 'Space']) {
      assert.deepEqual(await focused(page), { role: 'button', name: 'Open application files…', checked: null });
      const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
      await page.keyboard.press(name);
      const opened = await chooser.catch(() => { throw new Error(`${name} opened no file chooser`); });
      if (name === 'Space') await opened.setFiles([path.join(fixtures, 'ana.application.json')]);
      else await opened.setFiles([]);
      await settle(page);
    }
    await control(page, 'button', 'Apply import').waitFor({ state: 'attached', timeout: 10000 });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
