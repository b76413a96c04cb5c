import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { strictLog } from './strict-log';

// Starts the real web runtime (real core, real SQLite file) and real Chromium for a test.

export const STATIC_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREEN_DIR = path.resolve(import.meta.dirname, '../../.tmp/screens');

export function tempDataDir(prefix = 'rakor-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Runtime {
  dataDir: string;
  backend: Backend;
  server: WebServer;
  stop(): Promise<void>;
}

/** expectedReports: backend log messages this runtime may emit (see strict-log.ts); any other fails the test. */
export async function startRuntime(dataDir = tempDataDir(), expectedReports: RegExp[] = []): Promise<Runtime> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
  }
  const backend = createBackend({ dataDir, runtime: 'web', log: strictLog(expectedReports) });
  const server = await startWebServer({ backend, staticDir: STATIC_DIR });
  return {
    dataDir,
    backend,
    server,
    async stop() {
      await server.close();
      backend.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A page opened on the runtime's tokened URL, with console errors collected for assertions. */
export async function openApp(browser: Browser, runtime: Runtime, hashPath = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US', timezoneId: 'America/New_York' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(runtime.server.openUrl);
  if (hashPath !== '/') await page.evaluate((p) => { window.location.hash = p; }, hashPath);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREEN_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREEN_DIR, `${name}.png`), fullPage: true });
}

/**
 * For a test file that drives the app through Chromium: starts a runtime on a fresh data folder
 * and one browser before its tests, stops both after. Read `app.runtime` / `app.browser` inside
 * tests (they exist once the file's beforeAll has run).
 */
export function appUnderTest(): { runtime: Runtime; browser: Browser } {
  const app = {} as { runtime: Runtime; browser: Browser };
  beforeAll(async () => {
    app.runtime = await startRuntime();
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.runtime?.stop();
  });
  return app;
}
