// Shared set-up for the browser suite: serves the built site and starts Debian's Chromium headless.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from '../../scripts/serve-site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.PAIRWISE_SITE || path.join(repoRoot, 'build/wasm/site');
export const outputDir = path.join(here, 'output');
fs.mkdirSync(outputDir, { recursive: true });

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-features=Translate,MediaRouter', '--disable-default-apps',
];

export async function startServer() {
  const server = await serveSite(siteDir, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url, close: () => new Promise((r) => server.close(r)) };
}

export function freshProfileDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-profile-'));
}

// A persistent context, so a test can close the browser and start it again on the same profile.
export async function launch({ profileDir = freshProfileDir(), viewport = { width: 1280, height: 800 },
  deviceScaleFactor = 1, extraArgs = [], phone = false, reducedMotion } = {}) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    viewport: phone ? { width: 390, height: 844 } : viewport,
    deviceScaleFactor: phone ? 3 : deviceScaleFactor,
    // A phone: touch events, a coarse pointer, the mobile viewport (tests/browser/phone.test.mjs).
    hasTouch: phone,
    isMobile: phone,
    reducedMotion,
    acceptDownloads: true,
  });
  return { context, profileDir };
}

// Opens the app and waits until its first frame is drawn; collects console errors on the way.
export async function openApp(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.Module && window.Module.pairwiseStarted === true, null, { timeout: 60000 });
  return { page, problems };
}

export async function screenshot(page, name) {
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
