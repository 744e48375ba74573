// Names in every script a member writes: each script's font is fetched from the site the first time
// such text appears (typed, pasted, loaded), and then every character has a glyph. A first visit with
// Latin text only fetches no extra font. Arabic and Hebrew names are painted right to left with
// Arabic letters joined (core/text/bidi_display, GNU FriBidi), while screen readers get them in
// reading order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForApp, waitForText, items } from './ui.mjs';

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

// An application as a member sends it, with the name (and e-mail) changed.
function applicationNamed(fixture, name, email, id) {
  const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, fixture), 'utf8'));
  Object.assign(doc.person, { name, email, id });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-rtl-')), `${email}.application.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

test('Arabic and Hebrew names are painted right to left, Arabic letters joined, and heard in reading order', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await waitForApp(page);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([
      applicationNamed('ana.application.json', 'محمد علي', 'mohammed@example.org', '0000000000000000000000000000a0a1'),
      applicationNamed('ben.application.json', 'שרה לוי', 'sarah@example.org', '0000000000000000000000000000a0a2'),
    ]);
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 2 file/);
    await click(page, 'Participants');
    await findItem(page, 'محمد علي');
    await findItem(page, 'שרה לוי');
    const painted = async () => Object.fromEntries((await items(page)).filter((i) => i.kind === 'painted').map((i) => [i.text, i.painted]));
    const shown = await painted();
    // Right to left, each letter in its joined form: meem initial, hah medial, meem medial, dal final;
    // ain initial, lam medial, yeh final (the same expectation as tests/core/bidi_display_test.cpp).
    assert.equal(shown['محمد علي'], '\uFEF2\uFEE0\uFECB \uFEAA\uFEE4\uFEA4\uFEE3');
    assert.equal(shown['שרה לוי'], 'יול הרש');
    // The joined forms are glyphs of the Arabic font too: none is drawn as "?".
    assert.equal(await waitForGlyphs(page, shown['محمد علي'] + shown['שרה לוי']), '');
    // Latin text is painted as it is written: nothing else was reordered.
    assert.ok(Object.keys(shown).every((t) => /[\u0590-\u08FF]/.test(t)), `only right-to-left text: ${Object.keys(shown)}`);
    // A screen reader hears the names in reading order, by role and name.
    assert.equal(await page.getByRole('button', { name: 'محمد علي', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'שרה לוי', exact: true }).count(), 1);
    await screenshot(page, 'scripts-3-right-to-left');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
