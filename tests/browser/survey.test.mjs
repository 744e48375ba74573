// A coordinator imports a SurveyMonkey export through the real file chooser (issue 13): the
// layout is recognised with no hand mapping, roles, topics and dates come through, the person who
// answered twice keeps the later answer, and the answers left out are named in the preview and in
// the lasting import history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, findItem, testSiteDir, waitForText, waitForApp, exportVia, texts } from './ui.mjs';

const surveys = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/surveys');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

// Splits one CSV line of our own writer's output (no line breaks inside the cells we read here).
function cells(line) {
  const out = []; let cur = ''; let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

test('a SurveyMonkey export imports with no hand mapping, and nobody is lost quietly', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    await waitForApp(page);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(surveys, 'surveymonkey.csv')]);
    await waitForText(page, 'info', /surveymonkey\.csv: SurveyMonkey export, 13 answer\(s\)/, 15000);
    await waitForText(page, 'info', /Recognised as a SurveyMonkey export/);
    // Sam's capacity "lots" blocks the import until the coordinator leaves that answer out.
    await waitForText(page, 'left-out', /row 12 \(Sam O'Neil\): column "How many mentees could you take on\?"/);
    await screenshot(page, 'survey-1-preview');
    await click(page, 'Leave out the CSV rows with problems and import the rest');
    await findItem(page, 'Apply import', { timeout: 15000 });
    await waitForText(page, 'left-out', /surveymonkey\.csv row 11 \(Chen Wei\): no e-mail address/);
    await waitForText(page, 'resubmission', /answered twice; kept row 3, submitted 2024-05-14T20:19:55Z \(Élodie Durand: mentor, 9 years, capacity 3/);
    await findItem(page, 'Keep row 15 instead');
    // IKT asks everyone's country, which this form never asked: said once for the mapping, and per person.
    assert.deepEqual(await texts(page, 'error'), ['No column gives these required answers yet: Country']);
    await waitForText(page, 'missing', /^Zoë Ångström \(zoe\.angstrom@example\.se\): Country$/);
    await screenshot(page, 'survey-2-ready');
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file\(s\)\. 2 answer\(s\) left out, named in the import history below\./);

    // The import history lasts: it names who was left out, and exports.
    const title = await waitForText(page, 'history', /surveymonkey\.csv \(SurveyMonkey\): 10 new, 0 updated, 2 left out/);
    await click(page, title);
    await waitForText(page, 'history', /^left out: surveymonkey\.csv row 11 \(Chen Wei\): no e-mail address$/);
    await waitForText(page, 'history', /^resubmitted: surveymonkey\.csv: .* answered twice; kept row 3/);
    await screenshot(page, 'survey-3-history');
    const history = await exportVia(page, 'Export import history (CSV)');
    assert.match(history.name, /^pairwise-import-history-.*\.csv$/);
    assert.match(history.text, /left out,surveymonkey\.csv,11,Chen Wei,,no e-mail address/);
    assert.match(history.text, /left out,surveymonkey\.csv,12,Sam O'Neil,sam\.oneil@example\.ie,/);

    // The people as imported: roles, every chosen theme, the survey's own dates, the later answer.
    await click(page, 'Participants');
    await findItem(page, 'Export participants CSV');
    const { text } = await exportVia(page, 'Export participants CSV');
    const rows = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map(cells);
    const header = rows[0];
    const byEmail = Object.fromEntries(rows.slice(1).map((r) => [r[0].normalize('NFC').toLowerCase(), Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    assert.equal(rows.length - 1, 10);
    const elodie = byEmail['élodie.durand@example.fr'];
    assert.ok(elodie, JSON.stringify(Object.keys(byEmail)));
    assert.equal(elodie['Experience (years)'], '9');
    assert.equal(elodie.Capacity, '3');
    assert.equal(elodie['Applied on'], '2024-05-14');
    assert.equal(byEmail['dimitris@example.gr'].Role, 'both');
    assert.equal(byEmail['dimitris@example.gr']['Applied on'], '2024-05-03');
    assert.equal(byEmail['zoe.angstrom@example.se'].Topics, 'Stakeholder engagement; Evidence synthesis');
    assert.equal(byEmail['olga.ivanova@example.ru'].Role, 'mentee');
    assert.ok(!('chen wei' in byEmail));

    // A coordinator corrects a participant in the app; the change is saved like any other edit.
    await click(page, 'Ольга Иванова');
    await click(page, 'Mentor');
    await click(page, 'Save correction');
    await waitForText(page, 'notice', /Saved the correction of Ольга Иванова/);
    const again = await exportVia(page, 'Export participants CSV');
    assert.match(again.text, /olga\.ivanova@example\.ru,Ольга Иванова,both/);
    await screenshot(page, 'survey-4-participants');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
