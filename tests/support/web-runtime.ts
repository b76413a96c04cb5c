import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startRuntime, type Runtime } from './runtime';

export * from './runtime';

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
