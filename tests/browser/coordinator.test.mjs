// A coordinator imports three applications, runs matching (in the worker), locks and re-runs,
// accepts the proposals and sends an introduction pack, as a person would with mouse and keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot, outputDir } from './harness.mjs';
import { click, findItem, testSiteDir, waitForText, waitForApp, exportVia, items, settle, texts } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

// A fresh device: the coordinator picks the IKT preset and their role.
async function openAsIktCoordinator(context) {
  const opened = await openApp(context, url);
  await waitForApp(opened.page);
  await click(opened.page, 'IKT mentoring');
  await click(opened.page, 'Coordinate the scheme');
  return opened;
}

async function visibleLabels(page) {
  return (await items(page)).filter((i) => i.visible).map((i) => i.label);
}

test('a coordinator imports three applications, matches, accepts and exports an introduction pack', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben', 'chen'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await findItem(page, 'Apply import');
    await screenshot(page, 'coordinator-1-import-preview');
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 3 file/);

    // The worker starts (and warms up) when the Matching screen opens, before "Run matching".
    const workerStarted = page.waitForRequest((r) => r.url().endsWith('/matching_worker.wasm'), { timeout: 10000 });
    await click(page, 'Matching');
    await workerStarted;
    await click(page, 'Run matching');
    await findItem(page, 'Accept all proposals', { timeout: 20000 });
    await screenshot(page, 'coordinator-2-proposals');
    // Lock the first proposal: the run repeats by itself and the pair stays.
    await click(page, 'Lock');
    await findItem(page, 'Unlock', { timeout: 20000 });
    await findItem(page, 'Accept all proposals', { timeout: 20000 });
    await screenshot(page, 'coordinator-3-locked-rerun');
    await click(page, 'Accept all proposals');
    await waitForText(page, 'notice', /Accepted \d pair/);

    await click(page, 'Pairings');
    await findItem(page, 'Introduce');
    await screenshot(page, 'coordinator-4-pairings');
    const { name, text } = await exportVia(page, 'Introduce');
    assert.match(name, /^pairwise-introduction-ikt-mentoring-.*\.json$/);
    const pack = JSON.parse(text);
    assert.equal(pack.kind, 'introduction-pack');
    assert.ok(['ana@example.org', 'chen@example.org'].includes(pack.mentee.email));
    assert.ok(['ben@example.org', 'chen@example.org'].includes(pack.mentor.email));
    assert.notEqual(pack.mentee.email, pack.mentor.email);
    assert.match(pack.pairing.score_explanation, /points/);
    fs.writeFileSync(path.join(outputDir, 'coordinator-introduction-pack.json'), text);
    // The pair is now waiting for the mentor's answer.
    await findItem(page, 'Accepted');
    await screenshot(page, 'coordinator-5-introduced');
    assert.ok((await visibleLabels(page)).includes('Withdraw…'));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// The finding (issue 14 part 3): the match result was keyed on the people's row count, so an import
// that only updates people (a resubmission changing a preference) left it current, with "Accept all"
// enabled on pairs computed from the old answers.
test('a resubmission imported after a match makes the run out of date, and "Accept all" is no longer offered', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    let chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben', 'chen'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 3 file/);
    await click(page, 'Matching');
    await click(page, 'Run matching');
    await findItem(page, 'Accept all proposals', { timeout: 20000 });
    const accept = page.getByRole('button', { name: 'Accept all proposals', exact: true });
    assert.notEqual(await accept.getAttribute('aria-disabled'), 'true', 'offered on a fresh run');

    // Ana sends her application again with a preference for Ben: same person, a later revision.
    const ana = JSON.parse(fs.readFileSync(path.join(fixtures, 'ana.application.json'), 'utf8'));
    ana.person.preferences = ['ben@example.org'];
    ana.person.revision = 2;
    ana.person.updated_at = ana.exported_at = '2024-03-02T09:00:00Z';
    fs.mkdirSync(outputDir, { recursive: true });
    const resubmission = path.join(outputDir, 'ana-resubmitted.application.json');
    fs.writeFileSync(resubmission, JSON.stringify(ana, null, 2));
    await click(page, 'Import');
    chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([resubmission]);
    await waitForText(page, 'import-preview', /0 new record\(s\), 1 updated/);
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file/);

    await click(page, 'Matching');
    await waitForText(page, 'error', /changed since this run: run matching again before accepting/);
    await settle(page);
    assert.equal(await accept.getAttribute('aria-disabled'), 'true', 'not offered on the stale run');
    // Clicking it anyway accepts nothing.
    await click(page, 'Accept all proposals');
    assert.ok(!(await texts(page, 'notice')).some((t) => /Accepted \d pair/.test(t)));
    await click(page, 'Pairings');
    assert.ok(!(await items(page)).some((i) => i.visible && i.label === 'Introduce'), 'no pairing was made');
    // A new run takes the new answers and may be accepted again.
    await click(page, 'Matching');
    await click(page, 'Run matching');
    for (let i = 0; i < 200 && (await accept.getAttribute('aria-disabled')) === 'true'; i++) await page.waitForTimeout(100);
    assert.notEqual(await accept.getAttribute('aria-disabled'), 'true', 'offered again after a new run');
    assert.ok(!(await texts(page, 'error')).some((t) => /changed since this run/.test(t)));
    await screenshot(page, 'coordinator-stale-run-rerun');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// Screen state belongs to one scheme (issue 14 part 3): the Participants screen kept its search in
