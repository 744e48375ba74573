// Survey exports as Excel workbooks: a coordinator picks a Microsoft Forms .xlsx in the real file
// chooser (and drops one on the page), sees its rows in the import preview, imports them, and
// exports the participants as a workbook whose cells hold every name as it was written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, testSiteDir, waitForText, waitForApp, exportVia, settle } from './ui.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const workbooks = path.join(here, '../fixtures/xlsx');
let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function openAsIktCoordinator(context) {
  const opened = await openApp(context, url);
  await waitForApp(opened.page);
  await click(opened.page, 'IKT mentoring');
  await click(opened.page, 'Coordinate the scheme');
  return opened;
}

// The parts of a ZIP archive (what an .xlsx is), with node's own zlib: the central directory
// gives each part's place and size.
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the download is not a ZIP archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts = {};
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10), size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28), extra = bytes.readUInt16LE(at + 30), comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const packed = bytes.subarray(data, data + size);
    parts[name] = (method === 8 ? zlib.inflateRawSync(packed) : packed).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

test('a Microsoft Forms workbook picked in the file chooser shows its rows in the preview and imports', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'Open application files…');
    await (await chooser).setFiles([path.join(workbooks, 'microsoft-forms.xlsx')]);
    // The first answer of each column, read from the workbook's cells: a shared string, a date
    // cell as an ISO time, a number without ".0", a multiple choice as Forms joins it.
    await waitForText(page, 'import-sample', /^Email: zoë\.martínez@example\.org( · |$)/, 15000);
    await waitForText(page, 'import-sample', /^Start time: 2024-05-01T09:50:24( · |$)/);
    await waitForText(page, 'import-sample', /^Years of experience: 12( · |$)/);
    await waitForText(page, 'import-sample', /^Which topics would you like to discuss\?: Leadership;Research methods;( · |$)/);
    // Recognised by itself, and the anonymous answer is named by its row in the sheet.
    await waitForText(page, 'info', /microsoft-forms\.xlsx: Microsoft Forms export, 8 answer\(s\)/);
    await waitForText(page, 'error', /microsoft-forms\.xlsx: row 5, column "Email": an anonymous answer/);
    await screenshot(page, 'xlsx-1-preview');
    await click(page, 'Leave out the CSV rows with problems and import the rest');
    await waitForText(page, 'left-out', /microsoft-forms\.xlsx row 5 \(anonymous\)/);
    await waitForText(page, 'import-preview', /^1 file\(s\): 6 new record\(s\), 0 updated, 0 unchanged$/);
    // Dmitry answered twice, the second time with his e-mail in capitals: the later answer is kept
    // and both are shown.
    await waitForText(page, 'resubmission', /dmitry@example\.ru answered twice; kept row 9, submitted 2024-05-04T12:14:24Z \(Дмитрий Иванов: mentor, 8 years, .*\), set aside row 4, submitted 2024-05-02T06:15:00Z \(Дмитрий Иванов: mentor and mentee, 7 years/);
    await click(page, 'Apply import');
    await waitForText(page, 'notice', /Imported 1 file\(s\)\. 1 answer\(s\) left out, named in the import history below\./);
    // The lasting import history names who was left out, and why.
    const title = await waitForText(page, 'history', /microsoft-forms\.xlsx \(Microsoft Forms\): 6 new, 0 updated, 1 left out/);
    await click(page, title);
    await waitForText(page, 'history', /^left out: microsoft-forms\.xlsx row 5 \(anonymous\)/);
    await waitForText(page, 'history', /^resubmitted: microsoft-forms\.xlsx: dmitry@example\.ru answered twice; kept row 9/);

    await click(page, 'Participants');
    await waitForText(page, 'participants', /^6 of 6 people$/);
    await screenshot(page, 'xlsx-2-participants');
    const { name, bytes } = await exportVia(page, 'Export participants XLSX');
    assert.match(name, /^pairwise-participants-.*\.xlsx$/);
    const parts = unzip(bytes);
    const sheet = parts['xl/worksheets/sheet1.xml'];
    assert.ok(sheet, `no sheet in ${Object.keys(parts)}`);
    for (const person of ['Zoë Martínez', 'Ελένη Παπαδοπούλου', 'Дмитрий Иванов', 'Nguyễn Thị Minh Khai', '李伟', 'فاطمة الزهراء'])
      assert.ok(sheet.includes(`<t>${person}</t>`), `${person} is not a cell of the exported sheet`);
    assert.ok(!sheet.includes('<f>'), 'the export holds a formula');
    assert.match(parts['xl/workbook.xml'], /<sheet name="Participants"/);
    fs.writeFileSync(path.join(here, 'output', 'xlsx-participants.xlsx'), bytes);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a workbook dropped onto the page reaches the import preview with its bytes intact', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openAsIktCoordinator(context);
    const bytes = [...fs.readFileSync(path.join(workbooks, 'microsoft-forms.xlsx'))];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'Mentoring applications.xlsx'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await settle(page);
    await waitForText(page, 'import-sample', /^Name: Zoë Martínez( · |$)/, 15000);
    await waitForText(page, 'import-sample', /^Completion time: 2024-05-01T10:06:09( · |$)/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
