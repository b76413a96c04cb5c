import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Evidence } from '../../shared/api/evidence';
import { DOCUMENTATION_MAX_PHOTOS } from '../../shared/api/evidence';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';
import { photoPng, withExifOrientation } from '../support/photos';
import { axeSerious, layoutProblems } from '../support/page-checks';
import { docxParts, HAS_SOFFICE, pdfPages, pdfToPng, toPdf } from '../support/docx-read';

// Issue 13 item 6 through the browser (real Chromium, real web runtime and SQLite): in the
// meeting's Data dukung tab the user ticks photos for the notulen's Lampiran Dokumentasi with the
// keyboard, types a caption, moves one down, saves; the Pratinjau then shows them, captioned, in
// that order. Too many photos are refused on screen; a closed rakor shows its choice read-only.

const app = appUnderTest();
let meetingId = 0;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

async function attach(title: string, bytes: Buffer, fileName: string): Promise<Evidence> {
  return call<Evidence>('evidence.attach', { meetingId, fileName, base64: bytes.toString('base64'), title, evidenceDate: '2025-03-10', requestId: crypto.randomUUID() });
}

/** A real JPEG made by Chromium's encoder (what a phone or camera gives), w×h with a frame. */
async function jpegFromPage(page: Page, w: number, h: number): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ w, h }) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    const sky = ctx.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#3a6fd8');
    sky.addColorStop(1, '#f0c070');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#2f7d32';
    ctx.fillRect(0, h * 0.65, w, h * 0.35);
    ctx.lineWidth = Math.max(4, Math.min(w, h) * 0.04);
    ctx.strokeStyle = '#222';
    ctx.strokeRect(0, 0, w, h);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, { w, h });
  return Buffer.from(base64, 'base64');
}

async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `h13-${name}-${w}`);
  }
}

beforeAll(async () => {
  meetingId = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Maret', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: ['Pembukaan'] })).id;
});

