import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';
import { edit, ok } from '../support/backend';
import { todayIso } from '../../shared/format';

// Beranda as a dashboard and Rakor per tahun, in real Chromium: a fresh install says what to do
// first; with data every tile shows the core's numbers and opens its screen.

const app = appUnderTest();

async function shots(page: Page, name: string) {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `${name}-${w}`);
    await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${w}-view.png`) });
  }
}

describe('Beranda and Rakor per tahun', () => {
  it('a fresh install shows empty tiles and the first steps', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/');
    await page.getByTestId('beranda-rtl-terlambat').waitFor();
    expect(await page.getByTestId('beranda-rtl-terlambat').textContent()).toContain('0');
    expect(await page.getByTestId('beranda-rtl-terbuka').textContent()).toContain('0');
    expect(await page.getByTestId('beranda-anggaran').textContent()).toContain('Belum ada anggaran yang dicatat.');
    expect(await page.getByTestId('beranda-predikat').textContent()).toContain('Belum ada nilai evaluasi.');
    const steps = await page.getByTestId('beranda-langkah').textContent();
    expect(steps).toContain('Isi profil daerah');
    expect(steps).toContain('Buat rakor pertama.');
    await shots(page, 'beranda-kosong');

    await page.evaluate(() => { window.location.hash = '/rakor-tahunan'; });
    await page.getByText('Belum ada rapat.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the numbers of the core on each tile, and each tile opens its screen', async () => {
    const backend = app.runtime.backend;
    const today = todayIso('WIB');
    const Y = Number(today.slice(0, 4));
    await edit(backend, 'regionProfile.update', { regionName: 'Banua Harapan', targetPredikat: 'Nindya', targetYear: Y + 1, currentPredikat: 'Madya', currentPredikatYear: Y - 1 });
    const agencies = await ok(backend, 'agency.list', {});
    const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!.id;
    const m = await ok(backend, 'meeting.create', { title: 'Rakor Klaster III Triwulan I', clusterCodes: ['III'], date: `${Y}-01-15`, startTime: '09:00' });
    const ws = await ok(backend, 'meeting.get', { id: m.id });
    const i12 = ws.clusters[0].indicators.find((i) => i.number === 12)!;
    await ok(backend, 'actionItem.create', { meetingId: m.id, description: 'Perbup stunting', targetDate: `${Y - 1}-12-01`, indicatorId: i12.id, leadAgencyId: dinkes });
    await ok(backend, 'actionItem.create', { meetingId: m.id, description: 'Posyandu remaja', targetDate: `${Y - 1}-11-01`, status: 'proses', leadAgencyId: dinkes });
    await ok(backend, 'actionItem.create', { meetingId: m.id, description: 'Kelas ibu balita di 12 desa', targetDate: `${Y + 1}-02-01`, indicatorId: i12.id, leadAgencyId: dinkes });
    await ok(backend, 'actionItem.create', { meetingId: m.id, description: 'Sudah selesai', status: 'selesai' });
    await ok(backend, 'indicatorReview.upsert', { meetingId: m.id, indicatorId: i12.id, isWeak: true });
    await ok(backend, 'meeting.close', { id: m.id, endTime: '12:00' });
    const draft = await ok(backend, 'meeting.create', { title: 'Rakor Klaster III Triwulan II', clusterCodes: ['III'], date: `${Y}-04-15`, startTime: '09:00' });
    await ok(backend, 'budgetLine.create', { agencyId: dinkes, indicatorId: i12.id, fiscalYear: Y, allocationSen: 200_000_000_00, realizationSen: 150_000_000_00, fundingSource: 'APBD' });
    await ok(backend, 'score.set', { year: Y - 1, stage: 'VA', total: 688.4 });

    const { page, errors } = await openApp(app.browser, app.runtime, '/');
    await page.getByRole('heading', { name: 'Kabupaten Banua Harapan' }).waitFor();
    expect(await page.getByTestId('beranda-rtl-terlambat').textContent()).toMatch(/^RTL terlambat2/);
    expect(await page.getByTestId('beranda-rtl-terbuka').textContent()).toMatch(/^RTL terbuka3.*2 belum · 1 proses · 1 selesai/);
    expect(await page.getByTestId('beranda-anggaran').textContent()).toContain('75,0%');
    const predikat = await page.getByTestId('beranda-predikat').textContent();
    expect(predikat).toContain('Madya');
    expect(predikat).toContain(`Verifikasi Administrasi ${Y - 1}: 688,40 (penghargaan ${Y})`);
    expect(predikat).toContain('Kurang 12,60 poin ke Nindya');
    expect(await page.getByTestId('beranda-indikator-lemah').textContent()).toContain('Klaster III 12. Status gizi balita');
    expect(await page.getByTestId('beranda-tenggat').textContent()).toContain('Kelas ibu balita di 12 desa');
    expect(await page.getByTestId('beranda-rakor').textContent()).toMatch(/Klaster III1/);
    expect(await page.getByTestId('beranda-langkah').textContent()).toContain('Tinjau 2 RTL yang melewati target waktu.');
    await shots(page, 'beranda-terisi');

    // Each tile opens its screen.
    const opens: [string, string][] = [
      ['beranda-rtl-terlambat', '#/tindak-lanjut?terlambat=1'], ['beranda-rtl-terbuka', '#/tindak-lanjut'], ['beranda-anggaran', '#/anggaran'],
      ['beranda-predikat', '#/nilai'], ['beranda-rakor', '#/rakor-tahunan'],
    ];
    for (const [tile, hash] of opens) expect(await page.getByTestId(tile).getAttribute('href')).toBe(hash);
    expect(await page.getByTestId('beranda-indikator-lemah').getByRole('link', { name: /Papan indikator/ }).getAttribute('href')).toBe('#/papan');
    expect(await page.getByTestId('beranda-tenggat').getByRole('link', { name: /Tindak lanjut/ }).getAttribute('href')).toBe('#/tindak-lanjut');
    await page.getByTestId('beranda-anggaran').click();
    await page.getByRole('heading', { name: 'Rekap anggaran' }).waitFor();
    await page.goBack();
    await page.getByTestId('beranda-rakor').click();
    await page.getByRole('heading', { name: 'Rakor per tahun' }).waitFor();

    // Rakor per tahun: Klaster III held 1 (closed), 1 not closed yet; the meeting opens from the list.
    expect(await page.getByTestId('rakor-count-III').textContent()).toBe('1 terlaksana · kurang 4');
    const iii = page.getByTestId('rakor-cluster-III');
    expect(await iii.textContent()).toContain('belum ditutup');
    await shots(page, 'rakor-per-tahun');
    await iii.getByRole('link', { name: 'Rakor Klaster III Triwulan II' }).click();
    await page.waitForFunction((id) => window.location.hash === `#/rapat/${id}`, draft.id);

    // A write elsewhere reaches Beranda: one overdue RTL done outside a meeting.
    const overdue = (await ok(backend, 'actionItem.track', { overdue: true })).rows[0];
    await ok(backend, 'followUp.setStatus', { actionItemId: overdue.id, status: 'selesai', date: today });
    // (Written behind the page's back, so the page is reloaded on Beranda.)
    await page.evaluate(() => { window.location.hash = '/'; });
    await page.reload();
    await page.getByTestId('beranda-rtl-terlambat').waitFor();
    expect(await page.getByTestId('beranda-rtl-terlambat').textContent()).toMatch(/^RTL terlambat1/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
