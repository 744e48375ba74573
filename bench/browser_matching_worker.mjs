// Times a matching request in the app's own matching worker (matching_worker.js of the production
// site, build/wasm/site) inside headless Chromium: the browser target of issue 17 ("in the
// browser's matching worker under 1 s"). The request is the message the Matching screen sends
// (matching_bench --write-worker-request), posted the way emscripten_call_worker posts it.
//   node bench/browser_matching_worker.mjs REQUEST.json [--warm-up WARM.json] [--runs N] [--warm-ms MS]
//                                          [--expect-total T] [--site DIR]
// Prints a request posted to a worker created with it (worker start and WASM compile included),
// then, as the app does it, requests to a worker started MS (1500) before the first one (the app
// starts its worker when the Matching screen opens, and posts it the warm-up request WARM.json,
// matching_bench --write-warm-up-request), each further request on that worker, and the
// worst of those (the target). Each reply's total score is checked against --expect-total
// (matching_bench's native total for the same cohort).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../scripts/serve-site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// playwright-core is installed for the browser suite (scripts/setup.sh, tests/browser/package.json).
const { chromium } = createRequire(path.join(here, '../tests/browser/package.json'))('playwright-core');
const args = process.argv.slice(2);
const requestFile = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '4'));
const warmMs = Number(option('--warm-ms', '1500'));
const warmUpFile = option('--warm-up', null);
const expectTotal = option('--expect-total', null);
const siteDir = path.resolve(option('--site', path.join(here, '../build/wasm/site')));
if (!requestFile || !fs.existsSync(requestFile)) {
  console.error('usage: node bench/browser_matching_worker.mjs REQUEST.json [--runs N] [--expect-total T] [--site DIR]');
  process.exit(2);
}
if (!fs.existsSync(path.join(siteDir, 'matching_worker.js'))) {
  console.error(`no matching_worker.js in ${siteDir}: build the site first (scripts/build.sh wasm)`);
  process.exit(2);
}

const request = fs.readFileSync(requestFile);
const server = await serveSite(siteDir, 0, '127.0.0.1');
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let failed = false;
try {
  const page = await browser.newPage();
  // A page of the site's origin, without the app: the worker is the only thing running.
  await page.route(url + 'bench-request.json', (route) => route.fulfill({ body: request, contentType: 'application/json' }));
  const warmUp = warmUpFile ? fs.readFileSync(warmUpFile) : Buffer.alloc(0);
  await page.route(url + 'bench-warm-up.json', (route) => route.fulfill({ body: warmUp, contentType: 'application/json' }));
  await page.goto(url + 'favicon.svg');
  const times = await page.evaluate(async ({ runs, warmMs }) => {
    const bytes = new Uint8Array(await (await fetch('bench-request.json')).arrayBuffer());
    const warmUp = new Uint8Array(await (await fetch('bench-warm-up.json')).arrayBuffer());
    const ask = (worker, callbackId) => new Promise((resolve, reject) => {
      const started = performance.now();
      worker.onmessage = (e) => {
        if (e.data.callbackId !== callbackId || !e.data.finalResponse) return;
        resolve({ ms: performance.now() - started, reply: new TextDecoder().decode(e.data.data) });
      };
      worker.onerror = (e) => reject(new Error('worker error: ' + e.message));
      // What emscripten_call_worker posts (src/platform/matching_worker_emscripten.cpp).
      worker.postMessage({ funcName: 'pairwise_match_in_worker', callbackId, data: bytes.slice() });
    });
    const summary = async (worker, id, kind) => {
      const { ms, reply } = await ask(worker, id);
      const parsed = JSON.parse(reply);
      return { kind, ms, total: parsed.total_score, optimal: parsed.proven_optimal, stats: parsed.stats, error: parsed.error };
    };
    const out = [];
    // Cold: the request posted the moment the worker is created (its WebAssembly not compiled yet).
    const cold = new Worker('matching_worker.js');
    out.push(await summary(cold, 0, 'cold worker (started with the request)'));
    cold.terminate();
    // As the app does: the worker starts when the Matching screen opens (prepare_matching_worker);
    // the person's click comes a moment later. Then repeated runs on the same worker.
    const worker = new Worker('matching_worker.js');
    if (warmUp.length) worker.postMessage({ funcName: 'pairwise_match_in_worker', callbackId: -1, data: warmUp });
    await new Promise((r) => setTimeout(r, warmMs));
    for (let i = 0; i < runs; i++) out.push(await summary(worker, i + 1, i === 0 ? `prepared worker${warmUp.length ? ' (warmed up)' : ''}, first request after ${warmMs} ms` : `prepared worker, request ${i + 1}`));
    worker.terminate();
    return out;
  }, { runs, warmMs });
  const totals = new Set(times.map((t) => String(t.total)));
  times.forEach((t) => {
    const [scoring, solve, pricing, explain, total] = t.stats || [];
    console.log(`${t.kind}: ${t.ms.toFixed(0)} ms in the page; in the worker scoring ${scoring?.toFixed(0)} ` +
      `solve ${solve?.toFixed(0)} pricing ${pricing?.toFixed(0)} explain ${explain?.toFixed(0)} total ${total?.toFixed(0)} ms; ` +
      `total_score ${t.total} optimal ${t.optimal}${t.error ? ' error ' + t.error : ''}`);
  });
  const prepared = times.slice(1).map((t) => t.ms);
  console.log(`browser worker: cold ${times[0].ms.toFixed(0)} ms; prepared worker best ${Math.min(...prepared).toFixed(0)} ms, ` +
    `prepared worst ${Math.max(...prepared).toFixed(0)} ms (target: under 1000 ms)`);
  if (totals.size !== 1) { console.error('the runs disagree on the total'); failed = true; }
  if (times.some((t) => t.optimal !== true)) { console.error('a run was not proven optimal'); failed = true; }
  if (expectTotal !== null && !totals.has(String(expectTotal))) {
    console.error(`total ${[...totals][0]} differs from the native total ${expectTotal}`);
    failed = true;
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
