// Text size follows the browser (issue 15 part 5): its own text size setting (Chrome's "Font size",
// Firefox's default size) until the person picks a size in Settings, and its zoom, which makes the
// app's CSS pixels bigger (at 200 % a 1280 px window is 640 CSS px wide: one column, as on a phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, screenshot } from './harness.mjs';
import { click, findItem, settle, testSiteDir, waitForApp } from './ui.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

async function openWithBrowserTextSize(context, standard) {
  const page = context.pages()[0] || (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  if (standard) await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: Math.round(standard * 0.8) } });
  await page.goto(url);
  await waitForApp(page);
  return { page, cdp };
}

test('the text size follows the browser\'s text size setting until the person picks one', async () => {
  const plain = await launch();
  let usual;
  try {
    const { page } = await openWithBrowserTextSize(plain.context, 0);
    usual = (await findItem(page, 'Settings')).h;
  } finally { await plain.context.close(); }

  const { context } = await launch();
  try {
    // "Very large" in Chrome's settings: 24 px instead of 16.
    let { page } = await openWithBrowserTextSize(context, 24);
    const large = (await findItem(page, 'Settings')).h;
    assert.ok(large >= usual + 7, `the app's text grew with the browser's (${usual} -> ${large} px buttons)`);
    await screenshot(page, 'text-size-browser-large');

    // The person's pick wins, and is kept.
    await click(page, 'Settings');
    await click(page, 'Smaller');
    await click(page, 'Smaller');
    await page.keyboard.press('Escape');
    await settle(page);
    const picked = (await findItem(page, 'Settings')).h;
    assert.ok(picked < large, `two sizes smaller (${large} -> ${picked})`);
    await page.waitForTimeout(1200);
    await page.reload();
    await waitForApp(page);
    assert.equal((await findItem(page, 'Settings')).h, picked, 'the pick is kept across a reload');
    // "As the browser" follows the browser again.
    await click(page, 'Settings');
    await click(page, 'As the browser');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await findItem(page, 'Settings')).h, large);
  } finally { await context.close(); }
});

test('at 200 % zoom the app is drawn twice as large and a 1280 px window gets the one-column layout', async () => {
  const { context } = await launch();
  try {
    const { page, cdp } = await openWithBrowserTextSize(context, 0);
    const before = await findItem(page, 'Settings');
    // Browser zoom: the CSS viewport halves and each CSS pixel is two device pixels.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
    await settle(page);
    await settle(page);
    const menu = await findItem(page, 'Menu');
    assert.ok(menu.h >= before.h - 1 && menu.h <= before.h + 1, 'controls keep their size in CSS pixels (so double on screen)');
    const buffer = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(buffer, [1280, 800], 'the canvas is drawn at the device pixels, sharp at 200 %');
    await screenshot(page, 'text-size-zoom-200');
  } finally { await context.close(); }
});
