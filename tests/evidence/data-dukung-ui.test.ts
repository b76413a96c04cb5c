import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { Completeness, Evidence } from '../../shared/api/evidence';
import { formatPercent, todayIso } from '../../shared/format';
import { listStoredHashes, sha256Of } from '../../src-main/core/evidence/file-store';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';
import { exeBytes, pdfBytes } from '../support/evidence-files';
import { png } from '../support/photos';

// Issue 13 through the browser (real Chromium, real web runtime, real SQLite and data folder):
// attach by file picker, drag and drop and paste; list with thumbnails; download; delete to
// Terhapus with Urungkan and Pulihkan; bad inputs refused with a message and nothing written;
// kelengkapan per klaster shown; the Beranda tile. Screenshots at 1366×768 and 1024×768.

const app = appUnderTest();
const ids = { meeting: 0, rtl: 0 };

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

const stored = () => ({ rows: (app.runtime.backend.db.prepare(`SELECT count(*) AS n FROM evidence`).get() as { n: number }).n, files: listStoredHashes(app.runtime.dataDir) });

async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `h13-${name}-${w}`);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Drops files made inside the page (names the file system would never give, sizes without a transfer). */
async function dropInPage(page: Page, zone: ReturnType<Page['getByTestId']>, files: { name: string; size?: number; base64?: string; type?: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : new Uint8Array(f.size ?? 0);
      dt.items.add(new File([bytes], f.name, { type: f.type ?? '' }));
    }
    return dt;
  }, files);
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

beforeAll(async () => {
  ids.meeting = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Maret', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: ['Pembukaan'] })).id;
  ids.rtl = (await call<{ id: number }>('actionItem.create', { meetingId: ids.meeting, description: 'Sweeping imunisasi di 3 desa' })).id;
});

