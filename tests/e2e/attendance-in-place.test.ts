import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';

// Issues 10 and 15 in the browser: NIP and pangkat in the daftar hadir, every field of a row
// changeable in place (its instansi too), an unknown instansi asked about instead of stored
// silently, "No" following the order shown (and, on request, the printed order), and one
// scrollbar at 1024×768 and 1093×614. Screenshots land in .tmp/screens (rakor-h10-hadir-*).

const app = appUnderTest();
/** The machine is shared: a poll waits up to 10 s, not vitest's 1 s. */
const POLL = { timeout: 10_000 };
let meetingId: number;

const db = () => app.runtime.backend.db;
const stored = (name: string) =>
  db().prepare(`SELECT t.nip, t.rank, t.agency_id AS agencyId, t.agency_text AS agencyText, a.abbreviation FROM attendance t LEFT JOIN agency a ON a.id = t.agency_id WHERE t.meeting_id = ? AND t.name = ?`)
    .get(meetingId, name) as { nip: string; rank: string; agencyId: number | null; agencyText: string; abbreviation: string | null } | undefined;
const rowOf = (page: Page, name: string) => page.getByTestId('attendee-row').filter({ has: page.locator(`input[value="${name}"]`) });

async function addAttendee(page: Page, fields: { name: string; agency?: string; nip?: string; rank?: string; jobTitle?: string }) {
  await page.locator('#new-attendee-name').fill(fields.name);
  await page.locator('#new-attendee-jobTitle').fill(fields.jobTitle ?? '');
  await page.locator('#new-attendee-agency').fill(fields.agency ?? '');
  await page.locator('#new-attendee-nip').fill(fields.nip ?? '');
  await page.locator('#new-attendee-rank').fill(fields.rank ?? '');
  await page.locator('#new-attendee-name').press('Enter');
}

