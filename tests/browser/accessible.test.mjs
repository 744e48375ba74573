// The production build, driven only by ARIA role and accessible name (the semantics layer), as a
// screen reader user would: an applicant chooses a preset, fills the form, reloads, reads the
// answers back and exports. axe-core checks each screen reached for serious or critical problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, startServer } from './harness.mjs';
import { settle, waitForApp } from './ui.mjs';
import { control, press, fill, focused, announced, axeViolations } from './roles.mjs';

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