describe('data dukung of a meeting and an RTL', () => {
  it('attaches by file picker, drag and drop and paste, with title, date and notes; lists with thumbnails', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${ids.meeting}/data-dukung`);
    const panel = page.getByTestId('evidence-panel').first();
    await panel.getByText('Belum ada berkas.').waitFor();

    // File picker: a real photo and the signed daftar hadir.
    const photo = png(64, 48, [30, 120, 200]);
    await panel.locator('input[type=file]').setInputFiles([
      { name: 'foto-kegiatan.png', mimeType: 'image/png', buffer: photo },
      { name: 'daftar-hadir-ttd.pdf', mimeType: 'application/pdf', buffer: pdfBytes('daftar hadir bertanda tangan') },
    ]);
    await expect.poll(() => panel.getByTestId('pending-row').count()).toBe(2);
    await panel.getByLabel('Judul daftar-hadir-ttd.pdf').fill('Daftar hadir bertanda tangan');
    await panel.getByLabel('Keterangan daftar-hadir-ttd.pdf').fill('Dipindai setelah rapat');
    await panel.getByLabel('Tanggal daftar-hadir-ttd.pdf').fill('11/03/2025');
    await panel.locator('img.thumb').first().waitFor();
    await shots(page, 'meeting-queue');
    await panel.getByRole('button', { name: 'Lampirkan 2 berkas' }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(2);
    const list = await call<Evidence[]>('evidence.list', { meetingId: ids.meeting });
    expect(list.map((e) => [e.title, e.evidenceDate, e.notes, e.mediaType])).toEqual([
      ['foto-kegiatan', '2025-03-10', '', 'image/png'],
      ['Daftar hadir bertanda tangan', '2025-03-11', 'Dipindai setelah rapat', 'application/pdf'],
    ]);
    expect(list[0].sha256).toBe(sha256Of(photo));
    await panel.getByTestId('thumbnail').first().waitFor();

    // Drag and drop onto the panel.
    await dropInPage(page, panel.getByTestId('drop-zone'), [{ name: 'notulen-ttd.pdf', base64: pdfBytes('notulen bertanda tangan').toString('base64'), type: 'application/pdf' }]);
    await panel.getByLabel('Judul notulen-ttd.pdf').fill('Notulen bertanda tangan');
    await panel.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(3);

    // Paste of an image (a screenshot copied to the clipboard).
    await panel.getByTestId('drop-zone').focus();
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 80;
      canvas.height = 60;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#d33';
      ctx.fillRect(0, 0, 80, 60);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const dt = new DataTransfer();
      dt.items.add(new File([blob], 'image.png', { type: 'image/png' }));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => panel.getByTestId('pending-row').count()).toBe(1);
    await panel.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(4);
    const pasted = (await call<Evidence[]>('evidence.list', { meetingId: ids.meeting })).find((e) => e.originalName === 'Gambar tempelan.png');
    expect(pasted).toMatchObject({ mediaType: 'image/png', evidenceDate: '2025-03-10', title: 'Gambar tempelan' });

    // The RTL's proof, in its own panel.
    const rtl = page.getByTestId('rtl-evidence').filter({ hasText: 'Sweeping imunisasi' });
    await rtl.locator('summary').click();
    await dropInPage(page, rtl.getByTestId('drop-zone'), [{ name: 'laporan-sweeping.pdf', base64: pdfBytes('laporan').toString('base64') }]);
    await rtl.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await expect.poll(() => rtl.getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(1);
    expect((await call<Evidence[]>('evidence.list', { actionItemId: ids.rtl })).map((e) => e.title)).toEqual(['laporan-sweeping']);
    await shots(page, 'meeting-tab');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the stored bytes in the browser, deletes to Terhapus with Urungkan, and Pulihkan brings it back', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${ids.meeting}/data-dukung`);
    const panel = page.getByTestId('evidence-panel').first();
    await panel.getByTestId('evidence-item').first().waitFor();
    // Title, date and notes stay editable after the attach (autosaved, with the row's revision).
    await panel.getByRole('button', { name: 'Ubah Gambar tempelan' }).click();
    await panel.getByLabel('Judul').fill('Foto spanduk kegiatan');
    await panel.getByLabel('Keterangan').fill('Ditempel dari tangkapan layar');
    await panel.getByRole('button', { name: 'Selesai' }).click();
    await expect.poll(async () => (await call<Evidence[]>('evidence.list', { meetingId: ids.meeting })).find((e) => e.originalName === 'Gambar tempelan.png')?.title, { timeout: 10_000 }).toBe('Foto spanduk kegiatan');
    await panel.getByTestId('evidence-item').filter({ hasText: 'Ditempel dari tangkapan layar' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Unduh Daftar hadir bertanda tangan' }).click()]);
    expect(download.suggestedFilename()).toBe('Daftar hadir bertanda tangan.pdf');
    expect(fs.readFileSync((await download.path())!).equals(pdfBytes('daftar hadir bertanda tangan'))).toBe(true);

    await panel.getByRole('button', { name: 'Hapus Notulen bertanda tangan' }).click();
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').filter({ hasText: 'Notulen bertanda tangan' }).count(), { timeout: 10_000 }).toBe(1);

    await panel.getByRole('button', { name: 'Hapus Notulen bertanda tangan' }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('link', { name: 'Terhapus' }).click();
    const row = page.getByTestId('trash-row').filter({ hasText: 'Data dukung: Notulen bertanda tangan' });
    await row.waitFor();
    await row.getByRole('button', { name: /^Pulihkan/ }).click();
    await page.getByText('Tidak ada yang terhapus.').waitFor();
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/data-dukung`; }, ids.meeting);
    await expect.poll(() => page.getByTestId('evidence-panel').first().getByTestId('evidence-item').count(), { timeout: 10_000 }).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an .exe, an empty file, a too-big file and a "../" name with a clear message, writing nothing', async () => {
    const before = stored();
    const { page } = await openApp(app.browser, app.runtime, `/rapat/${ids.meeting}/data-dukung`);
    const panel = page.getByTestId('evidence-panel').first();
    await panel.getByTestId('evidence-item').first().waitFor();
    await panel.locator('input[type=file]').setInputFiles([
      { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: exeBytes() },
      { name: 'kosong.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    ]);
    await dropInPage(page, panel.getByTestId('drop-zone'), [
      { name: 'pindaian-besar.pdf', size: 51 * 1024 * 1024 },
      { name: '../../rahasia.pdf', base64: pdfBytes('x').toString('base64') },
    ]);
    await expect.poll(() => panel.getByTestId('pending-row').count()).toBe(4);
    const rowText = (name: string) => panel.getByTestId('pending-row').filter({ hasText: name }).textContent();
    expect(await rowText('kosong.pdf')).toContain('Berkas kosong (0 byte) tidak dapat dilampirkan.');
    expect(await rowText('pindaian-besar.pdf')).toContain('Berkas terlalu besar (51 MB). Batasnya 50 MB per berkas');
    expect(await rowText('rahasia.pdf')).toContain('Nama berkas tidak valid');
    // The .exe renamed to .jpg is only known by its bytes: the core refuses it.
    await panel.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await expect.poll(() => rowText('foto.jpg'), { timeout: 10_000 }).toContain('Jenis berkas ini tidak diterima. Lampirkan PDF, gambar PNG/JPEG, atau dokumen Word/Excel.');
    await page.getByText('0 berkas terlampir, 1 gagal').waitFor();
    await shots(page, 'refused');
    expect(stored()).toEqual(before);
    await page.close();
  });
});

describe('kelengkapan', () => {
  it('shows expected vs present per indicator and a percentage per klaster, and attaches to an indicator', async () => {
    const year = Number(todayIso('WIB').slice(0, 4));
    const { page, errors } = await openApp(app.browser, app.runtime, '/data-dukung');
    await page.getByRole('heading', { name: 'Data dukung', level: 1 }).waitFor();
    const first = (await call<Completeness>('evidence.completeness', { year })).clusters[0];
    const card = page.getByTestId('cluster-completeness').first();
    await expect.poll(() => card.textContent()).toContain(formatPercent(first.ratio));

    // Indicator 1: "Kelola", the first missing item is proposed, attach the Perda.
    await page.getByRole('link', { name: 'Kelola data dukung indikator 1', exact: true }).click();
    const panel = page.getByTestId('evidence-panel');
    await panel.locator('input[type=file]').setInputFiles([{ name: 'perda-kla.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Perda KLA 2020') }]);
    expect(await panel.getByLabel('Jenis data dukung perda-kla.pdf').locator('option:checked').textContent()).toBe('Perda tentang Kabupaten/Kota Layak Anak');
    await panel.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await panel.getByTestId('evidence-item').waitFor();
    const after = await call<Completeness>('evidence.completeness', { year });
    expect(after.clusters[0].presentCount).toBe(first.presentCount + 1);
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain(formatPercent(after.clusters[0].ratio));
    const row = page.getByTestId('indicator-completeness').first();
    expect(await row.textContent()).toContain('✓ Perda tentang Kabupaten/Kota Layak Anak');
    expect(await row.textContent()).toContain('Belum ada: SK atau Perkada pelaksanaan KLA');
    await shots(page, 'kelengkapan');

    // Beranda lists what is still missing, linking to the indicator.
    await page.getByRole('link', { name: 'Beranda' }).click();
    const tile = page.getByTestId('missing-evidence-tile');
    await tile.getByRole('link', { name: 'Indikator 1', exact: true }).waitFor();
    expect(await tile.textContent()).toContain('SK atau Perkada pelaksanaan KLA');
    expect(await tile.textContent()).not.toContain('Perda tentang Kabupaten/Kota Layak Anak;');
    await shots(page, 'beranda');
    expect(errors).toEqual([]);
    await page.close();
  });
});
