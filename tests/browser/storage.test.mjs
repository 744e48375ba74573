// Nothing typed is ever lost: IndexedDB persistence, two tabs, files in and out, bad files, and
// storage refused. Each test drives the real page through the test flavour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, freshProfileDir, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle, waitForText, dumpStorage, waitForApp, exportVia } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function open(context) {
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  return page;
}

async function startApplying(page) {
  await click(page, 'IKT mentoring');
  await click(page, 'Apply as a mentor or mentee');
  await findItem(page, 'E-mail address *');
}

async function exportedApplication(page) {
  await click(page, 'a mentee');  // makes the form complete enough to export
  await typeInto(page, 'Country *', 'Kenya');
  await typeInto(page, 'Areas of activity *', 'policy');
  await typeInto(page, 'Years of experience *', '3');
  const { text } = await exportVia(page, 'Export application file');
  return JSON.parse(text).person;
}

test('data survives a reload and a browser restart with the same profile', async () => {
  const profileDir = freshProfileDir();
  let { context } = await launch({ profileDir });
  let page = await open(context);
  await startApplying(page);
  await typeInto(page, 'E-mail address *', 'kofi@example.org');
  await waitForText(page, 'save-status', /All changes saved/, 3000);
  await page.reload();
  await waitForApp(page);
  await findItem(page, 'E-mail address *');  // the role and scheme were stored too
  await context.close();

  ({ context } = await launch({ profileDir }));
  try {
    page = await open(context);
    await findItem(page, 'E-mail address *');
    const person = await exportedApplication(page);
    assert.equal(person.email, 'kofi@example.org');
  } finally { await context.close(); }
});

test('an edit followed by closing the tab half a second later survives', async () => {
  const { context } = await launch();
  try {
    let page = await open(context);
    await startApplying(page);
    await typeInto(page, 'E-mail address *', 'amara@example.org');
    await page.waitForTimeout(500);
    await page.close({ runBeforeUnload: false });
    page = await open(context);
    const person = await exportedApplication(page);
    assert.equal(person.email, 'amara@example.org');
  } finally { await context.close(); }
});

test('two tabs: one edits, the other follows read-only, and editing can move without losing anything', async () => {
  const { context } = await launch();
  try {
    const first = await open(context);
    await startApplying(first);
    const second = await open(context);
    await waitForText(second, 'banner', /open in another tab/);
    // A person types in the tab in front of them; background tabs draw no frames.
    await first.bringToFront();
    await typeInto(first, 'E-mail address *', 'lin@example.org');
    await waitForText(first, 'save-status', /All changes saved/, 3000);
    await second.bringToFront();
    await findItem(second, 'E-mail address *');
    await screenshot(second, 'storage-two-tabs-follower');
    await click(second, 'Edit here');
    await waitForText(first, 'banner', /Editing moved to another tab/);
    await page_wait(second);
    await typeInto(second, 'Country *', 'Виетнам');
    await waitForText(second, 'save-status', /All changes saved/, 3000);
    const dump = await dumpStorage(second);
    const settings = dump.records.find((r) => r.store === 'settings');
    const draft = Object.values(settings.value.application_draft)[0];
    assert.equal(draft.email, 'lin@example.org', 'the first tab\'s edit is kept');
    assert.equal(draft.country, 'Виетнам', 'the second tab\'s edit is stored');
  } finally { await context.close(); }
});

async function page_wait(page) {
  await page.waitForFunction(() => window.Module.pairwiseStorage.state === 'writer', null, { timeout: 5000 });
  await settle(page);
}

test('a coordinator imports through the file chooser and exports a participants CSV', async () => {
  const { context } = await launch();
  try {
    const page = await open(context);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(fixtures, 'ana.application.json'), path.join(fixtures, 'ben.application.json'),
      path.join(fixtures, 'chen.application.json')]);
    await findItem(page, 'Apply import', { timeout: 5000 });
    await screenshot(page, 'storage-import-preview');
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 3 file/);
    await click(page, 'Participants');
    const { name, text } = await exportVia(page, 'Export participants CSV');
    assert.match(name, /^pairwise-participants-.*\.csv$/);
    assert.match(text, /ana@example\.org/);
    assert.match(text, /ben@example\.org/);
    assert.match(text, /chen@example\.org/);
    assert.match(text, /Ана/);
  } finally { await context.close(); }
});

