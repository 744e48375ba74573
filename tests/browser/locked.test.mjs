// Passphrase-locked files between the app (Web Crypto) and the command line (OpenSSL): the app opens
// a file the CLI locked, asking for the passphrase and storing nothing until it opens; the CLI opens
// a file the app locked. Format: assets/locked-file-format.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, repoRoot, screenshot } from './harness.mjs';
import { click, findItem, testSiteDir, typeInto, waitForText, waitForApp, exportVia, dumpStorage, hasItem } from './ui.mjs';

const PASSPHRASE = 'Ωmega kettle 7 lanterns';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-locked-'));

// The native CLI as scripts/test.sh builds it (build/native), built here if this run has none.
function cliPath() {
  const cli = process.env.PAIRWISE_CLI || path.join(repoRoot, 'build/native/pairwise');
  if (!fs.existsSync(cli)) {
    console.log('# note: building the native CLI (scripts/build.sh native) for the locked-file round trip');
    execFileSync('bash', [path.join(repoRoot, 'scripts/build.sh'), 'native'], { stdio: 'inherit' });
  }
  return cli;
}
function cli(...args) {
  const r = spawnSync(cliPath(), args, { encoding: 'utf8' });
  return { code: r.status, output: (r.stdout || '') + (r.stderr || '') };
}

let server, url;
before(async () => {
  server = await serveSite(testSiteDir, 0, '127.0.0.1');
  url = `http://127.0.0.1:${server.address().port}/`;
});
after(() => new Promise((r) => server.close(r)));

async function open(context) {
  const { page, problems } = await openApp(context, url);
  await waitForApp(page);
  return { page, problems };
}

// Everything the page keeps: IndexedDB records and every localStorage value (the journal).
async function everythingStored(page) {
  const db = JSON.stringify(await dumpStorage(page));
  const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  return db + local;
}

test('the app opens a backup the command line locked: wrong passphrase said and retried, nothing stored before it opens', async () => {
  const passFile = path.join(work, 'pass.txt');
  fs.writeFileSync(passFile, PASSPHRASE + '\n');
  const locked = path.join(work, 'from-cli.pwlock');
  const made = cli('export', '--from', path.join(repoRoot, 'tests/fixtures/backup.v3.json'), '--kind', 'backup',
    '--passphrase-file', passFile, '-o', locked);
  assert.equal(made.code, 0, made.output);
  const text = fs.readFileSync(locked, 'utf8');
  assert.match(text, /^PAIRWISE-LOCKED-FILE-1\n/);
  assert.doesNotMatch(text, /Mina|backup|format_version/);

  const { context } = await launch();
  try {
    const { page, problems } = await open(context);
    const before = await everythingStored(page);
    await click(page, 'Settings');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Restore from a backup…');
    await (await chooser).setFiles([locked]);
    await findItem(page, 'Passphrase', { window: 'Open a locked file' });
    await screenshot(page, 'locked-passphrase-dialog');

    await typeInto(page, 'Passphrase', 'Omega kettle 7 lanterns');
    // A screen reader hears a passphrase field with so many characters; the page never holds the text.
    const mirrored = await page.evaluate(() => [...document.querySelectorAll('input, textarea')]
      .map((e) => ({ type: e.type, label: e.getAttribute('aria-label'), value: e.value })));
    assert.ok(mirrored.some((e) => e.label === 'Passphrase' && e.type === 'password' && e.value === '*'.repeat(23)),
      JSON.stringify(mirrored));
    assert.ok(!mirrored.some((e) => e.value.includes('kettle')), 'the passphrase is not in the page');
    await click(page, 'Open');
    await waitForText(page, 'error', /from-cli\.pwlock: the passphrase is wrong/, 20000);
    await screenshot(page, 'locked-wrong-passphrase');
    const afterWrong = await everythingStored(page);
    assert.equal(afterWrong, before, 'nothing is stored from a file that did not open');
    assert.ok(!afterWrong.includes('Omega kettle'), 'the passphrase typed is not kept');

    await typeInto(page, 'Passphrase', PASSPHRASE);
    await click(page, 'Open');
    await findItem(page, 'Replace everything with the backup', { timeout: 20000 });
    await click(page, 'Replace everything with the backup');
    await waitForText(page, 'notice', /Restored everything/);
    await page.waitForTimeout(1500);
    const stored = await everythingStored(page);
    assert.ok(stored.includes('Mina Mentor'), 'the opened backup is restored');
    assert.ok(!stored.includes('kettle 7 lanterns'), 'the passphrase is never stored or journaled');
    assert.deepEqual(problems, []);

    // A damaged locked file is refused before any passphrase is asked for.
    const damaged = path.join(work, 'damaged.pwlock');
    const lines = text.split('\n');
    lines[3] = lines[3].slice(0, 10) + (lines[3][10] === 'A' ? 'B' : 'A') + lines[3].slice(11);
    fs.writeFileSync(damaged, lines.join('\n'));
    await click(page, 'Settings');
    const chooser2 = page.waitForEvent('filechooser');
    await click(page, 'Restore from a backup…');
    await (await chooser2).setFiles([damaged]);
    await waitForText(page, 'error', /damaged\.pwlock: the locked file is damaged/);
    assert.equal(await hasItem(page, 'Passphrase'), false, 'no passphrase is asked for a damaged file');
  } finally { await context.close(); }
});

