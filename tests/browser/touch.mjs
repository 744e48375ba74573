// A finger on a phone's screen, for the browser tests that run as a phone (harness launch({ phone })):
// taps and drags are touch events only, no mouse.
import assert from 'node:assert/strict';
import { screenshot } from './harness.mjs';
import { findItem, items, settle } from './ui.mjs';

// A finger on the glass: a tap at the middle of the control (touch events only, no mouse).
export async function tap(page, label, options = {}) {
  const it = await findItem(page, label, options);
  await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
  return it;
}

// A finger dragged from (x, y0) to (x, y1) in steps a frame apart, lifted at the end.
// A tap on a control found by its role and accessible name (the semantics layer's element over it).
export async function tapRole(page, role, name) {
  const box = await page.getByRole(role, { name, exact: true }).boundingBox();
  assert.ok(box, `no ${role} "${name}" on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await settle(page);
}

export async function drag(page, cdp, x, y0, y1, { steps = 12, frameMs = 16 } = {}) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
    await page.waitForTimeout(frameMs);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
}

// Drags the page (a finger from low to high) until the control is on screen, then taps it.
export async function tapInView(page, cdp, label) {
  await dragIntoView(page, cdp, label);
  return tap(page, label);
}

export async function dragIntoView(page, cdp, label, { above = false } = {}) {
  for (let i = 0; i < 12; i++) {
    const it = (await visible(page)).find((x) => x.label === label);
    if (it && it.y > 70 && it.y + it.h < 680) return it;  // clear of the header and footer
    if ((it && it.y <= 70) || (!it && above)) await drag(page, cdp, 200, 300, 500);
    else await drag(page, cdp, 200, 600, 400);
  }
  await screenshot(page, 'phone-failed-drag');
  throw new Error(`dragging never brought "${label}" on screen: ${JSON.stringify((await items(page)).find((x) => x.label === label))}`);
}

export async function visible(page) {
  return (await items(page)).filter((it) => it.visible && it.label && !it.kind && it.w > 0 && it.h > 0);
}

