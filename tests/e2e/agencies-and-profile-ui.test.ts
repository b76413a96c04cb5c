import { describe, expect, it } from 'vitest';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Through the UI only, in real Chromium, against the real web runtime on a fresh data folder.
// The browser runs with an American locale and a New York clock on purpose: what the user
// reads must still be Indonesian.

const app = appUnderTest();

describe('first screens', () => {
  it('shows the seeded 6 clusters and 24 indicators', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/indikator');
    await page.getByRole('heading', { name: 'Indikator KLA' }).waitFor();
    await page.getByTestId('indicator').first().waitFor();
    expect(await page.getByTestId('cluster').count()).toBe(6);
    expect(await page.getByTestId('indicator').count()).toBe(24);
    await expect(page.getByText('6 klaster, 24 indikator').isVisible()).resolves.toBe(true);
    await screenshot(page, 'foundation-indikator');
    // One screen reads and edits the set: the indicator names are its own fields.
    await expect(page.getByLabel('Nama indikator 12', { exact: true }).inputValue()).resolves.toMatch(/gizi/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds an agency through the UI, finds it after a reload, searches and deletes with confirmation', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/instansi');
    await page.getByRole('heading', { name: 'Instansi' }).waitFor();
    await page.getByRole('button', { name: '+ Tambah instansi' }).click();
    await screenshot(page, 'foundation-instansi-form-empty');
    // An empty name is refused with a message next to the field, and nothing is saved.
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Wajib diisi.').waitFor();
    await page.getByLabel('Nama instansi').fill('Dinas Ketahanan Pangan');
    await page.getByLabel('Singkatan').fill('DKP');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Dinas Ketahanan Pangan tersimpan.').waitFor();

    await page.reload();
    await page.getByRole('cell', { name: 'Dinas Ketahanan Pangan', exact: true }).waitFor();

    await page.getByLabel('Cari instansi').fill('ketahanan');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await screenshot(page, 'foundation-instansi-search');

    await page.getByRole('button', { name: 'Hapus Dinas Ketahanan Pangan' }).click();
    await page.getByRole('heading', { name: 'Hapus instansi?' }).waitFor();
    await screenshot(page, 'foundation-instansi-confirm');
    await page.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByText('Tidak ada instansi yang cocok.').waitFor();
    const left = await app.runtime.backend.invoke('agency.list', { search: 'Ketahanan' });
    expect(left).toEqual({ ok: true, data: [] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a duplicate abbreviation with a message next to the field', async () => {
    const { page } = await openApp(app.browser, app.runtime, '/instansi');
    await page.getByRole('button', { name: '+ Tambah instansi' }).click();
    await page.getByLabel('Nama instansi').fill('Dinas Kesehatan Hewan');
    await page.getByLabel('Singkatan').fill('dinkes');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(/Singkatan ini sudah dipakai oleh Dinas Kesehatan/).first().waitFor();
    const found = await app.runtime.backend.invoke('agency.list', { search: 'Kesehatan Hewan' });
    expect(found).toEqual({ ok: true, data: [] });
    await page.close();
  });

  it('saves the region profile field by field and keeps it after a reload', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/profil');
    await page.getByRole('heading', { name: 'Profil daerah' }).waitFor();
    await page.getByLabel('Nama kabupaten/kota').fill('Banua Harapan');
    await page.getByLabel('Provinsi').fill('Kalimantan Selatan');
    await page.getByLabel('Zona waktu').selectOption('WITA');
    await page.getByLabel('Baris 1').fill('PEMERINTAH KABUPATEN BANUA HARAPAN');
    await page.getByLabel('Baris 2').fill('DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK');
    await page.getByLabel('Ukuran kertas').selectOption('F4');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Tersimpan');
    await screenshot(page, 'foundation-profil');
    // Typed into the last field and reloaded at once, without leaving the field: the text is
    // saved on unload.
    await page.getByLabel('Baris 3').fill('Jalan Jenderal Sudirman Nomor 45');
    await page.reload();
    await expect.poll(() => page.getByLabel('Nama kabupaten/kota').inputValue(), { timeout: 10_000 }).toBe('Banua Harapan');
    await expect.poll(() => page.getByLabel('Baris 2').inputValue(), { timeout: 10_000 }).toBe('DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK');
    await expect.poll(() => page.getByLabel('Ukuran kertas').inputValue(), { timeout: 10_000 }).toBe('F4');
    await expect.poll(() => page.getByLabel('Baris 3').inputValue(), { timeout: 10_000 }).toBe('Jalan Jenderal Sudirman Nomor 45');
    const saved = await app.runtime.backend.invoke('regionProfile.get', {});
    expect(saved).toMatchObject({ ok: true, data: { regionName: 'Banua Harapan', timeZone: 'WITA', paper: 'F4' } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
