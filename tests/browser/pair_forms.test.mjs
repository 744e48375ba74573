// The pair's own forms (issue 16): the mentee answers the scheme's preparation questions in the pair
// workspace and the progress report then says the preparation is met, without the answers; a
// withdrawal without fault on the mentee's device reaches the coordinator's Monitoring through the
// progress report, which moves the coordinator's pairing to "withdrawn"; six-monthly feedback, when
// due, sends the coordinator its ratings only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot, repoRoot } from './harness.mjs';
import { click, clickById, typeInto, findItem, testSiteDir, waitForText, waitForApp, exportVia, openFile, openTab, dumpStorage }
  from './ui.mjs';

const introductionPack = path.join(repoRoot, 'assets/examples/introduction-pack.example.json');
const coordinatorBackup = path.join(repoRoot, 'assets/examples/backup.example.json');
const QUESTION_1 = 'What do you want to get out of the mentoring?';
const QUESTION_2 = 'What outcomes would tell you that the mentoring has been successful?';
const ANSWER_1 = 'PREP Να γράψω την πρώτη μου αίτηση';
const ANSWER_2 = 'PREP one application sent';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function open(context) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await waitForApp(page);
  return { page, problems };
}

async function joinAsMentee(page, pack = introductionPack) {
  await click(page, 'Mentoring pair');
  await openFile(page, 'Open introduction pack…', pack);
  await click(page, 'I am the mentee, Teo Mentee');
  await click(page, 'Join the pairing');
  await waitForText(page, 'notice', /You joined the pairing of Mina Mentor and Teo Mentee/);
}

function saveDownload(name, text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-forms-')), name);
  fs.writeFileSync(file, text);
  return file;
}

// The coordinator's device: their backup restored, coordinating its scheme.
async function coordinateFromBackup(page) {
  await click(page, 'Settings');
  await openFile(page, 'Restore from a backup…', coordinatorBackup);
  await click(page, 'Replace everything with the backup');
  await waitForText(page, 'notice', /Restored everything/);
  await click(page, 'Start');
  await click(page, 'Co-production Network mentoring');  // the restored scheme of that name
  await click(page, 'Coordinate the scheme');
}

// The coordinator imports a pair's progress report, whose preview says what it moves.
async function importReport(page, file, said) {
  await click(page, 'Import');
  await openFile(page, 'Open application files…', file);
  await findItem(page, 'Apply import');
  await waitForText(page, 'import', said);
  await click(page, 'Apply import');
  await waitForText(page, 'notice', /Imported 1 file/);
}

