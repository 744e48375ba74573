// Offline and installable: after one visit the app opens with no network (service worker), the page
// has a web app manifest with icons, and a new version on the site is taken on the next visit while
// what was typed in the open tab survives the update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, typeInto, findItem, testSiteDir, settle } from './ui.mjs';

// A copy of the site the test can change (a new version) and stop serving (no network).
function copySite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-site-'));
  fs.cpSync(testSiteDir, dir, { recursive: true });
  return dir;
}
const listen = async (dir) => {
  const server = await serveSite(dir, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
};
const stop = (server) => new Promise((r) => { server.closeAllConnections?.(); server.close(r); });

async function waitForControllingWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit is not yet controlled; the worker claims it once active.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
}

test('after one visit the app opens with no network at all', async () => {
  const dir = copySite();
  const { server, url } = await listen(dir);
  const { context } = await launch();
  try {
    const { page, problems } = await openApp(context, url);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      return link ? (await fetch(link.href)).json() : null;
    });
    assert.ok(manifest, 'the page links a web app manifest');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.length >= 1 && manifest.icons.every((i) => fs.existsSync(path.join(dir, i.src))),
      'every manifest icon is in the site');
    await waitForControllingWorker(page);
    const kept = await page.evaluate(async () => (await (await caches.open('pairwise-site')).keys()).map((r) => new URL(r.url).pathname));
    for (const f of ['/app.wasm', '/app.js', '/app.data', '/index.html', '/matching_worker.wasm']) assert.ok(kept.includes(f), `${f} is kept for offline use`);

    await stop(server);  // the site is gone: every request is refused
    const refused = await page.evaluate(() => fetch('/not-cached-' + Date.now()).then(() => false, () => true));
    assert.ok(refused, 'the network is really gone');
    await page.reload();
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true, null, { timeout: 60000 });
    await settle(page);
    await click(page, 'IKT mentoring');
    await findItem(page, 'Apply as a mentor or mentee');
    await screenshot(page, 'offline-1-opened-without-network');
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  } finally { await context.close(); await stop(server).catch(() => {}); }
});

test('a new version is taken on the next visit, and what the open tab typed is kept', async () => {
  const dir = copySite();
  const { server, url } = await listen(dir);
  const { context } = await launch();
  try {
    const { page } = await openApp(context, url);
    await waitForControllingWorker(page);
    await click(page, 'IKT mentoring');
    await click(page, 'Apply as a mentor or mentee');
    // Every required answer, so the application can be exported after the update.
    await typeInto(page, 'E-mail address *', 'nadia@example.org');
    await click(page, 'a mentee');
    await typeInto(page, 'Country *', 'Україна');
    await typeInto(page, 'Areas of activity *', 'evaluation');
    await typeInto(page, 'Years of experience *', '3');

    // The scheme publishes a new version while the tab is open.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head>\n<meta name="pairwise-site-version" content="2">'));
    await page.waitForTimeout(1200);  // saved as you type: at most about a second behind
    await page.reload();
    await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="pairwise-site-version"]')?.content), '2',
      'the new version is what the next visit gets');
    await settle(page);
    await findItem(page, 'Export application file');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+S');
    const doc = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    assert.equal(doc.person.email, 'nadia@example.org', 'the typed e-mail survives the update');
    assert.equal(doc.person.country, 'Україна');
    await screenshot(page, 'offline-2-after-update');
  } finally { await context.close(); await stop(server); }
});
