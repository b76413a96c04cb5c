import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { tempDataDir } from '../support/web-runtime';

// The Electron shell can only run where the Electron binary was installed. These machines have
// no internet beyond the registries, so npm installs electron without its binary
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1); there this test skips and says why.

const root = path.resolve(__dirname, '../..');
const binary = path.join(root, 'node_modules', 'electron', 'dist', process.platform === 'win32' ? 'electron.exe' : 'electron');
const hasBinary = fs.existsSync(binary);
const reason = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no download possible here)';

describe.skipIf(!hasBinary)(`Electron shell${hasBinary ? '' : ` — skipped: ${reason}`}`, () => {
  it('opens the window sandboxed, with no Node in the page, and talks to the core', async () => {
    const app = await electron.launch({ executablePath: binary, args: [root, '--data-dir', tempDataDir('rakor-electron-')] });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Indikator KLA' }).or(page.getByRole('navigation')).first().waitFor();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const info = await page.evaluate(() =>
        (window as unknown as { rakor: { invoke(name: string, input: unknown): Promise<unknown> } }).rakor.invoke('system.info', {}));
      expect(info).toMatchObject({ ok: true, data: { runtime: 'electron' } });
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
    }
  });
});

