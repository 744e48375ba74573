// Drives the production page the way assistive technology does: every control is found by its ARIA
// role and accessible name in the semantics layer (web/semantics_library.js), never by coordinates
// or test hooks. A screen reader "clicks" an element (a click event on it) and types into a focused
// field; the keyboard helpers press real keys and read where focus went.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { settle } from './ui.mjs';

const require = createRequire(import.meta.url);

export function control(page, role, name) {
  return page.getByRole(role, { name, exact: true });
}

// What a screen reader does on "activate": a click event on the element.
export async function press(page, role, name) {
  const element = control(page, role, name);
  await element.waitFor({ timeout: 10000 });
  await element.dispatchEvent('click');
  await settle(page);
}

// Focuses the field (the app starts editing it) and enters text as a screen reader's keyboard does.
export async function fill(page, name, text) {
  const field = control(page, 'textbox', name);
  await field.waitFor({ timeout: 10000 });
  await field.fill(text);
  await settle(page);
  await waitForValue(field, text);
}

export async function waitForValue(field, text, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let value = '';
  while (Date.now() < deadline) {
    value = await field.inputValue();
    if (value === text) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the field holds ${JSON.stringify(value)}, not ${JSON.stringify(text)}`);
}

// The focused element's role and accessible name, as a screen reader announces them.
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.closest('#pairwise-semantics')) return { role: el ? el.tagName.toLowerCase() : '', name: '' };
    const role = el.getAttribute('role') || (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? 'textbox' : '');
    return { role, name: el.getAttribute('aria-label') || el.textContent, checked: el.getAttribute('aria-checked') };
  });
}

// Presses Tab (or Shift+Tab) until the control with this role and name (a string, or a RegExp
// for a name holding today's date) has focus.
export async function tabTo(page, role, name, { back = false, limit = 80 } = {}) {
  const matches = (text) => (name instanceof RegExp ? name.test(text) : text === name);
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await settle(page);
    const now = await focused(page);
    seen.push(`${now.role} "${now.name}"`);
    if (now.role === role && matches(now.name)) return i + 1;
  }
  throw new Error(`Tab never reached ${role} "${name}"; focus went: ${seen.join(', ')}`);
}

// The polite live region's latest announcement.
export async function announced(page, pattern, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await page.evaluate(() => document.getElementById('pairwise-announcements').textContent);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`nothing matching ${pattern} was announced; last: ${JSON.stringify(text)}`);
}

// Runs axe-core on the page and returns the serious and critical violations.
export async function axeViolations(page) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
