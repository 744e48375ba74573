// Names in every script a member writes: each script's font is fetched from the site the first time
// such text appears (typed, pasted, loaded), and then every character has a glyph. A first visit with
// Latin text only fetches no extra font. Arabic and Hebrew names are painted right to left with
// Arabic letters joined (core/text/bidi_display, GNU FriBidi); Devanagari and Thai names are drawn
// in the glyphs HarfBuzz shapes them into (core/text/complex_shaping); screen readers get every name
// as it was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot, outputDir } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForApp, waitForText, items, scrollTo } from './ui.mjs';

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

// The coordinator of IKT imports one application per [fixture, name, email, id] and finds each
// name on the Participants tab.
async function importNamed(page, people) {
  await waitForApp(page);
  await click(page, 'IKT mentoring');
  await click(page, 'Coordinate the scheme');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'Open application files…');
  await (await chooser).setFiles(people.map((p) => applicationNamed(...p)));
  await click(page, 'Apply import');
  await waitForText(page, 'notice', new RegExp(`Imported ${people.length} file`));
  await click(page, 'Participants');
  for (const [, name] of people) await findItem(page, name);
}

// What the app paints for a text, and what fields not being edited paint over themselves, from the
// test flavour's item capture.
async function paintedTexts(page, kind = 'painted') {
  return Object.fromEntries((await items(page)).filter((i) => i.kind === kind).map((i) => [i.text, i.painted]));
}

test('Arabic and Hebrew names are painted right to left, Arabic letters joined, and heard in reading order', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await importNamed(page, [
      ['ana.application.json', 'محمد علي', 'mohammed@example.org', '0000000000000000000000000000a0a1'],
      ['ben.application.json', 'שרה לוי', 'sarah@example.org', '0000000000000000000000000000a0a2'],
    ]);
    const shown = await paintedTexts(page);
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
    // In a field not being edited, the name reads right to left too (it was drawn in typing order:
    // backwards); being edited, the field shows it as typed, caret and all.
    await click(page, 'שרה לוי');
    await findItem(page, 'Name');
    const fields = await paintedTexts(page, 'field-painted');
    assert.equal(fields['שרה לוי'], 'יול הרש', `the Name field paints the name in order: ${JSON.stringify(fields)}`);
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'שרה לוי', 'stored and heard as typed');
    await screenshot(page, 'scripts-3b-name-field');
    await click(page, 'Name');
    await settle(page);
    const editing = (await items(page)).filter((i) => i.kind === 'field-painted' && i.text === 'שרה לוי');
    assert.deepEqual(editing, [], 'the field being edited shows its own characters');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

const SHAPED = /^[\uE000-\uF8FF ]+$/u;  // shaped glyphs (private-use characters of the atlas) and spaces

