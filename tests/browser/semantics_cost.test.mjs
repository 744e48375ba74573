// What the semantics layer costs per frame, on the production build, with 10,000 people in the
// Participants table: the same scrolling is timed with the layer on and paused
// (Module.pairwiseSemanticsPaused), and the layer's own part of each frame is reported. Prints
// "measure:" lines; fails if the layer takes more than a small share of a frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, startServer } from './harness.mjs';
import { settle, waitForApp } from './ui.mjs';
import { control, press } from './roles.mjs';

let site;
before(async () => { site = await startServer(); });
after(() => site.close());

const topics = ['policy', 'evaluation', 'implementation', 'dissemination', 'training', 'equity'];
const countries = ['Kenya', 'India', 'Brazil', 'Canada', 'Romania', 'Ελλάδα', 'Україна', 'Peru'];

async function timeScrolling(page, paused) {
  await page.evaluate((p) => { Module.pairwiseSemanticsPaused = p; Module.pairwiseFrameStats = null; }, paused);
  await settle(page);
  await page.evaluate(() => { Module.pairwiseFrameStats = null; });
  await page.mouse.move(640, 600);
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, i < 20 ? 400 : -400);
    await page.waitForTimeout(16);
  }
  await settle(page);
  return page.evaluate(() => Module.pairwiseFrameStats);
}

test('the semantics layer costs little per frame with 10,000 participants listed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-semantics-cost-'));
  const csv = ['E-mail address,Role,Country,Areas of activity,Years of experience'];
  for (let k = 0; k < 10000; k++) csv.push(`person${k}@example.org,${k % 3 ? 'mentee' : 'mentor'},${countries[k % countries.length]},${topics[k % topics.length]},${k % 30}`);
  const csvFile = path.join(dir, 'survey-10000.csv');
  fs.writeFileSync(csvFile, csv.join('\r\n') + '\r\n');
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, site.url);
    await waitForApp(page);
    await press(page, 'button', 'IKT mentoring');
    await press(page, 'button', 'Coordinate the scheme');
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'button', 'Open application files…');
    await (await chooser).setFiles([csvFile]);
    await control(page, 'button', 'Apply import').waitFor({ timeout: 60000 });
    await press(page, 'button', 'Apply import');
    await control(page, 'tab', 'Participants').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#pairwise-announcements')].some((e) => /Imported 1 file/.test(e.textContent)), null, { timeout: 60000 }).catch(() => {});
    await press(page, 'tab', 'Participants');
    await control(page, 'textbox', 'Search participants').waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    const elements = await page.evaluate(() => document.querySelectorAll('#pairwise-semantics .pw-sem').length);
    console.log(`measure: ${elements} mirrored elements in the page on the Participants tab`);
    const paused = await timeScrolling(page, true);
    const on = await timeScrolling(page, false);
    const avg = (s, key) => s[key] / Math.max(1, s.frames);
    console.log(`measure: scrolling, layer paused: ${paused.frames} frames, average ${avg(paused, 'frameMs').toFixed(2)} ms, worst ${paused.worstFrameMs.toFixed(1)} ms`);
    console.log(`measure: scrolling, layer on: ${on.frames} frames, average ${avg(on, 'frameMs').toFixed(2)} ms, worst ${on.worstFrameMs.toFixed(1)} ms; ` +
      `the layer's diff + DOM update: average ${avg(on, 'semanticsMs').toFixed(2)} ms, worst ${on.worstSemanticsMs.toFixed(1)} ms per frame`);
    const idle = await (async () => {
      await page.evaluate(() => { Module.pairwiseFrameStats = null; });
      await page.keyboard.press('Shift');  // a frame in which nothing changes: nothing is sent
      await settle(page);
      return page.evaluate(() => Module.pairwiseFrameStats);
    })();
    console.log(`measure: frames with no change: average layer cost ${avg(idle, 'semanticsMs').toFixed(3)} ms over ${idle.frames} frames`);
    assert.ok(avg(on, 'semanticsMs') < 4, 'the layer takes under 4 ms of an average frame');
    assert.ok(on.worstFrameMs < 100, `a scrolling frame of ${on.worstFrameMs} ms`);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