describe('Lampiran Dokumentasi chosen in the Data dukung tab', () => {
  it('ticks, captions and orders photos with the keyboard, saves, and the Pratinjau shows them in that order', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/data-dukung`);
    await attach('Pembukaan oleh Sekda', photoPng(800, 600, [200, 60, 60]), 'pembukaan.png');
    await attach('Paparan Dinkes', photoPng(450, 600, [60, 60, 200]), 'paparan.png');
    await attach('Foto bersama peserta', await jpegFromPage(page, 1200, 500), 'foto-bersama.jpg');
    // A phone's portrait shot: landscape pixels, EXIF orientation 6.
    await attach('Sambutan Kepala Dinas', withExifOrientation(await jpegFromPage(page, 800, 600), 6), 'IMG_2041.jpg');
    await call('evidence.attach', { meetingId, fileName: 'daftar-hadir.pdf', base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'), evidenceDate: '2025-03-10', requestId: crypto.randomUUID() });
    await page.reload();
    const picker = page.getByTestId('documentation-picker');
    await expect.poll(() => picker.getByTestId('documentation-row').count(), { timeout: 10_000 }).toBe(4);
    await picker.getByText('0 dari paling banyak 12 foto dipilih.').waitFor();

    // Keyboard only: Space ticks; the caption starts as the title.
    await picker.getByRole('checkbox', { name: /Pembukaan oleh Sekda/ }).focus();
    await page.keyboard.press('Space');
    await picker.getByRole('checkbox', { name: /Foto bersama peserta/ }).focus();
    await page.keyboard.press('Space');
    await picker.getByRole('checkbox', { name: /Paparan Dinkes/ }).focus();
    await page.keyboard.press('Space');
    await picker.getByRole('checkbox', { name: /Sambutan Kepala Dinas/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => picker.getByLabel('Keterangan foto Pembukaan oleh Sekda').inputValue()).toBe('Pembukaan oleh Sekda');
    await picker.getByLabel('Keterangan foto Foto bersama peserta').fill('Foto bersama peserta rakor dan Forum Anak');
    // Move the first photo down three times with Enter (the third press at the bottom does
    // nothing): the focus stays on its button.
    await picker.getByRole('button', { name: 'Turunkan Pembukaan oleh Sekda' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Turunkan Pembukaan oleh Sekda');
    await picker.getByText('4 dari paling banyak 12 foto dipilih.').waitFor();
    await shots(page, 'dokumentasi-picker');
    await picker.getByRole('button', { name: 'Simpan pilihan Dokumentasi' }).click();
    await page.getByText('Pilihan disimpan: 4 foto di Lampiran IV Dokumentasi notulen.').waitFor();

    const stored = (await call<Evidence[]>('evidence.list', { meetingId }))
      .filter((e) => e.documentationPosition !== null)
      .sort((a, b) => a.documentationPosition! - b.documentationPosition!)
      .map((e) => [e.title, e.documentationCaption]);
    expect(stored).toEqual([
      ['Foto bersama peserta', 'Foto bersama peserta rakor dan Forum Anak'],
      ['Paparan Dinkes', 'Paparan Dinkes'],
      ['Sambutan Kepala Dinas', 'Sambutan Kepala Dinas'],
      ['Pembukaan oleh Sekda', 'Pembukaan oleh Sekda'],
    ]);

    // The Pratinjau of the notulen: Lampiran IV with the four photos, captioned, in order.
    await picker.getByRole('button', { name: 'Lihat di Pratinjau notulen' }).click();
    const figures = page.locator('figure.doc-figure');
    await expect.poll(() => figures.count(), { timeout: 20_000 }).toBe(4);
    expect(await figures.locator('figcaption').allTextContents()).toEqual([
      'Gambar 1. Foto bersama peserta rakor dan Forum Anak',
      'Gambar 2. Paparan Dinkes',
      'Gambar 3. Sambutan Kepala Dinas',
      'Gambar 4. Pembukaan oleh Sekda',
    ]);
    // Every photo decoded, drawn no wider than its page's text and with its own shape.
    const drawn = await figures.locator('img').evaluateAll((imgs) => imgs.map((img) => {
      const i = img as HTMLImageElement;
      const page = i.closest('.doc-page') ?? i.parentElement!.parentElement!;
      return { ok: i.complete && i.naturalWidth > 0, ratio: i.getBoundingClientRect().width / i.getBoundingClientRect().height, natural: i.naturalWidth / i.naturalHeight, fits: i.getBoundingClientRect().width <= page.getBoundingClientRect().width };
    }));
    // (Chromium's natural size of the phone photo is its upright one: 600×800.)
    for (const d of drawn) {
      expect(d.ok).toBe(true);
      expect(d.fits).toBe(true);
      expect(Math.abs(d.ratio - d.natural)).toBeLessThan(0.03);
    }
    expect(drawn[2].ratio).toBeCloseTo(3 / 4, 1);
    await page.getByText('Dokumentasi kegiatan rapat tercantum dalam Lampiran IV.').waitFor();
    await figures.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'h13-dokumentasi-pratinjau');

    // The export panel offers it among the lampiran, ticked like the others.
    await page.evaluate((h) => { window.location.hash = h; }, `/rapat/${meetingId}/ekspor`);
    const dokumentasi = page.getByRole('checkbox', { name: /Lampiran IV — Dokumentasi/ });
    await dokumentasi.waitFor();
    expect(await dokumentasi.isChecked()).toBe(true);
    await shots(page, 'dokumentasi-ekspor');

    // The same notulen in Word: the phone photo turned a quarter clockwise, as the Pratinjau shows it.
    const file = await call<{ base64: string }>('export.minutes', { meetingId, paper: 'F4' });
    const docx = Buffer.from(file.base64, 'base64');
    expect((docxParts(docx).get('word/document.xml') ?? '').match(/rot="5400000"/g)).toHaveLength(1);
    if (HAS_SOFFICE) {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-dokumentasi-ui-'));
      fs.writeFileSync(path.join(work, 'dokumentasi-ui.docx'), docx);
      const [pdf] = toPdf([path.join(work, 'dokumentasi-ui.docx')], work);
      const shotsDir = path.resolve(import.meta.dirname, '../../.tmp/export-render-layout');
      fs.mkdirSync(shotsDir, { recursive: true });
      pdfToPng(pdf, path.join(shotsDir, 'dokumentasi-ui-F4'));
      expect(pdfPages(pdf).map((p) => p.text).join('\n')).toContain('Gambar 3. Sambutan Kepala Dinas');
      fs.rmSync(work, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it(`says so on screen when more than ${DOCUMENTATION_MAX_PHOTOS} photos are ticked, and saves nothing`, async () => {
    for (let i = 0; i < DOCUMENTATION_MAX_PHOTOS; i++) await attach(`Foto tambahan ${i + 1}`, photoPng(40 + i, 30, [90, 90, 90]), `tambahan-${i + 1}.png`);
    const before = await call<Evidence[]>('evidence.list', { meetingId });
    // bypassCSP only so axe-core can be injected; the app's own CSP is tested in web-security.test.ts.
    const page = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'en-US', timezoneId: 'America/New_York', bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.runtime.server.openUrl);
    await page.evaluate((h) => { window.location.hash = h; }, `/rapat/${meetingId}/data-dukung`);
    const picker = page.getByTestId('documentation-picker');
    await expect.poll(() => picker.getByTestId('documentation-row').count(), { timeout: 10_000 }).toBe(4 + DOCUMENTATION_MAX_PHOTOS);
    for (let i = 0; i < 9; i++) await picker.getByRole('checkbox', { name: new RegExp(`Foto tambahan ${i + 1}$`) }).check();
    await picker.getByRole('alert').filter({ hasText: 'Terlalu banyak: 13 foto dipilih, paling banyak 12.' }).waitFor();
    expect(await picker.getByRole('button', { name: 'Simpan pilihan Dokumentasi' }).isDisabled()).toBe(true);
    // Office laptop widths: no sideways scroll, no crushed caption field, nothing serious for axe.
    for (const [w, h] of [[1024, 768], [1093, 614]] as const) {
      await page.setViewportSize({ width: w, height: h });
      expect(await layoutProblems(page)).toEqual({ overflow: 0, narrow: [] });
      expect(await axeSerious(page)).toEqual([]);
    }
    await shots(page, 'dokumentasi-terlalu-banyak');
    await picker.getByRole('button', { name: 'Batalkan perubahan' }).click();
    await picker.getByText('4 dari paling banyak 12 foto dipilih.').waitFor();
    expect(await call<Evidence[]>('evidence.list', { meetingId })).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a closed rakor\'s choice read-only, saying it was frozen with the notulen', async () => {
    await call('meeting.close', { id: meetingId, endTime: '12:00' });
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/data-dukung`);
    const picker = page.getByTestId('documentation-picker');
    await picker.getByText(/Rapat sudah selesai: foto Lampiran Dokumentasi ikut dibekukan/).waitFor();
    expect(await picker.getByRole('checkbox', { name: /Pembukaan oleh Sekda/ }).isDisabled()).toBe(true);
    // Only what the notulen prints, not every photo of the meeting.
    expect(await picker.getByTestId('documentation-row').count()).toBe(4);
    expect(await picker.getByRole('button', { name: 'Simpan pilihan Dokumentasi' }).count()).toBe(0);
    await shots(page, 'dokumentasi-selesai');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