test('the mentee prepares for the first meeting and the progress report says the preparation is met', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await open(context);
    await joinAsMentee(page);
    await openTab(page, 'Preparation');
    await waitForText(page, 'preparation', /^Preparation: to do \(before the first meeting the mentee prepares: "What do you want/);
    await typeInto(page, QUESTION_1, ANSWER_1);
    await waitForText(page, 'preparation', /^Preparation: to do .*"What outcomes would tell you/);
    await typeInto(page, QUESTION_2, ANSWER_2);
    await waitForText(page, 'preparation', /^Preparation: done \(the mentee answered the 2 preparation question\(s\)\)$/);
    await screenshot(page, 'pair-forms-1-preparation');

    // Saved as typed: the answers are back after a reload.
    await page.waitForTimeout(1500);
    await page.reload();
    await waitForApp(page);
    await openTab(page, 'Preparation');
    await waitForText(page, 'preparation', /^Preparation: done/);

    const own = JSON.parse((await exportVia(page, 'Back up now')).text);
    const mentee = own.people.find((p) => p.email === 'mentee@example.org');
    assert.deepEqual(mentee.preparation, [{ question: QUESTION_1, answer: ANSWER_1 }, { question: QUESTION_2, answer: ANSWER_2 }]);

    await openTab(page, 'Share and report');
    const report = await exportVia(page, 'Export progress report');
    const parsed = JSON.parse(report.text);
    const preparation = parsed.report.checks.find((c) => c.rule === 'preparation');
    assert.equal(preparation.status, 'met');
    assert.equal(report.text.includes('PREP'), false, 'the coordinator never receives the answers');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a withdrawal without fault on the mentee\'s device reaches the coordinator\'s Monitoring', async () => {
  // The mentee withdraws and exports the progress report.
  let reportFile;
  {
    const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await open(context);
      await joinAsMentee(page);
      await openTab(page, 'Feedback and ending');
      await waitForText(page, 'ending', /^This mentoring is active since 2024-01-10\.$/);
      await click(page, 'Withdraw from this mentoring');
      await typeInto(page, 'Reason (optional, stays with the two of you)', 'WITHDRAW-REASON moving abroad');
      await screenshot(page, 'pair-forms-2-withdraw');
      await click(page, 'Withdraw');
      await waitForText(page, 'ending', /^This mentoring is withdrawn since \d{4}-\d{2}-\d{2}\.$/);
      await openTab(page, 'Share and report');
      const { name, text } = await exportVia(page, 'Export progress report');
      assert.equal(JSON.parse(text).report.status, 'withdrawn');
      assert.equal(text.includes('WITHDRAW-REASON'), false, 'the reason stays with the pair');
      reportFile = saveDownload(name, text);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }

  // The coordinator, whose copy still says the pair is meeting, imports the report.
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await open(context);
    await coordinateFromBackup(page);
    await click(page, 'Monitoring');
    await waitForText(page, 'monitoring', /1 meeting, 0 ended$/);
    await importReport(page, reportFile, /the pairing of Mina Mentor and Teo Mentee is now withdrawn/);
    await click(page, 'Monitoring');
    await waitForText(page, 'monitoring', /0 meeting, 1 ended$/);
    await waitForText(page, 'monitoring', /^Teo Mentee with Mina Mentor \(withdrawn\): 0 meeting\(s\)$/);
    await screenshot(page, 'pair-forms-3-monitoring');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('six-monthly feedback, when due, sends the coordinator the ratings and never the comment', async () => {
  // The same pair in a scheme that asks for feedback every six months (IKT's cadence).
  const pack = JSON.parse(fs.readFileSync(introductionPack, 'utf8'));
  pack.scheme.feedback_every_months = 6;
  const packFile = saveDownload('six-monthly.introduction-pack.json', JSON.stringify(pack));
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await open(context);
    await joinAsMentee(page, packFile);
    await openTab(page, 'Feedback and ending');
    // Active since 2024-01-10: a round falls due every six months, on the 10th.
    await waitForText(page, 'feedback', /^Your feedback is due \(since \d{4}-(01|07)-10\)\.$/);
    await clickById(page, '4##periodic-overall');
    await clickById(page, '5##periodic-usefulness');
    await typeInto(page, 'Comment for your partner on this round (optional)', 'PERIODIC-COMMENT very useful');
    await screenshot(page, 'pair-forms-4-periodic-feedback');
    await click(page, 'Send my feedback');
    await waitForText(page, 'feedback', /^Your next feedback falls due on \d{4}-(01|07)-10\.$/);

    await openTab(page, 'Share and report');
    const report = await exportVia(page, 'Export progress report');
    const feedback = JSON.parse(report.text).report.feedback;
    assert.equal(feedback.length, 1);
    assert.equal(feedback[0].end_of_relationship, false);
    assert.equal(feedback[0].from_role, 'mentee');
    assert.deepEqual(feedback[0].ratings, [{ key: 'overall', value: 4 }, { key: 'usefulness', value: 5 }]);
    assert.equal(report.text.includes('PERIODIC-COMMENT'), false, 'the comment stays with the pair');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('ending with feedback on the mentee\'s device completes the pairing and reaches the coordinator with the ratings and who ended it', async () => {
  let reportFile;
  {
    const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await open(context);
      await joinAsMentee(page);
      await openTab(page, 'Feedback and ending');
      await waitForText(page, 'ending', /^This mentoring is active since 2024-01-10\.$/);
      await clickById(page, '4##ending-overall');
      await clickById(page, '3##ending-usefulness');
      await typeInto(page, 'Comment for your partner on the ending (optional)', 'ENDING-COMMENT thank you, Mina');
      await click(page, 'Send my ending feedback');
      await click(page, 'Send the feedback');
      await waitForText(page, 'notice', /^Your ending feedback is saved\./);
      await waitForText(page, 'ending', /^This mentoring is completed since \d{4}-\d{2}-\d{2}\.$/);
      await waitForText(page, 'ending', /^You gave your ending feedback on \d{4}-\d{2}-\d{2}\.$/);
      await openTab(page, 'Share and report');
      const { name, text } = await exportVia(page, 'Export progress report');
      const report = JSON.parse(text).report;
      assert.equal(report.status, 'completed');
      assert.equal(report.history.at(-1).by, 'mentee', 'the report says who ended it');
      const ending = report.feedback.find((f) => f.end_of_relationship);
      assert.deepEqual(ending.ratings, [{ key: 'overall', value: 4 }, { key: 'usefulness', value: 3 }]);
      assert.equal(text.includes('ENDING-COMMENT'), false, 'the comment stays with the pair');
      reportFile = saveDownload(name, text);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }

  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await open(context);
    await coordinateFromBackup(page);
    await importReport(page, reportFile, /the pairing of Mina Mentor and Teo Mentee is now completed/);
    await click(page, 'Monitoring');
    await waitForText(page, 'monitoring', /0 meeting, 1 ended$/);
    await waitForText(page, 'monitoring', /^Teo Mentee with Mina Mentor \(completed\): 0 meeting\(s\)$/);
    await page.waitForTimeout(1200);
    const pairing = (await dumpStorage(page)).records.find((r) => r.store === 'pairings').value;
    assert.equal(pairing.history.at(-1).status, 'completed');
    assert.equal(pairing.history.at(-1).by, 'mentee', 'the coordinator\'s record says the mentee ended it');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
