// A scheme's coordinator works on two devices (or two coordinators share a scheme): both correct
// the same participant before exchanging backups. Importing the other device's backup keeps both
// names, says so in the preview and on the Participants screen, and the coordinator picks one
// (issue 11 part 1: people merge field by field too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, findItem, hasItem, testSiteDir, waitForText, waitForApp, exportVia, typeInto, settle,
  dumpStorage, items, texts } from './ui.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

test('two coordinators correct one participant differently: both names are kept until one is picked', async () => {
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

    // This device corrects Ana's name.
    await click(page, 'Participants');
    await click(page, 'Ана Петрова');
    await typeInto(page, 'Name', 'Ана Петрова-Смит');
    await click(page, 'Save correction');
    await waitForText(page, 'notice', /Saved the correction of Ана Петрова-Смит/);

    // The office device (made from this device's backup) corrected the same name another way,
    // without seeing this correction: its field version counts its own edit, not this one.
    await click(page, 'Settings');
    const backup = JSON.parse((await exportVia(page, 'Back up everything')).text);
    const ana = backup.people.find((p) => p.email === 'ana@example.org');
    assert.ok(ana.sync && ana.sync.name, 'the correction is stamped with this device');
    const here = Object.keys(ana.sync.name.v).filter((d) => !d.startsWith('~'));
    assert.equal(here.length, 1, `one device edited the name here: ${JSON.stringify(ana.sync.name.v)}`);
    const office = { ...ana.sync.name.v };
    delete office[here[0]];
    office['coordinator-office'] = 1;
    ana.name = 'Anna Petrova';
    ana.sync.name = { v: office };
    ana.revision += 1;
    const officeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-office-')), 'office-backup.json');
    fs.writeFileSync(officeFile, JSON.stringify(backup));

    await click(page, 'Coordinator');
    await click(page, 'Import');
    const officeChooser = page.waitForEvent('filechooser');
    officeChooser.catch(() => {});  // a failure below is the one to report
    await screenshot(page, 'two-coordinators-0-import');
    await click(page, 'Open application files…');
    await (await officeChooser).setFiles([officeFile]);
    await findItem(page, 'Apply import');
    await screenshot(page, 'two-coordinators-1-preview');
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file/);

    await click(page, 'Participants');
    await waitForText(page, 'two-versions', /^1 participant\(s\) changed differently on two devices/);
    await click(page, (await findItem(page, 'Choose for ', { exact: false })).label);
    await findItem(page, 'Keep this version of name');
    await screenshot(page, 'two-coordinators-2-choices');
    const versions = await texts(page, 'kept-version');
    assert.deepEqual([...versions].sort(), ['Anna Petrova', 'Ана Петрова-Смит'].sort(), 'both names are shown');
    const people = (dump) => dump.records.filter((r) => r.store === 'people').map((r) => r.value);
    const storedAna = (dump) => people(dump).find((p) => p.email === 'ana@example.org');
    const both = JSON.stringify(storedAna(await dumpStorage(page)));
    assert.ok(both.includes('Ана Петрова-Смит') && both.includes('Anna Petrova'), 'both names are stored');

    // The coordinator keeps the office's spelling (the button under that version).
    const keeps = (await items(page)).filter((i) => i.visible && i.label === 'Keep this version of name')
      .sort((a, b) => a.x - b.x);
    assert.equal(keeps.length, 2, 'one button per kept version');
    const keep = keeps[versions.indexOf('Anna Petrova')];
    await page.mouse.click(keep.x + keep.w / 2, keep.y + keep.h / 2);
    await settle(page);
    assert.equal(await hasItem(page, 'Keep this version of name'), false, 'nothing is left to choose');
    assert.equal((await texts(page, 'two-versions')).length, 0, 'no participant is left to settle');
    await page.waitForTimeout(1200);
    const settled = storedAna(await dumpStorage(page));
    assert.equal(settled.name, 'Anna Petrova');
    assert.equal(JSON.stringify(settled).includes('Ана Петрова-Смит'), false, 'the replaced name is gone once chosen');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

