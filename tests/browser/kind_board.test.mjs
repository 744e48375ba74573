// A KIND round in the app alone (issue 16 part 1): the coordinator imports three mentees' requests
// and publishes the board on the scheme's site; a mentor who has never applied opens it from that
// site, filters by topic, chooses a request and sends an interest file; the coordinator imports it
// and introduces the pair from Pairings. The board holds no mentee's name, e-mail or organisation,
// and the request of the mentee who did not agree to be posted is not on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, dumpStorage, exportVia, findItem, openFile, settle, testSiteDir, typeInto, waitForApp, waitForText, scrollTo } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
// The scheme's static site: the app's files, and whatever the coordinator puts beside them.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-kind-site-'));
for (const entry of fs.readdirSync(testSiteDir)) fs.symlinkSync(path.join(testSiteDir, entry), path.join(site, entry));
let server; let url;
before(async () => { server = await serveSite(site, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)).then(() => fs.rmSync(site, { recursive: true, force: true })));

test('a coordinator publishes the request board, a mentor sends interest from the site, the coordinator introduces', async () => {
  const coordinator = await launch({ viewport: { width: 1280, height: 1000 } });
  const mentor = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    // The coordinator imports the requests and publishes the board next to the app.
    const { page: coord, problems: coordProblems } = await openApp(coordinator.context, url);
    await waitForApp(coord);
    await click(coord, 'KIND mentoring');
    await click(coord, 'Coordinate the scheme');
    await openFile(coord, 'Open application files…',
      ['kim', 'zoe', 'amir'].map((n) => path.join(fixtures, `kind-${n}.application.json`)));
    await click(coord, 'Apply import');
    await waitForText(coord, 'notice', /Imported 3 file/);
    await click(coord, 'Requests');
    await waitForText(coord, 'board-count', /^2 of 3 open request\(s\) go on the board/);
    await waitForText(coord, 'open-request', /أمير حداد: .*not on the board \(the mentee has not agreed to post it\)/);
    const board = await exportVia(coord, 'Export request board');
    assert.equal(board.name, 'request-board.json');
    for (const never of ['kim@kind.example', 'Kim Nguy', 'Zoë', 'Ministry of Health', 'A package on CRAN', 'amir', 'Stata']) {
      assert.ok(!board.text.includes(never), `the published board must not hold "${never}"`);
    }
    fs.writeFileSync(path.join(site, 'request-board.json'), board.text);

    // A mentor opens the board from the site: no file changes hands.
    const { page: m, problems: mentorProblems } = await openApp(mentor.context, url);
    await waitForApp(m);
    await click(m, 'KIND mentoring');
    await click(m, 'Browse project requests (mentors)');
    await waitForText(m, 'board-summary', /^KIND mentoring: 2 open request\(s\), published \d{4}-\d{2}-\d{2} \(from request-board\.json\)\.$/, 15000);
    // Filtering by topic shows only that topic's requests; the numbering stays the board's.
    await click(m, 'R');
    await settle(m);
    await findItem(m, 'I would mentor request 1');
    await assert.rejects(findItem(m, 'I would mentor request 2', { timeout: 800 }), 'the literature review request is not on topic R');
    await click(m, 'All topics');
    await findItem(m, 'I would mentor request 2');
    await click(m, 'I would mentor request 1');
    await typeInto(m, 'What should the coordinator know? (request 1)', 'I maintain two R packages');
    await scrollTo(m, 'Export interest file');
    // Without a name and e-mail the file is refused, saying what is missing.
    await click(m, 'Export interest file');
    await waitForText(m, 'error', /your name is missing/);
    await typeInto(m, 'Your name', 'Wen Li 李文');
    await typeInto(m, 'Your e-mail', 'wen@uni.example');
    await settle(m);
    const interest = await exportVia(m, 'Export interest file');
    assert.match(interest.name, /^pairwise-interest-kind-mentoring-wen-li-\d{4}-\d{2}-\d{2}\.json$/);
    const interestDoc = JSON.parse(interest.text);
    assert.equal(interestDoc.kind, 'interest');
    assert.equal(interestDoc.interests.length, 1);
    assert.equal(interestDoc.interests[0].note, 'I maintain two R packages');
    await screenshot(m, 'kind-board-mentor');
    const interestFile = path.join(site, '..', `${path.basename(site)}-interest.json`);
    fs.writeFileSync(interestFile, interest.text);

    // The coordinator imports the interest and introduces them.
    await click(coord, 'Import');
    await openFile(coord, 'Open application files…', [interestFile]);
    await waitForText(coord, 'import', /Wen Li 李文 would mentor Kim Nguyễn's request "Turn my R scripts/);
    await click(coord, 'Apply import');
    await waitForText(coord, 'notice', /Imported 1 file/);
    fs.rmSync(interestFile, { force: true });
    await click(coord, 'Requests');
    await waitForText(coord, 'open-request', /Kim Nguyễn: .*interest from Wen Li 李文 \(introduce them from Pairings\)/);
    await click(coord, 'Pairings');
    const pack = await exportVia(coord, 'Introduce');
    assert.match(pack.name, /introduction/i);
    await settle(coord);
    await coord.waitForTimeout(1200);
    const pairings = (await dumpStorage(coord)).records.filter((r) => r.store === 'pairings').map((r) => r.value);
    assert.equal(pairings.length, 1);
    assert.equal(pairings[0].mentor_email, 'wen@uni.example');
    assert.equal(pairings[0].mentee_email, 'kim@kind.example');
    assert.equal(pairings[0].origin, 'mentor_interest');
    assert.equal(pairings[0].history.at(-1).status, 'accepted', 'putting an interested mentor in touch accepts');
    const wen = (await dumpStorage(coord)).records.find((r) => r.store === 'people' && r.value.email === 'wen@uni.example');
    assert.ok(wen && wen.value.roles.includes('mentor'), 'the mentor joins the scheme from the interest file');
    // Kim's request has a mentor now: it leaves the board.
    await click(coord, 'Requests');
    await waitForText(coord, 'board-count', /^1 of 2 open request\(s\) go on the board/);
    await screenshot(coord, 'kind-board-coordinator');
    assert.deepEqual(coordProblems, []);
    assert.deepEqual(mentorProblems, []);
  } finally {
    await coordinator.context.close();
    await mentor.context.close();
  }
});
