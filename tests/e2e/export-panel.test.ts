import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { CHROMIUM, launchBrowser, screenshot } from '../support/web-runtime';
import { createMeetingFixture, tempDataDir } from '../support/meeting-fixture';
import { docxText } from '../support/docx-read';
import { strictLog } from '../support/strict-log';

// The export panel in real Chromium against the real web runtime: download in the browser, and
// the Electron branch (window.rakor present) with the save dialog answered by a stand-in.

const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`Chromium tidak ditemukan di ${CHROMIUM}: uji panel ekspor dilewati.`);
// In CI a missing browser fails instead of skipping.
it.runIf(!HAS_CHROMIUM && Boolean(process.env.CI))('has Chromium installed in CI', () => {
  expect.fail(`Chromium tidak ditemukan di ${CHROMIUM}.`);
});

describe.skipIf(!HAS_CHROMIUM)('ExportPanel in the browser', () => {
  // Its own build, so a parallel `npm run build:renderer` cannot pull the files away mid-test.
  const staticDir = tempDataDir('rakor-export-ui-');
  const dataDir = tempDataDir('rakor-export-ui-data-');
  let backend: Backend;
  let server: WebServer;
  let browser: Browser;
  let meetingId: number;

  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'pipe', timeout: 120_000 });
    const fixture = createMeetingFixture({ attendees: 6 }, dataDir);
    meetingId = fixture.meetingId;
    fixture.close();
    backend = createBackend({ dataDir, runtime: 'web', log: strictLog() });
    server = await startWebServer({ backend, staticDir });
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    backend?.close();
    for (const d of [staticDir, dataDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  async function openExportTab(page: Page): Promise<void> {
    await page.goto(server.openUrl);
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}`; }, meetingId);
    await page.getByRole('tab', { name: 'Ekspor' }).click();
    await page.getByRole('heading', { name: 'Ekspor dokumen Word' }).waitFor();
  }

  it('downloads the notulen with the chosen lampiran, and the blank daftar hadir', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openExportTab(page);
    await expect.poll(() => page.getByLabel('A4 (210 × 297 mm)').isChecked(), { timeout: 10_000 }).toBe(true);
    await page.getByLabel('F4 / Folio (215 × 330 mm)').check();
    await page.getByLabel('Lampiran III — Rekapitulasi anggaran').uncheck();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh notulen (.docx)' }).click()]);
    // F4 was chosen: the name says so, so it does not overwrite an A4 copy.
    expect(download.suggestedFilename()).toBe('Notulen Rakor KLA Klaster III 2024-11-26 (F4).docx');
    const text = await docxText(new Uint8Array(fs.readFileSync(await download.path())));
    expect(text).toContain('Lampiran II\t:');
    expect(text).not.toContain('REKAPITULASI ANGGARAN');
    await page.getByText('diunduh. Lihat folder Unduhan.').waitFor();

    const rows = page.getByLabel('Jumlah baris daftar hadir kosong');
    await rows.fill('0');
    await page.getByText('Jumlah baris harus antara 1 dan 300.').waitFor();
    expect(await page.getByRole('button', { name: 'Unduh daftar hadir kosong (.docx)' }).isDisabled()).toBe(true);
    await rows.fill('5');
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh daftar hadir kosong (.docx)' }).click()]);
    expect(sheet.suggestedFilename()).toBe('Daftar Hadir Rakor KLA Klaster III 2024-11-26 (F4).docx');
    expect(await docxText(new Uint8Array(fs.readFileSync(await sheet.path())))).toMatch(/\n5\n/);
    await screenshot(page, 'export-panel');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in the desktop app hands the file to file.save and shows its Indonesian error', async () => {
    const page = await browser.newPage();
    // Stand-in for the preload bridge: real operations over HTTP, the save dialog simulated.
    await page.addInitScript(() => {
      const token = /token=([\w-]+)/.exec(window.location.hash)?.[1] ?? '';
      const w = window as unknown as { rakor: unknown; saves: unknown[]; saveAnswer: unknown };
      w.saves = [];
      w.saveAnswer = { ok: false, error: { code: 'IO', message: 'Berkas tidak dapat disimpan: file sedang dibuka di aplikasi lain, misalnya Word; tutup dulu lalu ulangi.' } };
      w.rakor = {
        async invoke(name: string, input: { fileName?: string; dataBase64?: string }) {
          if (name === 'file.save') {
            w.saves.push({ fileName: input.fileName, size: input.dataBase64?.length });
            return w.saveAnswer;
          }
          const response = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-rakor-token': token }, body: JSON.stringify(input ?? {}) });
          return response.json();
        },
      };
    });
    await openExportTab(page);
    await page.getByRole('button', { name: 'Unduh notulen (.docx)' }).click();
    await page.getByRole('alert').filter({ hasText: 'file sedang dibuka di aplikasi lain, misalnya Word' }).waitFor();
    const saves = await page.evaluate(() => (window as unknown as { saves: { fileName: string; size: number }[] }).saves);
    expect(saves[0].fileName).toBe('Notulen Rakor KLA Klaster III 2024-11-26.docx');
    expect(saves[0].size).toBeGreaterThan(10_000);

    await page.evaluate(() => { (window as unknown as { saveAnswer: unknown }).saveAnswer = { ok: true, data: { saved: true, path: 'C:\\Users\\staf\\Documents\\Notulen.docx' } }; });
    await page.getByRole('button', { name: 'Unduh notulen (.docx)' }).click();
    await page.getByText('Berkas disimpan: C:\\Users\\staf\\Documents\\Notulen.docx').waitFor();
    await page.close();
  });
});

