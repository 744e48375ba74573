// Names in every script a member writes: each script's font is fetched from the site the first time
// such text appears (typed, pasted, loaded), and then every character has a glyph. A first visit with
// Latin text only fetches no extra font. (Joining Arabic letters and right-to-left order need
// shaping and bidi, which this text path does not do yet: this test checks glyphs, not shaping.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForApp } from './ui.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

const NAMES = {
  chinese: '张伟', japanese: 'さくら 田中', korean: '김민준', devanagari: 'अनिल', thai: 'สมชาย',
  arabic: 'محمد علي', hebrew: 'שלום', greek: 'Ελένη', cyrillic: 'Юлия', vietnamese: 'Nguyễn Thị Hương',
};
const ALL = Object.values(NAMES).join(' ');

async function missingGlyphs(page, text) {
  return page.evaluate((t) => window.Module.ccall('pairwise_test_missing_glyphs', 'string', ['string'], [t]), text);
}

async function waitForGlyphs(page, text, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let missing = await missingGlyphs(page, text);
  while (missing !== '' && Date.now() < deadline) {
    await page.waitForTimeout(100);
    await settle(page);
    missing = await missingGlyphs(page, text);
  }
  return missing;
}

test('names in Chinese, Japanese, Korean, Devanagari, Thai, Arabic and Hebrew get their glyphs', async () => {
  const { context } = await launch();
  try {
    const fontRequests = [];
    context.on('request', (r) => { if (/\/fonts\//.test(r.url())) fontRequests.push(new URL(r.url()).pathname); });
    const { page, problems } = await openApp(context, url);
    await click(page, 'IKT mentoring');
    await click(page, 'Apply as a mentor or mentee');
    await typeInto(page, 'E-mail address *', 'zhang.wei@example.org');
    await settle(page);
    assert.deepEqual(fontRequests, [], 'Latin text alone fetches no extra font');
    // Before any such text, the UI font has none of these characters (they would show as "?").
    assert.notEqual(await missingGlyphs(page, NAMES.chinese), '', 'the UI font alone lacks Chinese');

    await typeInto(page, 'Country *', ALL);  // IKT's form has no name field; any text field will do
    assert.equal(await waitForGlyphs(page, ALL), '', 'every character of every name has a glyph');
    for (const font of ['cjk.ttc', 'devanagari.ttf', 'thai.ttf', 'arabic.ttf', 'hebrew.ttf'])
      assert.ok(fontRequests.some((p) => p.endsWith(`/fonts/${font}`)), `fetched ${font}: ${fontRequests}`);
    await findItem(page, 'Country *');
    await screenshot(page, 'scripts-1-typed');

    // Stored names bring their fonts on the next visit, before anyone types.
    await page.waitForTimeout(1200);
    await page.reload();
    await waitForApp(page);
    await findItem(page, 'Country *');
    assert.equal(await waitForGlyphs(page, ALL), '', 'after a reload too');
    await screenshot(page, 'scripts-2-after-reload');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
