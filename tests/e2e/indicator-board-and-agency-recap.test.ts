import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, startRuntime, type Runtime } from '../support/web-runtime';
import { docxText } from '../support/docx-read';
import { buildYearFixture, type YearFixture } from '../board/year-fixture';

// Papan indikator and Rekap per instansi in Chromium on the hand-computed regency
// (tests/board/year-fixture.ts): filters, one indicator's history as the rakor signed it, the
// agency picker, the letter downloaded; screenshots at 1366 x 768 and 1024 x 768.

let f: YearFixture;
let runtime: Runtime;
let browser: Browser;

beforeAll(async () => {
  f = await buildYearFixture();
  f.t.close();
  runtime = await startRuntime(f.t.dir);
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe('Papan indikator', () => {
  it('filters the year by klaster, text and weak only, and opens an indicator history', async () => {
    const { page, errors } = await openApp(browser, runtime, '/papan/2025');
    await page.setViewportSize({ width: 1366, height: 768 });
    const rows = page.getByTestId('board-row');
    await expect.poll(() => rows.count()).toBe(24);
    await expect.poll(() => page.getByTestId('board-count').textContent()).toBe('24 dari 24 indikator');
    await screenshot(page, 'papan-indikator-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'papan-indikator-1024');

    await page.getByLabel('Klaster').selectOption('III');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByLabel('Cari indikator').fill('dinkes');
    await expect.poll(() => rows.count()).toBe(2);
    const x = rows.filter({ hasText: '86% (revisi)' });
    expect(await x.textContent()).toContain('1 terbuka');
    expect(await x.textContent()).toContain('1 terlambat');
    expect(await x.textContent()).toContain('Rp300.000.000,00');
    await page.getByLabel('Hanya yang lemah').check();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await page.getByText('Tidak ada indikator yang cocok.').count()).toBe(1);

    // 2024: indicator 11 was weak.
    await page.getByLabel('Tahun evaluasi').selectOption('2024');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/papan/2024');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Hanya yang lemah').uncheck();
    await page.getByLabel('Cari indikator').fill('');
    await page.getByLabel('Klaster').selectOption('');

    await page.getByLabel('Tahun evaluasi').selectOption('2025');
    await expect.poll(() => rows.count()).toBe(24);
    await page.getByRole('button', { name: 'Riwayat indikator 11' }).click();
    const meetings = page.getByTestId('history-meeting');
    await expect.poll(() => meetings.count()).toBe(4);
    const text = await page.locator('.history-list').innerText();
    expect(text).toContain('notulen ditandatangani');
    expect(text).toContain('dibuka kembali, sedang direvisi');
    // As Rakor I signed it: PUPR under its name of then.
    expect(text).toContain(`Rumah tunggu kelahiran — ${f.names.puprOld}`);
    expect(text).toContain('Sekarang: Selesai, selesai 1 Oktober 2025');
    expect(text).toContain('Sekarang: Belum (terlambat)');
    await screenshot(page, 'papan-indikator-riwayat-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'papan-indikator-riwayat-1366');
    await page.getByText('← Papan indikator 2025').click();
    await expect.poll(() => rows.count()).toBe(24);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('Rekap per instansi', () => {
  it('picks an agency and a year, shows its recap and downloads its letter', async () => {
    const { page, errors } = await openApp(browser, runtime, '/rekap-instansi');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => page.getByText('Pilih instansi.').count()).toBe(1);
    await page.getByLabel('Instansi', { exact: true }).selectOption(String(f.ag.dinkes));
    await page.getByLabel('Tahun', { exact: true }).selectOption('2025');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/rekap-instansi/${f.ag.dinkes}/2025`);
    const actions = page.getByTestId('recap-actions');
    await expect.poll(() => actions.count()).toBe(1);
    expect(await actions.innerText()).toContain('Kelas ibu hamil di tiap desa');
    expect(await actions.innerText()).toContain('Belum (terlambat)');
    const body = await page.locator('#isi').innerText();
    expect(body).toContain('2 / 2');
    expect(body).toContain('Rp150.000.000,00');
    expect(body).toContain('50,0%');
    await screenshot(page, 'rekap-instansi-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'rekap-instansi-1024');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh surat rekap (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx');
    const saved = await download.path();
    expect(await docxText(new Uint8Array(fs.readFileSync(saved)))).toContain('Kepala Dinas Kesehatan');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Surat semua instansi (.zip)' }).click()]);
    expect(zip.suggestedFilename()).toBe('Rekap KLA 2025 - semua instansi.zip');

    // An agency with no budget: said so, not an empty table.
    await page.getByLabel('Instansi', { exact: true }).selectOption(String(f.ag.dlh));
    await expect.poll(() => page.getByText('Belum ada anggaran yang dicatat untuk instansi ini pada tahun 2025.').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);
});
