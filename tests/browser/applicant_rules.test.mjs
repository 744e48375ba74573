// The applicant form applies the scheme's own rules as people type (issue 16 part 2): KIND's
// description and its request checks (unsuitable kinds of project with the seed's reason, word
// limits), and a time zone found by city from the browser's real zone list, offsets like +5:30.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, typeInto, findItem, texts, testSiteDir, settle, scrollTo, exportVia } from './ui.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

test('KIND\'s form shows the scheme\'s description and turns away "teach me how to code" as it is typed', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'KIND mentoring');
    await click(page, 'Apply as a mentor or mentee');
    const description = await texts(page, 'scheme-description');
    assert.equal(description.length, 1);
    assert.match(description[0], /8 weeks/, 'the scheme says how long it runs');
    await click(page, 'a mentee');
    await scrollTo(page, 'What are you trying to do?');
    await typeInto(page, 'What are you trying to do?', 'Teach me how to code');
    const errors = await texts(page, 'error');
    assert.ok(errors.some((t) => /open-ended projects aren't a good fit for an 8-week mentoring arrangement/.test(t)),
      `the seed's reason is shown: ${JSON.stringify(errors)}`);
    await screenshot(page, 'applicant-rules-1-kind-request');
    // Rewritten as a precise request, the reason goes.
    await typeInto(page, 'What are you trying to do?', 'Publish our volunteer survey results as a two-page summary');
    assert.ok(!(await texts(page, 'error')).some((t) => /open-ended/.test(t)), 'the message went with its cause');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a time zone is found by city and its offset today is recorded, +5:30 included', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'Cochrane KT mentoring');
    await click(page, 'Apply as a mentor or mentee');
    await scrollTo(page, 'Search time zones');
    await typeInto(page, 'Search time zones', 'kolkata');
    await click(page, 'Kolkata (Asia), UTC+5:30');
    await settle(page);
    await screenshot(page, 'applicant-rules-2-time-zone');
    await page.waitForTimeout(1200);  // saved as typed
    const draft = await page.evaluate(() => new Promise((resolve) => {
      const r = indexedDB.open('pairwise');
      r.onsuccess = () => {
        const get = r.result.transaction(['records'], 'readonly').objectStore('records').get(['settings', 'settings']);
        get.onsuccess = () => { r.result.close(); resolve(Object.values(get.result.value.application_draft)[0]); };
      };
    }));
    assert.equal(draft.timezone, 'Asia/Kolkata');
    assert.equal(draft.utc_offset_minutes, 330);
    // An offset typed by hand, half typed first: nothing is recorded until it reads as one.
    await typeInto(page, 'Hours from UTC (e.g. +1, -5, +5:30)', '-3:');
    assert.ok((await texts(page, 'error')).some((t) => /write it like \+5:30/.test(t)));
    await typeInto(page, 'Hours from UTC (e.g. +1, -5, +5:30)', '-3:30', { clear: true });
    assert.ok(!(await texts(page, 'error')).some((t) => /write it like/.test(t)));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
