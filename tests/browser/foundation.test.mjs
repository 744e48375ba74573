// The page loads, draws the UI on the canvas, sizes the canvas in device pixels, and idles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

// Counts pixels that differ clearly from the background colour in a region of a PNG screenshot.
async function inkFraction(page, clip) {
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 120) ink++;
    }
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

test('the page loads, hides the loading screen and shows the UI on the canvas', async () => {
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, server.url);
    assert.equal(await page.title(), 'Pairwise: mentoring scheme workspace');
    assert.equal(await page.isVisible('#loading'), false, 'the loading screen is gone');
    assert.equal(await page.isVisible('#failure'), false, 'no failure message');
    await page.waitForTimeout(300);
    await screenshot(page, 'foundation-start');
    // The heading and the paragraph about local storage are drawn as text in the top-left area.
    const ink = await inkFraction(page, { x: 0, y: 0, width: 700, height: 200 });
    assert.ok(ink > 0.01, `text pixels are drawn on the canvas (ink fraction ${ink.toFixed(4)})`);
    const blank = await inkFraction(page, { x: 900, y: 500, width: 300, height: 250 });
    assert.ok(blank < 0.001, `the empty area stays empty (ink fraction ${blank.toFixed(4)})`);
    assert.deepEqual(problems, [], 'no console errors');
  } finally { await context.close(); }
});

test('the canvas follows the viewport and uses device pixels at a pixel ratio of 2', async () => {
  const { context } = await launch({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  try {
    const { page, problems } = await openApp(context, server.url);
    const size = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: window.devicePixelRatio };
    });
    assert.deepEqual(await size(), { w: 1800, h: 1200, cssW: 900, cssH: 600, dpr: 2 });
    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 1400, null, { timeout: 5000 });
    assert.deepEqual(await size(), { w: 1400, h: 1000, cssW: 700, cssH: 500, dpr: 2 });
    await page.waitForTimeout(300);
    await screenshot(page, 'foundation-dpr2-resized');
    const ink = await inkFraction(page, { x: 0, y: 0, width: 500, height: 150 });
    assert.ok(ink > 0.01, `the UI is redrawn after the resize (ink fraction ${ink.toFixed(4)})`);
    assert.deepEqual(problems, [], 'no console errors');
  } finally { await context.close(); }
});

test('an idle tab draws no frames and uses almost no CPU', async () => {
  const { context } = await launch();
  try {
    const { page } = await openApp(context, server.url);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const framesBefore = await page.evaluate(() => window.Module.pairwiseFramesDrawn);
    const m0 = await metric();
    await page.waitForTimeout(3000);
    const m1 = await metric();
    const framesAfter = await page.evaluate(() => window.Module.pairwiseFramesDrawn);
    const busy = (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp);
    console.log(`idle tab: ${framesAfter - framesBefore} frames in 3 s, main-thread busy ${(busy * 100).toFixed(2)}% of the time`);
    assert.equal(framesAfter - framesBefore, 0, 'no frames drawn while idle');
    assert.ok(busy < 0.02, `main thread busy ${(busy * 100).toFixed(2)}% while idle`);
    // Input wakes it up again.
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 210);
    await page.waitForFunction((n) => window.Module.pairwiseFramesDrawn > n, framesAfter, { timeout: 2000 });
  } finally { await context.close(); }
});

test('without WebGL 2 the page says so instead of staying blank', async () => {
  const { context } = await launch();
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    });
    await page.goto(server.url);
    await page.waitForSelector('#failure', { state: 'visible', timeout: 10000 });
    assert.match(await page.textContent('#failure-text'), /WebGL 2 is not available/);
    assert.equal(await page.isVisible('#loading'), false);
  } finally { await context.close(); }
});

test('when app.wasm cannot be loaded the page says so', async () => {
  const { context } = await launch();
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.waitForSelector('#failure', { state: 'visible', timeout: 20000 });
    assert.match(await page.textContent('#failure-text'), /could not be loaded.*HTTP 404/);
  } finally { await context.close(); }
});
