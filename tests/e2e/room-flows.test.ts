import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';
import type { Meeting } from '../../shared/meeting';
import type { Agency } from '../../shared/types';

// Issue 15 in Chromium: profile people and Provinsi, a new rakor proposed from the profile and
// the last rakor of the klaster, Duplikat asking for a date, invitations by group and check-in,
// dd/mm/yyyy and 09.00 entry, skip link, ARIA tabs, the shortcut overlay from inside a field,
// and where focus lands after each action.

const app = appUnderTest();
const call = async <T,>(name: string, input: unknown): Promise<T> => {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data as T;
};
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim().slice(0, 80), label: el?.getAttribute('aria-label') ?? '', id: el?.id ?? '', value: (el as HTMLInputElement | null)?.value ?? '' };
});

describe('issue 15: quicker in the room', () => {
  it('profile holds the people; Provinsi renames the seeded agencies', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/profil');
    await page.getByLabel('Nama kepala dinas').fill('Dra. Siti Aminah, M.Si');
    await page.getByLabel('Nama pimpinan rapat').fill('Drs. Ahmad Yani');
    await page.getByLabel('Jabatan pimpinan rapat').fill('Sekretaris Daerah');
    await page.getByLabel('Nama notulis').fill('Rina Wati, S.Sos');
    await page.getByLabel('NIP notulis').fill('19800101 200501 2 001');
    await page.getByLabel('NIP notulis').blur();
    await page.getByLabel('Jenis daerah').selectOption('provinsi');
    await page.getByLabel('Nama provinsi').waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent === 'Tersimpan');
    const profile = await call<{ headName: string; notulisNip: string; regionType: string }>('regionProfile.get', {});
    expect(profile).toMatchObject({ headName: 'Dra. Siti Aminah, M.Si', notulisNip: '198001012005012001', regionType: 'provinsi' });
    await screenshot(page, 'rakor-15-profil-provinsi');
    await page.evaluate(() => { window.location.hash = '/instansi'; });
    await page.getByText('Badan Narkotika Nasional Provinsi').waitFor();
    await page.evaluate(() => { window.location.hash = '/profil'; });
    await page.getByLabel('Jenis daerah').selectOption('kabupaten');
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent === 'Tersimpan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new rakor is proposed from the profile and the last rakor of the klaster; dates typed dd/mm/yyyy; focus follows', async () => {
    const agencies = await call<Agency[]>('agency.list', {});
    const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!;
    await call('meeting.create', { title: 'Rakor Klaster III lalu', clusterCodes: ['III'], date: '2026-02-03', startTime: '13:30', place: 'Aula Dinkes', agenda: ['Pembukaan', 'Stunting'], invitedAgencyIds: [dinkes.id] });
    const { page, errors } = await openApp(app.browser, app.runtime, '/rapat');
    await page.getByRole('button', { name: '+ Rapat baru' }).click();
    await page.getByRole('heading', { name: 'Rapat baru' }).waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox');
    await page.getByRole('checkbox', { name: /Klaster III/ }).check();
    await page.getByTestId('draft-source').filter({ hasText: 'Rakor Klaster III lalu' }).waitFor();
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Aula Dinkes');
    expect(await page.getByLabel('Jam mulai').inputValue()).toBe('13.30');
    expect(await page.getByLabel('Nama pimpinan').inputValue()).toBe('Drs. Ahmad Yani');
    expect(await page.getByLabel('Nama notulis').inputValue()).toBe('Rina Wati, S.Sos');
    expect(await page.getByLabel('Acara (satu per baris)').inputValue()).toBe('Pembukaan\nStunting');
    await page.getByLabel('Tanggal').fill('31/02/2026');
    await page.getByText('Tanggal tidak dikenali').waitFor();
    await page.getByLabel('Tanggal').fill('26/11/2026');
    await page.getByLabel('Jam mulai').fill('9.00');
    await page.getByLabel('Tempat').fill('Ruang Rapat Bappeda');
    await screenshot(page, 'rakor-15-rapat-baru-usulan');
    await page.getByRole('button', { name: 'Buat rapat' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'meeting-title');
    const list = await call<Meeting[]>('meeting.list', {});
    const created = await call<{ meeting: Meeting; invitedAgencyIds: number[] }>('meeting.get', { id: list.find((m) => m.date === '2026-11-26')!.id });
    expect(created.meeting).toMatchObject({ startTime: '09:00', place: 'Ruang Rapat Bappeda', chairName: 'Drs. Ahmad Yani', chairPosition: 'Sekretaris Daerah', notulisNip: '198001012005012001' });
    expect(created.invitedAgencyIds).toEqual([dinkes.id]);
    // The Persiapan tab shows the Indonesian forms, not the browser's mm/dd/yyyy or "09:00 AM".
    expect(await page.getByLabel('Tanggal', { exact: true }).inputValue()).toBe('26/11/2026');
    expect(await page.getByLabel('Jam mulai').inputValue()).toBe('09.00');

    // Duplikat asks for the date: proposed on the same weekday, not today.
    await page.evaluate(() => { window.location.hash = '/rapat'; });
    await page.getByRole('button', { name: 'Duplikat Rakor Klaster III lalu' }).click();
    const dialogDate = page.getByLabel('Tanggal rapat baru');
    await dialogDate.waitFor();
    const proposed = await dialogDate.inputValue();
    expect(proposed).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const [d, m, y] = proposed.split('/').map(Number);
    expect(new Date(Date.UTC(y, m - 1, d)).getUTCDay()).toBe(new Date('2026-02-03').getUTCDay());
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder')), { timeout: 10_000 }).toBe('hh/bb/tttt');
    await dialogDate.fill('08/12/2026');
    await page.getByRole('button', { name: 'Buat salinan' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'meeting-title');
    const copy = (await call<Meeting[]>('meeting.list', {})).find((x) => x.date === '2026-12-08');
    expect(copy?.title).toBe('Rakor Klaster III lalu');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('invites by group in one step, saves a group, checks in from the invitation list', async () => {
    const m = await call<Meeting>('meeting.create', { title: 'Rakor undangan', clusterCodes: ['V'], date: '2026-11-30', startTime: '09:00' });
    const agencies = await call<Agency[]>('agency.list', { includeInactive: false });
    const opd = agencies.filter((a) => a.kind === 'opd');
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${m.id}/persiapan`);
    await page.getByRole('button', { name: 'Semua OPD' }).click();
    await page.getByText(`${opd.length} instansi diundang (OPD)`).waitFor();
    await page.getByLabel('Cari instansi untuk diundang').fill('pengadilan');
    await page.getByRole('button', { name: 'Undang semua yang terlihat (2)' }).click();
    await page.getByText(`${opd.length + 2} instansi diundang.`).waitFor();
    await page.getByLabel('Nama kelompok baru').fill('Kelompok uji');
    await page.getByRole('button', { name: 'Simpan kelompok' }).click();
    await page.getByText(`Kelompok “Kelompok uji” disimpan (${opd.length + 2} instansi).`).waitFor();
    await page.getByRole('button', { name: 'Ganti nama' }).click();
    await page.getByLabel('Nama baru kelompok').fill('OPD dan pengadilan');
    await page.getByRole('button', { name: 'Simpan nama' }).click();
    await page.getByRole('option', { name: /OPD dan pengadilan/ }).waitFor({ state: 'attached' });
    // Removing an invitation moves focus to the next row's button, not the page body.
    const second = page.getByTestId('invited-row').nth(1);
    const secondLabel = await second.getByRole('button', { name: /Batal undang/ }).getAttribute('aria-label');
    await page.getByTestId('invited-row').nth(0).getByRole('button', { name: /Batal undang/ }).click();
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, secondLabel);
    const ws = await call<{ invitedAgencyIds: number[] }>('meeting.get', { id: m.id });
    expect(ws.invitedAgencyIds).toHaveLength(opd.length + 1);
    // A saved group invites in one step on another rakor.
    const m2 = await call<Meeting>('meeting.create', { title: 'Rakor kelompok', clusterCodes: ['I'], date: '2026-12-01', startTime: '09:00' });
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/persiapan`; }, m2.id);
    await page.getByLabel('Kelompok tersimpan').selectOption({ label: `OPD dan pengadilan (${opd.length + 2})` });
    await page.getByRole('button', { name: 'Undang kelompok' }).click();
    await page.getByText(`${opd.length + 2} instansi diundang.`).waitFor();
    await screenshot(page, 'rakor-15-undangan-kelompok');
    // Check-in: "Hadir →" opens the daftar hadir with the agency filled in and the name focused.
    const dinsos = agencies.find((a) => a.abbreviation === 'Dinsos')!;
    await page.getByRole('button', { name: 'Isi daftar hadir Dinsos' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'new-attendee-name');
    expect(await page.locator('#new-attendee-agency').inputValue()).toContain('Dinsos');
    await page.keyboard.type('Budi Santoso');
    await page.keyboard.press('Enter');
    await page.waitForFunction(async () => true);
    await expect.poll(async () => (await call<{ attendance: { name: string; agencyId: number | null }[] }>('meeting.get', { id: m2.id })).attendance)
      .toEqual([expect.objectContaining({ name: 'Budi Santoso', agencyId: dinsos.id })]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard: skip link, ARIA tabs with arrows, overlay from inside a field, focus after closing', async () => {
    const m = await call<Meeting>('meeting.create', { title: 'Rakor papan ketik', clusterCodes: ['II'], date: '2026-11-30', startTime: '09:00' });
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${m.id}/persiapan`);
    await page.getByRole('tab', { name: 'Persiapan' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    // Focus moves in React's next commit: read it until it settles, never right after the key.
    await expect.poll(async () => (await focused(page)).text, { timeout: 10_000 }).toBe('Lewati ke isi');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id, { timeout: 10_000 }).toBe('isi');
    // Only the selected tab is in the tab order; arrows, Home and End move and select.
    expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('tabindex')))).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1']);
    await page.getByRole('tab', { name: 'Persiapan' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.endsWith('/hadir') && document.activeElement?.id === 'tab-hadir');
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.hash.endsWith('/data-dukung') && document.activeElement?.id === 'tab-data-dukung');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.endsWith('/persiapan') && document.activeElement?.id === 'tab-persiapan');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.hash.endsWith('/data-dukung') && document.activeElement?.id === 'tab-data-dukung');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => location.hash.endsWith('/persiapan') && document.activeElement?.id === 'tab-persiapan');
    // The address changes before React's commit marks the tab selected: read until it settles.
    await expect.poll(() => page.getByRole('tab', { name: 'Persiapan' }).getAttribute('aria-controls'), { timeout: 10_000 }).toBe('meeting-tabpanel');
    // Inside a field: "?" is typed, F1 and Ctrl+/ open the overlay.
    const place = page.getByLabel('Tempat');
    await place.click();
    await page.keyboard.type('Aula?');
    await expect.poll(() => place.inputValue(), { timeout: 10_000 }).toBe('Aula?');
    await page.keyboard.press('F1');
    await page.getByRole('heading', { name: 'Pintasan keyboard' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Pintasan keyboard' }).waitFor({ state: 'hidden' });
    await place.focus();
    await page.keyboard.press('Control+/');
    await page.getByRole('heading', { name: 'Pintasan keyboard' }).waitFor();
    await page.keyboard.press('Escape');
    // Unduh notulen: focus stays on the button while the document is put together and after.
    await page.getByRole('tab', { name: 'Ekspor' }).click();
    const unduh = page.getByRole('button', { name: 'Unduh notulen (.docx)' });
    await unduh.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^Notulen .*\.docx$/);
    await page.getByText(/diunduh/).waitFor();
    await expect.poll(async () => (await focused(page)).text, { timeout: 10_000 }).toBe('Unduh notulen (.docx)');
    // Tutup rapat: the button disappears; focus goes to the card's new heading.
    await page.getByRole('tab', { name: 'Penutup' }).click();
    await page.getByLabel('Jam selesai').fill('11.30');
    await page.getByRole('button', { name: 'Tutup rapat' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Rapat selesai');
    expect((await call<{ meeting: Meeting }>('meeting.get', { id: m.id })).meeting.endTime).toBe('11:30');
    expect(errors).toEqual([]);
    await page.close();
  });
});