test('the command line opens a backup the app locked, with a strength hint while the passphrase is chosen', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await open(context);
    // Something to back up: the committed fixture, locked once by the CLI, restored through the dialog.
    await click(page, 'Settings');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Restore from a backup…');
    await (await chooser).setFiles([path.join(repoRoot, 'tests/fixtures/locked-backup.v1.pwlock')]);
    await typeInto(page, 'Passphrase', PASSPHRASE);
    await click(page, 'Open');
    await findItem(page, 'Replace everything with the backup', { timeout: 20000 });
    await click(page, 'Replace everything with the backup');
    await waitForText(page, 'notice', /Restored everything/);

    await click(page, 'Settings');
    await click(page, 'Lock exported files with a passphrase');
    await typeInto(page, 'Passphrase', 'kettle');
    await waitForText(page, 'hint', /^Too short/);
    const chosen = 'correct horse battery staple';
    await typeInto(page, 'Passphrase', chosen);
    await typeInto(page, 'Repeat the passphrase', chosen);
    await waitForText(page, 'hint', /^Strong/);
    await screenshot(page, 'locked-export-choice');
    const { name, text } = await exportVia(page, 'Back up everything');
    assert.match(name, /^pairwise-locked-\d{4}-\d{2}-\d{2}-[0-9a-f]{4}\.pwlock$/);
    assert.match(text, /^PAIRWISE-LOCKED-FILE-1\n/);
    assert.doesNotMatch(text, /Mina|Mentor|backup|format_version/);
    const fromApp = path.join(work, name);
    fs.writeFileSync(fromApp, text);
    assert.ok(!(await everythingStored(page)).includes(chosen), 'the export passphrase is not stored either');

    const passFile = path.join(work, 'app-pass.txt');
    fs.writeFileSync(passFile, chosen + '\n');
    const validated = cli('validate', '--passphrase-file', passFile, fromApp);
    assert.equal(validated.code, 0, validated.output);
    assert.match(validated.output, /valid backup \(format version \d+\), locked with a passphrase/);
    const wrongFile = path.join(work, 'app-wrong.txt');
    fs.writeFileSync(wrongFile, 'correct horse battery stable\n');
    const wrong = cli('validate', '--passphrase-file', wrongFile, fromApp);
    assert.equal(wrong.code, 1);
    assert.match(wrong.output, /the passphrase is wrong/);
    const into = path.join(work, 'mine.json');
    const imported = cli('import', '--own-workspace', '--into', into, '--passphrase-file', passFile, fromApp);
    assert.equal(imported.code, 0, imported.output);
    assert.ok(fs.readFileSync(into, 'utf8').includes('Mina Mentor'));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
