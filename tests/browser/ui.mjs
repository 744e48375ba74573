// Drives the app the way a person does: finds a widget by its visible label in the table that the
// test flavour publishes (Module.pairwiseItems), then moves the real mouse there and clicks or types.
import path from 'node:path';
import { repoRoot } from './harness.mjs';

export const testSiteDir = process.env.PAIRWISE_TEST_SITE || path.join(repoRoot, 'build/wasm/site-test');

export async function items(page) {
  return page.evaluate(() => window.Module.pairwiseItems || []);
}

// Waits for a visible widget whose label (text before "##") matches; `window` narrows the search.
export async function findItem(page, label, { window, timeout = 5000, exact = true } = {}) {
  const deadline = Date.now() + timeout;
  let last = [];
  while (Date.now() < deadline) {
    last = await items(page);
    const found = last.find((it) => it.visible && (exact ? it.label === label : it.label.includes(label)) &&
      (!window || it.window.includes(window)));
    if (found) return found;
    await page.waitForTimeout(50);
  }
  const labels = [...new Set(last.filter((i) => i.visible).map((i) => i.label))].slice(0, 80);
  throw new Error(`no visible widget labelled "${label}"; visible labels: ${JSON.stringify(labels)}`);
}

export async function hasItem(page, label) {
  return (await items(page)).some((it) => it.visible && it.label === label);
}

// Layout can still move for a frame after data arrives (a banner appears, a notice goes): a person
// aims at where the widget is, so wait until it stays put.
async function findSteady(page, label, options) {
  let it = await findItem(page, label, options);
  for (let i = 0; i < 10; i++) {
    await settle(page);
    const again = await findItem(page, label, options);
    if (again.x === it.x && again.y === it.y && again.w === it.w && again.h === it.h) return again;
    it = again;
  }
  return it;
}

export async function click(page, label, options = {}) {
  const it = await findSteady(page, label, options);
  await page.mouse.move(it.x + Math.min(it.w / 2, 12), it.y + it.h / 2);
  await page.mouse.down();
  await page.mouse.up();
  await settle(page);
  return it;
}

// Clicks into a text field (by its label) and types real keys.
export async function typeInto(page, label, text, { clear = true, ...options } = {}) {
  const it = await findSteady(page, label, options);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
  if (clear) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

// Waits until the app has drawn the frames that follow the last input.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const step = () => (++n >= 5 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }));
}

// Messages drawn as plain text (errors, banners, notices, save status) published by the test flavour.
export async function texts(page, kind) {
  return (await items(page)).filter((it) => it.kind && (!kind || it.kind === kind)).map((it) => it.text);
}

export async function waitForText(page, kind, pattern, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await texts(page, kind);
    if (seen.some((t) => pattern.test(t))) return seen.find((t) => pattern.test(t));
    await page.waitForTimeout(50);
  }
  throw new Error(`no ${kind} text matching ${pattern}; seen: ${JSON.stringify(seen)}`);
}

// Every stored record, sorted, straight from IndexedDB (to prove nothing changed).
export async function dumpStorage(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('pairwise');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['records', 'meta'], 'readonly');
      const out = {};
      tx.objectStore('records').getAll().onsuccess = (e) => { out.records = e.target.result; };
      tx.objectStore('meta').getAll().onsuccess = (e) => { out.meta = e.target.result; };
      tx.oncomplete = () => { db.close(); out.records.sort((a, b) => (a.store + a.id).localeCompare(b.store + b.id)); resolve(out); };
    };
  }));
}

export async function waitForApp(page) {
  await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true, null, { timeout: 60000 });
  await page.waitForFunction(() => window.Module.pairwiseStorage && window.Module.pairwiseStorage.state !== 'loading', null, { timeout: 10000 });
  await settle(page);
}

// Downloads what a button exports and returns the file name and text.
export async function exportVia(page, label) {
  const download = page.waitForEvent('download', { timeout: 15000 });
  download.catch(() => {});  // if the click itself fails, report that, not the abandoned wait
  // An export button often ends a long screen: a person scrolls down to it first.
  await scrollTo(page, label);
  await click(page, label);
  let file;
  try {
    file = await download;
  } catch (e) {
    const { outputDir } = await import('./harness.mjs');
    const shot = `${outputDir}/failed-export-${Date.now()}.png`;
    await page.screenshot({ path: shot });
    throw new Error(`"${label}" gave no download; messages on screen: ${JSON.stringify(await texts(page))}; see ${shot}`);
  }
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(await file.path());  // as they are, for a binary download (.xlsx)
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

// Long screens scroll: a person scrolls with the wheel until the field shows.
export async function scrollTo(page, label, options = {}) {
  const viewportBottom = page.viewportSize().height - 40;
  const matches = (it) => it.visible && it.y + it.h < viewportBottom &&
    (options.exact === false ? it.label.includes(label) : it.label === label);
  for (let i = 0; i < 40; i++) {
    if ((await items(page)).some(matches)) return;
    // Over the empty right-hand part of the screen, not over a text box (which scrolls itself);
    // on a phone, inside the screen's right margin.
    const { width } = page.viewportSize();
    await page.mouse.move(width >= 1240 ? 1200 : width - 20, 600);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  await findItem(page, label, { timeout: 500, exact: options.exact });
}

// Rows repeat the same visible label (the two owners' names): aim at one row by its full id.
export async function clickById(page, fullLabel) {
  const it = (await items(page)).find((i) => i.visible && i.fullLabel === fullLabel);
  if (!it) throw new Error(`no visible widget ${fullLabel}`);
  await page.mouse.click(it.x + Math.min(it.w / 2, 12), it.y + it.h / 2);
  await settle(page);
}

// `file`: one path, or a list of paths chosen together.
export async function openFile(page, buttonLabel, file) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, buttonLabel);
  await (await chooser).setFiles(Array.isArray(file) ? file : [file]);
  await settle(page);
}

// Switches to a tab and waits for a widget that only that tab shows. A click that lands while the
// previous screen is still settling (a text box losing focus, a scroll ending) is occasionally not
// taken on the loaded test machine; a person would click again, so this clicks once more and says so.
const tabMarkers = {
  Meetings: 'New meeting', Objectives: 'New objective', 'Private notes': 'New private note',
  'Share and report': 'Export progress report', Agreement: 'Confidentiality',
};
export async function openTab(page, label) {
  const marker = tabMarkers[label];
  await click(page, label);
  if (!marker) return;
  try {
    await findItem(page, marker, { timeout: 1500 });
  } catch {
    console.log(`# note: the "${label}" tab needed a second click`);
    await click(page, label);
    await findItem(page, marker, { timeout: 5000 });
  }
}