// a function static, so a search typed in one scheme still filtered the list of the next one.
test('a search typed in one scheme\'s participants does not carry over to another scheme or back', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben', 'chen'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 3 file/);
    await click(page, 'Participants');
    await waitForText(page, 'participants', /^3 of 3 people$/);
    const search = await findItem(page, 'search');
    await page.mouse.click(search.x + 20, search.y + search.h / 2);
    await page.keyboard.type('ана', { delay: 5 });
    await settle(page);
    await waitForText(page, 'participants', /^1 of 3 people$/);  // found across scripts and case

    await click(page, 'Start');
    await click(page, 'KIND mentoring');
    await click(page, 'Coordinate the scheme');
    await click(page, 'Participants');
    await waitForText(page, 'participants', /^0 of 0 people$/);
    // (the mirrored field keeps what was typed while it holds the focus; the list says what counts)

    await click(page, 'Start');
    await click(page, 'IKT mentoring');  // the scheme's radio button, drawn before the preset buttons
    await click(page, 'Coordinate the scheme');
    await click(page, 'Participants');
    await waitForText(page, 'participants', /^3 of 3 people$/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a coordinator maps the columns of a survey export before importing it', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(fixtures, 'survey-export.csv')]);
    // "Contact" is not recognised as the e-mail column: nothing can be imported yet.
    await waitForText(page, 'error', /required answers yet: E-mail address/);
    await screenshot(page, 'coordinator-csv-1-mapping');
    await click(page, 'Contact');
    await click(page, 'E-mail address', { window: 'Combo' });
    await findItem(page, 'Apply import');
    await screenshot(page, 'coordinator-csv-2-mapped');
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file/);
    await click(page, 'Participants');
    await screenshot(page, 'coordinator-csv-3-participants');
    const { text } = await exportVia(page, 'Export participants CSV');
    assert.match(text, /diana@example\.org/);
    assert.match(text, /Émile Zola/);
    // The choice is remembered with the scheme: the same export maps itself next time.
    await click(page, 'Import');
    const again = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await again).setFiles([path.join(fixtures, 'survey-export.csv')]);
    await findItem(page, 'Apply import');
    assert.deepEqual((await (await import('./ui.mjs')).texts(page, 'error')), []);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a coordinator edits the preset through its scheme file; a broken edit changes nothing', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const exported = await exportVia(page, 'Export scheme file');
    assert.match(exported.name, /^pairwise-scheme-ikt-mentoring-.*\.json$/);
    const doc = JSON.parse(exported.text);
    assert.equal(doc.kind, 'scheme');
    assert.equal(doc.scheme.no_response_days, 14);

    const broken = structuredClone(doc);
    broken.scheme.no_response_days = 'a week';
    const brokenFile = path.join(outputDir, 'coordinator-scheme-broken.json');
    fs.writeFileSync(brokenFile, JSON.stringify(broken));
    await click(page, 'Start');
    let chooser = page.waitForEvent('filechooser');
    await click(page, 'Open a scheme file…');
    await (await chooser).setFiles([brokenFile]);
    await waitForText(page, 'error', /coordinator-scheme-broken\.json: \$\.scheme\.no_response_days/);

    doc.scheme.no_response_days = 7;
    const editedFile = path.join(outputDir, 'coordinator-scheme-edited.json');
    fs.writeFileSync(editedFile, JSON.stringify(doc));
    chooser = page.waitForEvent('filechooser');
    await click(page, 'Open a scheme file…');
    await (await chooser).setFiles([editedFile]);
    await waitForText(page, 'notice', /Updated the scheme "IKT mentoring"/);
    await click(page, 'Coordinate the scheme');
    const again = JSON.parse((await exportVia(page, 'Export scheme file')).text);
    assert.equal(again.scheme.no_response_days, 7);
    assert.equal(again.scheme.id, doc.scheme.id, 'the same scheme, edited, not a second one');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
