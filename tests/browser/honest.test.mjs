// Screens that say only what is so (issue 15 part 4): a message goes when its cause goes, a value on
// screen is the stored value, and the backup banner speaks to people who have something to lose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { click, typeInto, findItem, hasItem, texts, testSiteDir, settle, waitForText, waitForApp } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

const missingBanner = /Some required answers are missing/;

async function exportApplication(page) {
  await findItem(page, 'Export application file');
  await click(page, 'Export application file');
  await settle(page);
}

test('the applicant form tells what is missing, and stops saying it once it is fixed', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'IKT mentoring');
    await click(page, 'Apply as a mentor or mentee');
    // An applicant has nothing a backup would save: the scheme came from a preset and the answers
    // leave as the application file.
    assert.deepEqual(await texts(page, 'reminder'), [], 'no backup banner before anything is typed');

    await typeInto(page, 'E-mail address *', 'eleni@example.org');
    await page.waitForTimeout(1200);  // saved as you type; from now on there is a draft to lose
    assert.ok((await texts(page, 'reminder')).some((t) => /never been backed up/.test(t)), 'the banner speaks once there is work');
    await click(page, 'a mentee');
    await typeInto(page, 'Country *', 'Ελλάδα');
    await typeInto(page, 'Areas of activity *', 'implementation');
    // Years of experience is left unanswered: it used to show 0 and still count as missing, with
    // nothing marked in red.
    await exportApplication(page);
    assert.ok((await texts(page, 'error')).some((t) => missingBanner.test(t)), 'the banner says answers are missing');
    const marks = (await texts(page, 'error')).filter((t) => t === 'required');
    assert.equal(marks.length, 1, `exactly the one missing answer is marked: ${JSON.stringify(await texts(page, 'error'))}`);
    await screenshot(page, 'honest-1-missing-years');

    // 0 years is an answer, and the banner goes as soon as nothing is missing, without exporting.
    await typeInto(page, 'Years of experience *', '0');
    await settle(page);
    assert.ok(!(await texts(page, 'error')).some((t) => missingBanner.test(t)), 'the banner went with its cause');
    assert.deepEqual((await texts(page, 'error')).filter((t) => t === 'required'), []);

    const download = page.waitForEvent('download');
    await exportApplication(page);
    const file = await download;
    const doc = JSON.parse(await (await import('node:fs/promises')).readFile(await file.path(), 'utf8'));
    assert.equal(doc.person.experience_years, 0, 'the value on screen is the value exported');
    assert.ok((await texts(page, 'export-result')).some((t) => /^Saved as pairwise-application-ikt/.test(t)));

    // A later export that fails must not leave the earlier "Saved as" line standing.
    await typeInto(page, 'E-mail address *', '');
    await exportApplication(page);
    assert.deepEqual(await texts(page, 'export-result'), [], 'no "Saved as" after a failed export');
    assert.ok((await texts(page, 'error')).some((t) => missingBanner.test(t)));
    await screenshot(page, 'honest-2-failed-export');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a double click on a pairing step takes one step, not two', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await waitForApp(page);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben', 'chen'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 3 file/);
    await click(page, 'Matching');
    await click(page, 'Run matching');
    await findItem(page, 'Accept all proposals', { timeout: 20000 });
    await click(page, 'Accept all proposals');
    await waitForText(page, 'notice', /Accepted \d pair/);
    await click(page, 'Pairings');
    const introduce = await findItem(page, 'Introduce');
    await settle(page);
    // "Accepted" (the mentor's answer) takes the place of "Introduce" as soon as the pack is out.
    const download = page.waitForEvent('download');
    await page.mouse.dblclick(introduce.x + Math.min(introduce.w / 2, 12), introduce.y + introduce.h / 2);
    await download;
    await settle(page);
    await findItem(page, 'Accepted');
    assert.equal(await hasItem(page, 'Started'), false, 'the second click must not record the mentor as having accepted');
    await page.waitForTimeout(800);
    await settle(page);
    // Once settled, the step is there to take on purpose.
    await click(page, 'Accepted');
    await findItem(page, 'Started');
    await screenshot(page, 'honest-3-one-step-per-double-click');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
