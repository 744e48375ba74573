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

export async function click(page, label, options = {}) {
  const it = await findItem(page, label, options);
  await page.mouse.move(it.x + Math.min(it.w / 2, 12), it.y + it.h / 2);
  await page.mouse.down();
  await page.mouse.up();
  await settle(page);
  return it;
}

// Clicks into a text field (by its label) and types real keys.
export async function typeInto(page, label, text, { clear = true, ...options } = {}) {
  const it = await findItem(page, label, options);
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