beforeAll(async () => {
  const r = await app.runtime.backend.invoke('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  if (!r.ok) throw new Error(r.error.message);
  meetingId = (r.data as { id: number }).id;
});

describe('daftar hadir: NIP, in-place edits, unknown instansi, numbering', () => {
  it('records a NIP typed with spaces and a pangkat, and refuses a short NIP with its message', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/hadir`);
    await page.locator('#new-attendee-name').waitFor();
    await addAttendee(page, { name: 'dr. Sari Wulandari', jobTitle: 'Kepala Bidang Kesmas', agency: 'dinkes', nip: '19800101 200501 2 001', rank: 'Penata Tk. I (III/d)' });
    await rowOf(page, 'dr. Sari Wulandari').waitFor();
    expect(stored('dr. Sari Wulandari')).toMatchObject({ nip: '198001012005012001', rank: 'Penata Tk. I (III/d)', abbreviation: 'Dinkes' });
    expect(await rowOf(page, 'dr. Sari Wulandari').getByLabel('NIP peserta 1').inputValue()).toBe('19800101 200501 2 001');

    await addAttendee(page, { name: 'Budi Santoso', agency: 'Bappeda', nip: '1980 0101' });
    await expect.poll(() => page.locator('#new-attendee-nip-error').textContent(), POLL).toBe('NIP harus 18 digit angka.');
    expect(stored('Budi Santoso')).toBeUndefined();
    await page.locator('#new-attendee-nip').fill('');
    await page.locator('#new-attendee-name').press('Enter');
    await rowOf(page, 'Budi Santoso').waitFor();
    expect(stored('Budi Santoso')).toMatchObject({ nip: '', abbreviation: 'Bappeda' });

    // In place: a NIP added later, and checked while typing.
    const nip = rowOf(page, 'Budi Santoso').getByLabel('NIP peserta 2');
    await nip.fill('19790202 200312 1 00');
    await nip.blur();
    await expect.poll(() => rowOf(page, 'Budi Santoso').getByRole('alert').textContent(), POLL).toBe('NIP harus 18 digit angka.');
    await nip.fill('19790202 200312 1 004');
    await nip.blur();
    await expect.poll(() => stored('Budi Santoso')?.nip, POLL).toBe('197902022003121004');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks about an unknown instansi: the closest existing one, or a new agency', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/hadir`);
    await page.locator('#new-attendee-name').waitFor();
    const dialog = page.getByRole('dialog');

    // A longer name of a listed agency: Dinkes is offered first.
    await addAttendee(page, { name: 'Rina Marlina', agency: 'Dinas Kesehatan Kota Balikpapan' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toContain('Dinas Kesehatan Kota Balikpapan');
    await screenshot(page, 'rakor-h10-hadir-instansi-tidak-dikenal');
    await dialog.getByRole('button').first().click();
    await rowOf(page, 'Rina Marlina').waitFor();
    expect(stored('Rina Marlina')).toMatchObject({ abbreviation: 'Dinkes', agencyText: '' });

    // Nothing alike: added as a new agency, then used.
    await addAttendee(page, { name: 'Joko Prasetyo', agency: 'Puskesmas Baamang' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tambah sebagai instansi baru' }).click();
    expect(await dialog.getByLabel('Nama lengkap').inputValue()).toBe('Puskesmas Baamang');
    await dialog.getByLabel('Singkatan').fill('PKM Baamang');
    await dialog.getByRole('button', { name: 'Tambah dan pakai' }).click();
    await rowOf(page, 'Joko Prasetyo').waitFor();
    expect(stored('Joko Prasetyo')).toMatchObject({ abbreviation: 'PKM Baamang', agencyText: '' });
    expect(db().prepare(`SELECT kind, name FROM agency WHERE abbreviation = 'PKM Baamang'`).get()).toEqual({ kind: 'opd', name: 'Puskesmas Baamang' });

    // Cancelled: nothing is added and the entry row keeps what was typed.
    await addAttendee(page, { name: 'Tamu Tanpa Instansi', agency: 'Warung Kopi Sejahtera' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect(stored('Tamu Tanpa Instansi')).toBeUndefined();
    expect(await page.locator('#new-attendee-name').inputValue()).toBe('Tamu Tanpa Instansi');
    await page.locator('#new-attendee-name').fill('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes the instansi and the name of a row in place, a typo going through the same question', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/hadir`);
    const agency = page.getByLabel('Instansi peserta 3', { exact: true });
    await agency.waitFor();
    expect(await agency.inputValue()).toBe('Dinkes');
    await agency.fill('bapeda');
    await agency.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /^Bappeda/ }).click();
    await expect.poll(() => stored('Rina Marlina')?.abbreviation, POLL).toBe('Bappeda');
    await expect.poll(() => agency.inputValue(), POLL).toBe('Bappeda');

    // A known abbreviation in any case goes straight in.
    await agency.fill('DINSOS');
    await agency.blur();
    await expect.poll(() => stored('Rina Marlina')?.abbreviation, POLL).toBe('Dinsos');

    // The third person added; the locator by value would lose the row once the name changes.
    const name = page.getByLabel('Nama peserta 3', { exact: true });
    expect(await name.inputValue()).toBe('Rina Marlina');
    await name.fill('Rina Marlina, S.KM');
    await name.blur();
    await expect.poll(() => stored('Rina Marlina, S.KM')?.abbreviation, POLL).toBe('Dinsos');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('numbers rows in the order shown after sorting, and can make that the printed order', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/hadir`);
    await page.getByTestId('attendee-row').first().waitFor();
    const shown = () => page.getByTestId('attendee-row').evaluateAll((rows) => rows.map((r) => [
      r.querySelector('.num')?.textContent ?? '',
      (r.querySelector('input:not([type=checkbox])') as HTMLInputElement | null)?.value ?? '',
    ]));
    expect((await shown())[0]).toEqual(['1', 'dr. Sari Wulandari']);
    await page.getByRole('button', { name: 'Nama / Jabatan' }).click();
    const byName = ['Budi Santoso', 'dr. Sari Wulandari', 'Joko Prasetyo', 'Rina Marlina, S.KM'];
    await expect.poll(async () => (await shown()).map((r) => r[1]), POLL).toEqual(byName);
    expect((await shown()).map((r) => r[0])).toEqual(['1', '2', '3', '4']);

    await page.getByRole('button', { name: 'Pakai urutan ini untuk cetak' }).click();
    await expect.poll(() => (db().prepare(`SELECT name FROM attendance WHERE meeting_id = ? ORDER BY position`).all(meetingId) as { name: string }[]).map((r) => r.name), POLL).toEqual(byName);
    await page.getByRole('button', { name: 'Pakai urutan ini untuk cetak' }).waitFor({ state: 'detached' });
    expect((await shown()).map((r) => r.join(' '))).toEqual(byName.map((n, i) => `${i + 1} ${n}`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows one scrollbar and no sideways scroll at 1024×768 and 1093×614 (screenshots)', async () => {
    // Enough people that the list is longer than the window.
    const insert = db().prepare(`INSERT INTO attendance (meeting_id, position, name, job_title, agency_text, phone, nip, present, created_at)
      VALUES (?, ?, ?, 'Kepala Sub Bagian Perencanaan dan Keuangan', 'Kecamatan Baamang', '0812 3456 78901', '198001012005011001', 1, '2025-03-10T01:00:00Z')`);
    for (let i = 10; i < 40; i++) insert.run(meetingId, i, `Peserta Tambahan ${i}`);
    for (const [width, height] of [[1024, 768], [1093, 614]]) {
      const page = await app.browser.newPage({ viewport: { width, height }, locale: 'en-US', timezoneId: 'America/New_York' });
      await page.goto(app.runtime.server.openUrl);
      await page.evaluate((h) => { window.location.hash = h; }, `/rapat/${meetingId}/hadir`);
      await page.getByTestId('attendee-row').first().waitFor();
      await page.waitForTimeout(300);
      const scrollers = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('main *')) {
          const style = getComputedStyle(el);
          if (['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && el.closest('.attendance-list, .attendance-summary, [data-testid="new-attendee"]')) found.push(el.className);
        }
        const root = document.scrollingElement!;
        return { found, sideways: root.scrollWidth - root.clientWidth, pageScrolls: root.scrollHeight > root.clientHeight };
      });
      expect(scrollers).toEqual({ found: [], sideways: 0, pageScrolls: true });
      await page.screenshot({ path: path.join(SCREEN_DIR, `rakor-h10-hadir-${width}x${height}.png`) });
      await page.evaluate(() => window.scrollTo(0, 1200));
      await page.waitForTimeout(200);
      // The column heads stay in view while the list scrolls with the page.
      expect(await page.locator('.attendance-table thead th').first().evaluate((th) => th.getBoundingClientRect().top)).toBeLessThan(2);
      await page.screenshot({ path: path.join(SCREEN_DIR, `rakor-h10-hadir-${width}x${height}-gulir.png`) });
      await page.close();
    }
  });
});