test('Devanagari and Thai names are shaped: conjuncts joined, vowel signs and tone marks in place, heard as typed', async () => {
  // At twice the pixels, as on most laptops and phones: the shaped glyphs are drawn at the device's pixels too.
  const { context } = await launch({ deviceScaleFactor: 2 });
  try {
    const { page, problems } = await openApp(context, url);
    // अनुष्का शर्मा: the conjunct ष्क, the reph of र्म; ปิ่นทอง ศรีสุข: a tone mark over the vowel sign i.
    await importNamed(page, [
      ['ana.application.json', 'अनुष्का शर्मा', 'anushka@example.org', '0000000000000000000000000000b0b1'],
      ['ben.application.json', 'ปิ่นทอง ศรีสุข', 'pinthong@example.org', '0000000000000000000000000000b0b2'],
    ]);
    // The fonts arrive, then each name is shaped into its glyphs.
    let shown = await paintedTexts(page);
    const deadline = Date.now() + 15000;
    while (!(SHAPED.test(shown['अनुष्का शर्मा'] ?? '') && SHAPED.test(shown['ปิ่นทอง ศรีสุข'] ?? '')) && Date.now() < deadline) {
      await page.waitForTimeout(100);
      await settle(page);
      shown = await paintedTexts(page);
    }
    const devanagari = shown['अनुष्का शर्मा'];
    const thai = shown['ปิ่นทอง ศรีสุข'];
    assert.match(devanagari ?? '', SHAPED, `the Devanagari name is painted in shaped glyphs: ${JSON.stringify(devanagari)}`);
    assert.match(thai ?? '', SHAPED, `the Thai name is painted in shaped glyphs: ${JSON.stringify(thai)}`);
    // Words stay words (Dear ImGui can wrap between them); a conjunct is fewer glyphs than letters:
    // अनुष्का is 7 characters (अ न ु ष ् क ा) in 5 glyphs (अ, न, the u sign, ष्क, the aa sign).
    const [anushka, sharma] = devanagari.split(' ');
    assert.equal(devanagari.split(' ').length, 2);
    assert.ok([...anushka].length < [...'अनुष्का'].length, `अनुष्का in ${[...anushka].length} glyphs`);
    assert.ok([...sharma].length < [...'शर्मा'].length, `शर्मा in ${[...sharma].length} glyphs`);
    // Every shaped glyph is in the atlas: none is drawn as "?".
    assert.equal(await waitForGlyphs(page, devanagari + thai), '');
    // A screen reader hears the names as they were typed, by role and name.
    assert.equal(await page.getByRole('button', { name: 'अनुष्का शर्मा', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'ปิ่นทอง ศรีสุข', exact: true }).count(), 1);
    await screenshot(page, 'scripts-4-devanagari-thai');
    const cell = await findItem(page, 'अनुष्का शर्मा');
    await page.screenshot({ path: path.join(outputDir, 'scripts-4b-names-close-up.png'),
      clip: { x: cell.x - 4, y: cell.y - 4, width: 180, height: 2 * cell.h + 12 } });
    // The Name field shows the name shaped as well, while it is not being edited.
    await click(page, 'अनुष्का शर्मा');
    await findItem(page, 'Name');
    const fields = await paintedTexts(page, 'field-painted');
    assert.equal(fields['अनुष्का शर्मा'], devanagari, 'the Name field paints the shaped name');
    // Being edited, it stays shaped (it was drawn letter by letter as typed), and typing carries on.
    await click(page, 'Name');
    await settle(page);
    await page.keyboard.press('End');
    await page.keyboard.type('ी');
    await settle(page);
    await settle(page);
    const editing = (await items(page)).find((i) => i.kind === 'field-painted' && i.text === 'editing:अनुष्का शर्माी');
    assert.match(editing?.painted ?? '', SHAPED, `shaped while edited: ${JSON.stringify(editing)}`);
    const field = await findItem(page, 'Name');
    await page.screenshot({ path: path.join(outputDir, 'scripts-4c-name-being-edited.png'),
      clip: { x: field.x - 4, y: field.y - 24, width: 260, height: field.h + 30 } });
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'अनुष्का शर्माी');
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'अनुष्का शर्मा');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// A long answer in Hebrew, in KIND's long-answer field: once the field is left, its rows read right
// to left and in order, the first words on the first row. Drawn in typing order, every word read
// backwards; reordered after wrapping the whole, its first words would come out on its last row.
const HEBREW_ANSWER = 'אנחנו רוצים לפרסם את תוצאות הסקר של המתנדבים שלנו כסיכום של שני עמודים ' +
  'שקבוצות בקהילה יוכלו לקרוא בעשר דקות עם שלושת הממצאים העיקריים במילים פשוטות';

test('a Hebrew long answer reads right to left, first words on the first row, in a field not being edited', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'KIND mentoring');
    await click(page, 'Apply as a mentor or mentee');
    await click(page, 'a mentee');
    await scrollTo(page, 'What are you trying to do?');
    const box = await findItem(page, 'What are you trying to do?');
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await settle(page);
    await page.keyboard.insertText(HEBREW_ANSWER);
    await settle(page);
    assert.equal(await waitForGlyphs(page, HEBREW_ANSWER), '', 'the Hebrew font arrived');
    await settle(page);
    // Being edited, the field is laid out as it reads too: its first row ends (at its right) with
    // the first word.
    const editing = (await items(page)).find((i) => i.kind === 'field-painted' && i.text.startsWith('editing:'));
    assert.ok(editing, 'the field being edited draws its rows as they read');
    assert.ok(editing.painted.split('\n')[0].endsWith([...'אנחנו'].reverse().join('')), `first row: ${editing.painted.split('\n')[0]}`);
    // A click at the right end of the first row is the start of the answer, where the first word
    // begins; in typing order it was the end of that row.
    await page.mouse.click(box.x + box.w - 12, box.y + 14);
    await settle(page);
    await page.keyboard.type('X');
    await settle(page);
    assert.equal(await page.getByRole('textbox', { name: 'What are you trying to do?', exact: true }).inputValue(), 'X' + HEBREW_ANSWER);
    await screenshot(page, 'scripts-5a-hebrew-answer-editing');
    await page.keyboard.press('Backspace');
    await settle(page);
    await page.keyboard.press('Tab');
    await settle(page);
    const field = (await items(page)).find((i) => i.kind === 'field-painted' && i.text === HEBREW_ANSWER);
    assert.ok(field, 'the field, left, paints its text over itself');
    const rows = field.painted.split('\n');
    assert.ok(rows.length >= 2, `the answer wraps (${rows.length} rows)`);
    const reversed = (word) => [...word].reverse().join('');
    // Each row reads right to left: its first word in reading order is at its right end.
    assert.ok(rows[0].endsWith(reversed('אנחנו')), `the first row ends (at its right) with the first word: ${rows[0]}`);
    assert.ok(rows.at(-1).startsWith(reversed('פשוטות')), `the last row starts (at its left) with the last word: ${rows.at(-1)}`);
    // Every word is there once, in its row, reading right to left.
    const words = rows.flatMap((r) => r.split(' ').reverse()).map(reversed);
    assert.deepEqual(words, HEBREW_ANSWER.split(' '));
    assert.equal(await page.getByRole('textbox', { name: 'What are you trying to do?', exact: true }).inputValue(), HEBREW_ANSWER);
    await screenshot(page, 'scripts-5-hebrew-answer');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a Hebrew name being typed reads right to left, and a click puts the caret where it was aimed', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, url);
    await click(page, 'KIND mentoring');
    await click(page, 'Apply as a mentor or mentee');
    const box = await findItem(page, 'Full name *');
    await page.mouse.click(box.x + 20, box.y + box.h / 2);
    await settle(page);
    await page.keyboard.insertText('שרה לוי');
    await settle(page);
    assert.equal(await waitForGlyphs(page, 'שרה לוי'), '', 'the Hebrew font arrived');
    await settle(page);
    const editing = (await items(page)).find((i) => i.kind === 'field-painted' && i.text === 'editing:שרה לוי');
    assert.equal(editing?.painted, 'יול הרש', 'drawn in reading order while it is typed');
    await screenshot(page, 'scripts-6-name-being-typed');
    // The name sits at the field's right, as right-to-left text does: a click at the right end is
    // before its first letter (in typing order it was after the last).
    await page.mouse.click(box.x + box.w - 10, box.y + box.h / 2);
    await settle(page);
    await page.keyboard.type('!');
    await settle(page);
    const value = () => page.getByRole('textbox', { name: 'Full name', exact: true }).inputValue();
    assert.equal(await value(), '!שרה לוי');
    // Left of the name is its end.
    await page.mouse.click(box.x + 30, box.y + box.h / 2);
    await settle(page);
    await page.keyboard.type('?');
    await settle(page);
    assert.equal(await value(), '!שרה לוי?');
    // The arrows go the way they point: from the start (the right end), Left twice is past "!ש".
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    await page.keyboard.type('-');
    await settle(page);
    assert.equal(await value(), '!ש-רה לוי?');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
