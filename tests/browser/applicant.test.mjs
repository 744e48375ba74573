// An applicant picks a scheme, fills the intake form (with non-Latin names), reloads, and exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle } from './ui.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

test('an applicant fills the IKT form, reloads, and exports an application file', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'IKT mentoring');
    await click(page, 'Apply as a mentor or mentee');
    await screenshot(page, 'applicant-1-form');
    await typeInto(page, 'E-mail address *', 'eleni@example.org');
    await click(page, 'a mentee');
    await typeInto(page, 'Country *', 'Ελλάδα');
    await typeInto(page, 'Areas of activity *', 'implementation; Оценка');
    await typeInto(page, 'Years of experience *', '4');
    await page.waitForTimeout(1200);  // saved as you type: at most about a second behind
    // Once the draft is stored, leaving loses nothing, so the browser does not ask (storage.test.mjs
    // checks that it does ask where nothing can be stored).
    assert.equal(await page.evaluate(() => window.Module.pairwiseLeaveGuard), false, 'nothing at risk once saved');
    await page.reload();
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true);
    await settle(page);
    await findItem(page, 'E-mail address *');
    await screenshot(page, 'applicant-2-after-reload');
    const download = page.waitForEvent('download');
    await findItem(page, 'Export application file');
    await page.keyboard.press('Control+S');  // the shortcut exports the work on display
    const file = await download;
    assert.match(file.suggestedFilename(), /^pairwise-application-ikt.*\.json$/);
    const saved = await file.path();
    const doc = JSON.parse(fs.readFileSync(saved, 'utf8'));
    assert.equal(doc.kind, 'application');
    assert.equal(doc.person.email, 'eleni@example.org');
    assert.equal(doc.person.country, 'Ελλάδα');
    assert.deepEqual(doc.person.topics, ['implementation', 'Оценка']);
    assert.equal(doc.person.experience_years, 4);
    assert.deepEqual(doc.person.roles, ['mentee']);
    await screenshot(page, 'applicant-3-exported');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