test('a malformed or wrong-kind file shows an error and leaves stored data exactly as it was', async () => {
  const { context } = await launch();
  try {
    const page = await open(context);
    await click(page, 'IKT mentoring');
    await click(page, 'Coordinate the scheme');
    let chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(fixtures, 'ana.application.json')]);
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file/);
    await page.waitForTimeout(1200);
    const before = await dumpStorage(page);

    chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(fixtures, 'ben.application.json'), path.join(fixtures, 'broken.application.json')]);
    const error = await waitForText(page, 'error', /broken\.application\.json: \$\.person\.languages\[1\]: expected a string/);
    assert.ok(error);
    await screenshot(page, 'storage-bad-file');
    await page.waitForTimeout(1200);
    assert.deepEqual(await dumpStorage(page), before, 'nothing was stored from a batch with an error');

    chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(fixtures, 'not-json.application.json')]);
    await waitForText(page, 'error', /not-json\.application\.json/);
    await page.waitForTimeout(1200);
    assert.deepEqual(await dumpStorage(page), before);
  } finally { await context.close(); }
});

test('when storage is refused the app says so, keeps working in memory and offers an export', async () => {
  const { context } = await launch();
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true, null, { timeout: 60000 });
    await waitForText(page, 'banner', /does not allow storage here/);
    await startApplying(page);
    await typeInto(page, 'E-mail address *', 'memory@example.org');
    const person = await exportedApplication(page);
    assert.equal(person.email, 'memory@example.org');
    const { name } = await exportVia(page, 'Export a backup now');
    assert.match(name, /^pairwise-backup-.*\.json$/);
    await screenshot(page, 'storage-refused');
    // Nothing here survives the tab: leaving asks first (the browser's own "Leave site?").
    await page.waitForTimeout(1200);
    assert.equal(await page.evaluate(() => window.Module.pairwiseLeaveGuard), true);
    const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.equal(page.isClosed(), false, 'the page stays when the person cancels');
  } finally { await context.close(); }
});

test('a backup of everything restores on another device, after a reminder and a confirmation', async () => {
  const fsm = await import('node:fs');
  const os = await import('node:os');
  let backupFile;
  {
    const { context } = await launch();
    try {
      const page = await open(context);
      await startApplying(page);
      await typeInto(page, 'E-mail address *', 'zoe@example.org');
      await waitForText(page, 'reminder', /never been backed up/);
      await click(page, 'Settings');
      const { name, text } = await exportVia(page, 'Back up everything');
      assert.match(name, /^pairwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const backup = JSON.parse(text);
      assert.equal(backup.kind, 'backup');
      backupFile = path.join(fsm.mkdtempSync(path.join(os.tmpdir(), 'pw-backup-')), name);
      fsm.writeFileSync(backupFile, text);
    } finally { await context.close(); }
  }
  const { context } = await launch();
  try {
    const page = await open(context);
    await click(page, 'Settings');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Restore from a backup…');
    await (await chooser).setFiles([backupFile]);
    await screenshot(page, 'storage-restore-confirm');
    await click(page, 'Replace everything with the backup');
    await waitForText(page, 'notice', /Restored everything/);
    await findItem(page, 'E-mail address *');  // the restored settings bring back the applicant's form
    const person = await exportedApplication(page);
    assert.equal(person.email, 'zoe@example.org');
  } finally { await context.close(); }
});

test('copy and paste between the app and other programs, including non-Latin text', async () => {
  const { context } = await launch();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const page = await open(context);
    await startApplying(page);
    await typeInto(page, 'E-mail address *', '');
    // Another program's text arrives as the page's paste event.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Юлия@example.org');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await settle(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await settle(page);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, 'Юлия@example.org');
    await page.waitForTimeout(1200);
    const dump = await dumpStorage(page);
    const settings = dump.records.find((r) => r.store === 'settings');
    assert.equal(Object.values(settings.value.application_draft)[0].email, 'Юлия@example.org');
  } finally { await context.close(); }
});
