// IKT's coordinator pauses a mentor who asked for a break and removes a participant with a reason,
// from the participant's own view (issue 16 part 4): a removal without a reason is refused with the
// core's words and changes nothing; each change is stored with its reason and shown in the history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, findItem, testSiteDir, waitForText, waitForApp, typeInto, dumpStorage, settle } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

const stored = async (page, email) =>
  (await dumpStorage(page)).records.filter((r) => r.store === 'people').map((r) => r.value).find((p) => p.email === email);

async function chooseStatus(page, status) {
  await click(page, 'New status');
  await click(page, status, { window: 'Combo' });
  await settle(page);
}

test('a coordinator pauses one participant and removes another with a reason, from the participant view', async () => {
  const { context } = await launch({ viewport: { width: 1280, height: 1000 } });
  try {
    const { page, problems } = await openApp(context, url);
    await waitForApp(page);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles(['ana', 'ben'].map((n) => path.join(fixtures, `${n}.application.json`)));
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 2 file/);
    await click(page, 'Participants');

    // A removal needs a reason: refused, nothing stored.
    await click(page, 'Ben Okafor');
    await waitForText(page, 'person-status', /^Now active/);
    await chooseStatus(page, 'removed');
    await page.waitForTimeout(1200);
    const before = await stored(page, 'ben@example.org');
    await click(page, 'Change status');
    await waitForText(page, 'error', /a removal needs a reason/);
    await page.waitForTimeout(1200);
    assert.deepEqual(await stored(page, 'ben@example.org'), before, 'a refused removal stores nothing');

    await typeInto(page, 'Reason (required for a removal)', 'abuse: betrayal of confidence');
    await click(page, 'Change status');
    await waitForText(page, 'notice', /^Ben Okafor is now removed\.$/);
    await waitForText(page, 'person-status-history', /: removed \(abuse: betrayal of confidence\)$/);
    await screenshot(page, 'participant-status-removed');

    // A pause, with an optional reason.
    await click(page, 'Close');
    await click(page, 'Ана Петрова');
    await waitForText(page, 'person-status', /^Now active/);
    await chooseStatus(page, 'paused');
    await typeInto(page, 'Reason (optional)', 'asked for a break until May');
    await click(page, 'Change status');
    await waitForText(page, 'notice', /^Ана Петрова is now paused\.$/);
    await waitForText(page, 'person-status', /^Now paused since \d{4}-\d{2}-\d{2}$/);

    await page.waitForTimeout(1200);
    const ben = await stored(page, 'ben@example.org');
    assert.equal(ben.status, 'removed');
    assert.equal(ben.status_history.at(-1).reason, 'abuse: betrayal of confidence');
    const ana = await stored(page, 'ana@example.org');
    assert.equal(ana.status, 'paused');
    assert.equal(ana.status_history.at(-1).reason, 'asked for a break until May');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
