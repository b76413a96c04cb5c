import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';

// A whole rakor through the UI only, in real Chromium, from an empty data folder; then a reload
// and every value read back from the screen. Only the earlier meeting (whose open RTLs are
// reviewed) is seeded through the API, as the issue allows.

const app = appUnderTest();

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

async function seedEarlierMeeting() {
  const agencies = await call<{ id: number; abbreviation: string }[]>('agency.list', {});
  const id = (abbr: string) => agencies.find((a) => a.abbreviation === abbr)!.id;
  const m = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Triwulan I', clusterCodes: ['III'], date: '2025-01-15', startTime: '09:00' });
  await call('actionItem.create', { meetingId: m.id, description: 'Pendataan ulang balita stunting per desa', leadAgencyId: id('Dinkes'), targetDate: '2025-03-31' });
  await call('actionItem.create', { meetingId: m.id, description: 'Usulan SPAM perdesaan ke APBD perubahan', leadAgencyId: id('PUPR'), status: 'proses' });
  await call('actionItem.create', { meetingId: m.id, description: 'RTL yang sudah selesai', status: 'selesai' });
  await call('meeting.close', { id: m.id, endTime: '11:00' });
}

/** Picks "Dinkes — Dinas Kesehatan" in an agency select by its abbreviation. */
/** Types the abbreviation into a type-ahead picker and takes the first match (the exact abbreviation). */
async function pickAgency(input: Locator, abbreviation: string) {
  // (Typing over the same text changes nothing: start from an empty box, as a user would.)
  await input.fill('');
  await input.fill(abbreviation);
  const first = input.page().locator('.agency-options:visible [role=option]').first();
  await expect.poll(async () => (await first.locator('strong').textContent()) ?? '').toBe(abbreviation);
  await input.press('Enter');
}

const card = (page: Page, title: string): Locator => page.getByTestId('indicator-card').filter({ hasText: title });
const settle = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Tersimpan');
async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.waitForFunction((n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.startsWith(n), name);
}

const ATTENDEES = [
  ['dr. Sari Wulandari', 'Kepala Bidang Kesmas', 'Dinkes', '0812 3456 7001'],
  ['Ir. Bambang Hartono', 'Kepala Bidang Cipta Karya', 'PUPR', '0812 3456 7002'],
  ['Nurhayati, S.Sos.', 'Sekretaris', 'DP3A', '0812 3456 7003'],
  ['Ahmad Fauzi, S.E.', 'Kepala Subbidang Sosbud', 'Bappeda', '0812 3456 7004'],
  ['Rina Marlina', 'Ketua Pokja IV', 'TP PKK', '0812 3456 7005'],
  ['Budi Santoso', 'Kepala Puskesmas Baamang', 'Puskesmas Baamang', '0812 3456 7006'],
  ['dr. Hendra Wijaya', 'Direktur', 'RSUD', '0812 3456 7007'],
  ['Siti Aminah', 'Analis Kebijakan', 'Dinkes', '0812 3456 7008'],
  ['Yusuf Maulana', 'Kasi Air Minum', 'PUPR', '0812 3456 7009'],
  ['Dewi Lestari', 'Ketua', 'Forum Anak Daerah', '0812 3456 7010'],
];

const WEAK = [
  { title: '12. Status gizi balita', problem: 'Prevalensi stunting 24,1%, di atas target 14%.', lead: 'Dinkes', support: 'DP3A' },
  { title: '15. Air minum dan sanitasi', problem: 'Akses air minum layak baru 78% rumah tangga.', lead: 'PUPR', support: 'Dinkes' },
  { title: '16. Kawasan tanpa rokok', problem: 'Perda KTR belum ada; iklan rokok masih di sekitar sekolah.', lead: 'Satpol PP', support: 'Dinkes' },
];

const BUDGET = [
  { ind: 0, agency: 'Dinkes', code: '1.02.02.2.02.0014', source: 'APBD murni', pagu: '1.250.000.000', real: '312.500.000', paguShown: 'Rp1.250.000.000,00' },
  { ind: 0, agency: 'DP3A', code: '2.08.06.2.01.0001', source: 'DAK nonfisik', pagu: '75.500.000,50', real: '0', paguShown: 'Rp75.500.000,50' },
  { ind: 1, agency: 'PUPR', code: '1.03.03.2.01.0005', source: 'APBN', pagu: '2.000.000.000', real: '1.500.000.000', paguShown: 'Rp2.000.000.000,00' },
  { ind: 2, agency: 'Satpol PP', code: '1.05.02.2.01.0001', source: 'APBD perubahan', pagu: '45.000.000', real: '10.000.000', paguShown: 'Rp45.000.000,00' },
];

const RTLS = [
  { ind: 0, text: 'Pemberian makanan tambahan untuk 320 balita gizi kurang', lead: 'Dinkes', related: 'DP3A, TP PKK', target: '2025-06-30' },
  { ind: 0, text: 'Kelas ibu balita di 12 posyandu lokus', lead: 'Dinkes', related: 'DPMD', target: '2025-09-30' },
  { ind: 1, text: 'Pembangunan SPAM di 4 desa lokus', lead: 'PUPR', related: 'Bappeda', target: '2025-12-31' },
  { ind: 1, text: 'Pemicuan STBM di 20 desa', lead: 'Dinkes', related: 'DPMD', target: '2025-08-31' },
  { ind: 2, text: 'Menyusun rancangan Perda KTR', lead: 'Bag. Hukum', related: 'Dinkes, Satpol PP', target: '2025-11-30' },
  { ind: 2, text: 'Penertiban reklame rokok di radius 500 m sekolah', lead: 'Satpol PP', related: 'Dishub', target: '2025-07-31' },
];

const DECISIONS = [
  'Dinkes memimpin percepatan penurunan stunting dengan target 20% pada akhir 2025.',
  'PUPR mengusulkan SPAM perdesaan dalam APBD perubahan 2025.',
  'Bagian Hukum menyiapkan naskah akademik Perda KTR paling lambat Agustus 2025.',
];

// One rakor, step by step: each `it` continues where the previous one left off (same page,
// same data), so they run in order (never concurrent or shuffled) and a failure names the step.
describe('a whole rakor through the UI', { concurrent: false, shuffle: false }, () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await seedEarlierMeeting();
    ({ page, errors } = await openApp(app.browser, app.runtime, '/profil'));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('saves the region profile field by field', async () => {
    // Region profile.
    await page.getByRole('heading', { name: 'Profil daerah' }).waitFor();
    await page.getByLabel('Nama kabupaten/kota').fill('Banua Harapan');
    await page.getByLabel('Provinsi').fill('Kalimantan Selatan');
    await page.getByLabel('Provinsi').blur();
    await page.getByLabel('Zona waktu').selectOption('WITA');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Tersimpan');
  });

  it('creates a Klaster III rakor, refusing one without a cluster', async () => {
    // New rakor for Klaster III.
    await page.evaluate(() => { window.location.hash = '/rapat'; });
    await page.getByRole('heading', { name: 'Rapat koordinasi' }).waitFor();
    await screenshot(page, 'rakor-01-list');
    await page.getByRole('button', { name: '+ Rapat baru' }).click();
    await page.getByRole('button', { name: 'Buat rapat' }).click();
    await page.getByText('Pilih minimal satu klaster.').waitFor();
    await page.getByRole('checkbox', { name: /^Klaster III / }).check();
    await expect.poll(() => page.getByLabel('Judul rapat').inputValue(), { timeout: 10_000 }).toBe('Rapat Koordinasi Gugus Tugas KLA Klaster III Kesehatan Dasar dan Kesejahteraan');
    await page.getByLabel('Tanggal').fill('2025-04-15');
    await page.getByLabel('Jam mulai').fill('09:00');
    await page.getByLabel('Tempat').fill('Aula Bappeda Banua Harapan');
    await screenshot(page, 'rakor-02-new');
    await page.getByRole('button', { name: 'Buat rapat' }).click();
    await page.getByRole('tab', { name: 'Persiapan' }).waitFor();
  });

  it('sets chair and notulis, refusing a 17-digit NIP next to the field', async () => {
    // Prepare: chair and notulis; a 17-digit NIP is refused next to the field.
    await page.getByLabel('Nama pimpinan').fill('Drs. H. Rahmat Hidayat, M.Si.');
    await page.getByLabel('Jabatan pimpinan').fill('Sekretaris Daerah');
    await page.getByLabel('Pangkat/golongan pimpinan').fill('Pembina Utama Madya (IV/d)');
    await page.getByLabel('NIP pimpinan').fill('19700101 199003 1 00');
    await page.getByText('NIP harus 18 digit angka.').waitFor();
    await page.getByLabel('NIP pimpinan').fill('19700101 199003 1 005');
    await page.getByLabel('Nama notulis').fill('Maya Sari, S.H.');
    await page.getByLabel('NIP notulis').fill('198805152015032002');
    await page.getByLabel('Jam selesai').fill('08:00');
    await page.getByText('Jam selesai tidak boleh sebelum jam mulai.').first().waitFor();
    await page.getByLabel('Jam selesai').fill('');
    await page.getByLabel('Agenda baru').fill('Paparan capaian indikator Klaster III');
    await page.getByLabel('Agenda baru').press('Enter');
    await page.getByTestId('agenda-item').nth(2).waitFor();
    await page.getByRole('button', { name: 'Mulai rapat' }).click();
    await page.getByText('Berlangsung').first().waitFor();
    await settle(page);
    await screenshot(page, 'rakor-03-persiapan');
  });

  it('takes attendance with the keyboard alone', async () => {
    // Attendance with the keyboard alone: Alt+H, then Tab through the row and Enter.
    await page.keyboard.press('Alt+H');
    await page.getByRole('heading', { name: 'Tambah peserta' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('new-attendee-name');
    for (const [name, job, agency, phone] of ATTENDEES) {
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      await page.keyboard.type(job);
      await page.keyboard.press('Tab');
      await page.keyboard.type(agency);
      await page.keyboard.press('Tab');
      await page.keyboard.type(phone);
      await page.keyboard.press('Enter');
      if (agency === 'Puskesmas Baamang') {
        // Not in the master list: asked, and added as a new agency with the keyboard.
        await page.getByRole('dialog').getByRole('heading', { name: 'Instansi “Puskesmas Baamang” belum ada di daftar' }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tambah sebagai instansi baru');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-agency-abbreviation');
        await page.keyboard.type('PKM Baamang');
        await page.keyboard.press('Enter');
      }
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="attendee-row"] input')].some((i) => (i as HTMLInputElement).value === n), name);
    }
    await expect.poll(() => page.getByTestId('present-count').textContent(), { timeout: 10_000 }).toBe('10 hadir');
    await expect.poll(() => page.getByTestId('agency-count').filter({ hasText: 'Dinkes' }).textContent(), { timeout: 10_000 }).toBe('Dinkes: 2');
    await screenshot(page, 'rakor-04-daftar-hadir');
  });

  it('reviews three weak indicators with problems, agencies, budget lines and RTLs', async () => {
    // Discussion: 3 weak indicators with problems, agencies, budget lines, RTLs.
    await tab(page, 'Pembahasan');
    const agendaNotes = page.getByLabel('Agenda 3: Paparan capaian indikator Klaster III');
    await agendaNotes.fill('Sekretariat memaparkan capaian 6 indikator; 3 indikator masih lemah.');
    for (const w of WEAK) {
      const c = card(page, w.title);
      await c.getByLabel('Lemah').check();
      await c.getByLabel('Permasalahan').fill(w.problem);
      await c.getByLabel('Capaian').fill('Belum memenuhi target');
      await pickAgency(c.getByLabel('Instansi penanggung jawab'), w.lead);
      await c.getByLabel('Peran').selectOption('lead');
      await c.getByRole('button', { name: 'Tetapkan' }).click();
      await c.getByTestId('assignment').filter({ hasText: w.lead }).waitFor();
      await pickAgency(c.getByLabel('Instansi penanggung jawab'), w.support);
      await c.getByLabel('Peran').selectOption('support');
      await c.getByRole('button', { name: 'Tetapkan' }).click();
      await c.getByTestId('assignment').filter({ hasText: `${w.support} (pendukung)` }).waitFor();
    }
    // A negative pagu is refused next to the field and nothing is saved.
    {
      const c = card(page, WEAK[0].title);
      await pickAgency(c.getByTestId('new-budget').getByLabel('Instansi', { exact: true }), 'Dinkes');
      await c.getByTestId('new-budget').getByLabel('Pagu (Rp)').fill('-5.000');
      await c.getByRole('button', { name: '+ Anggaran' }).click();
      await c.getByTestId('new-budget').getByText('Nilai rupiah harus angka 0 atau lebih.').waitFor();
      await c.getByTestId('new-budget').getByLabel('Pagu (Rp)').fill('');
    }
    for (const b of BUDGET) {
      const c = card(page, WEAK[b.ind].title);
      await pickAgency(c.getByTestId('new-budget').getByLabel('Instansi', { exact: true }), b.agency);
      await c.getByTestId('new-budget').getByLabel('Kode sub kegiatan').fill(b.code);
      await c.getByTestId('new-budget').getByLabel('Sumber dana').fill(b.source);
      await c.getByTestId('new-budget').getByLabel('Pagu (Rp)').fill(b.pagu);
      await c.getByTestId('new-budget').getByLabel('Realisasi (Rp)').fill(b.real);
      const before = await c.getByTestId('budget-row').count();
      await c.getByTestId('new-budget').getByLabel('Realisasi (Rp)').press('Enter');
      await expect.poll(() => c.getByTestId('budget-row').count(), { timeout: 10_000 }).toBe(before + 1);
    }
    for (const r of RTLS) {
      const c = card(page, WEAK[r.ind].title);
      await c.getByTestId('new-rtl').getByLabel('RTL baru: uraian').fill(r.text);
      await pickAgency(c.getByTestId('new-rtl').getByLabel('Penanggung jawab', { exact: true }), r.lead);
      for (const related of r.related.split(', ')) {
        await pickAgency(c.getByTestId('new-rtl').getByLabel('Pihak terkait', { exact: true }), related);
        await c.getByTestId('new-rtl').locator(`[data-testid="related-chip"][title="${related}"]`).waitFor();
      }
      // Typed the Indonesian way (dd/mm/yyyy), stored as ISO.
      await c.getByTestId('new-rtl').getByLabel('Target waktu', { exact: true }).fill(r.target.split('-').reverse().join('/'));
      const before = await c.getByTestId('rtl-row').count();
      await c.getByTestId('new-rtl').getByLabel('RTL baru: uraian').press('Enter');
      await expect.poll(() => c.getByTestId('rtl-row').count(), { timeout: 10_000 }).toBe(before + 1);
    }
    await settle(page);
    await screenshot(page, 'rakor-05-pembahasan');
    await card(page, WEAK[0].title).screenshot({ path: `${SCREEN_DIR}/rakor-05b-indikator.png` });
  });

  it("follows up the earlier meeting's two open RTLs", async () => {
    // Follow-up of the earlier meeting's 2 open RTLs.
    await tab(page, 'Tindak lanjut');
    await expect.poll(() => page.getByTestId('previous-action').count(), { timeout: 10_000 }).toBe(2);
    const [p1, p2] = [page.getByTestId('previous-action').nth(0), page.getByTestId('previous-action').nth(1)];
    await p1.getByLabel('Status di rapat ini').selectOption('selesai');
    await p1.getByLabel('Keterangan').fill('Data by name by address sudah lengkap di 45 desa.');
    await p2.getByLabel('Status di rapat ini').selectOption('proses');
    await p2.getByLabel('Keterangan').fill('Masuk usulan KUA-PPAS perubahan.');
    await settle(page);
    await screenshot(page, 'rakor-06-tindak-lanjut');
  });

  it('adds and reorders decisions with Alt+K', async () => {
    // Decisions, with Alt+K and reordering.
    await tab(page, 'Kesimpulan');
    for (const text of [DECISIONS[1], DECISIONS[0], DECISIONS[2]]) {
      const before = await page.getByTestId('decision').count();
      await page.keyboard.press('Alt+K');
      await expect.poll(() => page.getByTestId('decision').count(), { timeout: 10_000 }).toBe(before + 1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 10_000 }).toBe('TEXTAREA');
      await page.keyboard.type(text);
    }
    await settle(page);
    await page.getByRole('button', { name: 'Naikkan kesimpulan 2' }).click();
    await expect.poll(() => page.getByLabel('Kesimpulan 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe(DECISIONS[0]);
    await screenshot(page, 'rakor-07-kesimpulan');
  });

  it('lists the shortcuts in the ? overlay', async () => {
    // The "?" overlay lists the shortcuts.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.getByRole('button', { name: 'Pintasan keyboard (?)' }).click();
    await page.getByRole('heading', { name: 'Pintasan keyboard' }).waitFor();
    await screenshot(page, 'rakor-08-pintasan');
    await page.keyboard.press('Escape');
  });

  it('closes, refusing an end time before the start', async () => {
    // Close: an end time before the start is refused; then 12:00.
    await tab(page, 'Penutup');
    await page.getByRole('textbox', { name: 'Penutup', exact: true }).fill('Rapat ditutup oleh pimpinan rapat dengan ucapan terima kasih.');
    await page.getByLabel('Jam selesai').fill('08:30');
    await page.getByRole('button', { name: 'Tutup rapat' }).click();
    await page.getByText('Jam selesai tidak boleh sebelum jam mulai.').waitFor();
    await page.getByLabel('Jam selesai').fill('12:00');
    await page.getByRole('button', { name: 'Tutup rapat' }).click();
    await page.getByRole('heading', { name: 'Rapat selesai' }).waitFor();
    await screenshot(page, 'rakor-09-penutup');
  });

  it('shows every value after a reload', async () => {
    // Reload and read every value back from the screen.
    await page.reload();
    await page.getByRole('heading', { name: 'Rapat selesai' }).waitFor();
    await expect.poll(() => page.locator('.meeting-header').textContent(), { timeout: 10_000 }).toContain('Selesai');
    const header = (await page.locator('.meeting-header').textContent()) ?? '';
    expect(header).toContain('Rapat Koordinasi Gugus Tugas KLA Klaster III Kesehatan Dasar dan Kesejahteraan');
    expect(header).toContain('Selasa, 15 April 2025');
    expect(header).toContain('09.00 WITA s.d. 12.00 WITA');
    expect(header).toContain('Aula Bappeda Banua Harapan');
    expect(await page.getByRole('textbox', { name: 'Penutup', exact: true }).inputValue()).toBe('Rapat ditutup oleh pimpinan rapat dengan ucapan terima kasih.');

    await tab(page, 'Persiapan');
    expect(await page.getByLabel('Nama pimpinan').inputValue()).toBe('Drs. H. Rahmat Hidayat, M.Si.');
    expect(await page.getByLabel('Jabatan pimpinan').inputValue()).toBe('Sekretaris Daerah');
    expect(await page.getByLabel('Pangkat/golongan pimpinan').inputValue()).toBe('Pembina Utama Madya (IV/d)');
    expect(await page.getByLabel('NIP pimpinan').inputValue()).toBe('197001011990031005');
    expect(await page.getByLabel('Nama notulis').inputValue()).toBe('Maya Sari, S.H.');
    expect(await page.getByLabel('NIP notulis').inputValue()).toBe('198805152015032002');
    expect(await page.getByLabel('Zona waktu').inputValue()).toBe('WITA');
    expect(await page.getByTestId('agenda-item').count()).toBe(3);

    await tab(page, 'Daftar hadir');
    await expect.poll(() => page.getByTestId('present-count').textContent(), { timeout: 10_000 }).toBe('10 hadir');
    const rows = page.getByTestId('attendee-row');
    expect(await rows.count()).toBe(10);
    for (let i = 0; i < ATTENDEES.length; i++) {
      const [name, job, agency, phone] = ATTENDEES[i];
      const row = rows.nth(i);
      expect(await row.getByLabel(`Nama peserta ${i + 1}`, { exact: true }).inputValue()).toBe(name);
      expect(await row.getByLabel(`Jabatan peserta ${i + 1}`, { exact: true }).inputValue()).toBe(job);
      expect(await row.getByLabel(`No. HP peserta ${i + 1}`, { exact: true }).inputValue()).toBe(phone);
      const shownAgency = agency === 'Forum Anak Daerah' ? 'FAD' : agency === 'Puskesmas Baamang' ? 'PKM Baamang' : agency;
      expect(await row.getByLabel(`Instansi peserta ${i + 1}`, { exact: true }).inputValue()).toBe(shownAgency);
    }

    await tab(page, 'Pembahasan');
    expect(await page.getByLabel('Agenda 3: Paparan capaian indikator Klaster III').inputValue()).toBe('Sekretariat memaparkan capaian 6 indikator; 3 indikator masih lemah.');
    // Weak indicators come first.
    const titles = await page.getByTestId('indicator-card').locator('h3').allTextContents();
    expect(titles.slice(0, 3).map((x) => x.slice(0, 3))).toEqual(['12.', '15.', '16.']);
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-11-pembahasan-after-reload.png` });
    for (const [i, w] of WEAK.entries()) {
      const c = card(page, w.title);
      expect(await c.getByLabel('Lemah').isChecked()).toBe(true);
      expect(await c.getByLabel('Permasalahan').inputValue()).toBe(w.problem);
      expect(await c.getByTestId('assignment').allTextContents()).toEqual([expect.stringContaining(`${w.lead} (utama)`), expect.stringContaining(`${w.support} (pendukung)`)]);
      const budget = BUDGET.filter((b) => b.ind === i);
      expect(await c.getByTestId('budget-row').count()).toBe(budget.length);
      for (const [j, b] of budget.entries()) {
        const row = c.getByTestId('budget-row').nth(j);
        expect(await row.getByLabel(`Kode sub kegiatan ${j + 1}`, { exact: true }).inputValue()).toBe(b.code);
        expect(await row.getByLabel(`Sumber dana ${j + 1}`, { exact: true }).inputValue()).toBe(b.source);
        expect(await row.getByLabel(`Pagu ${j + 1}`, { exact: true }).inputValue()).toBe(b.pagu);
        expect(await row.getByLabel(`Realisasi ${j + 1}`, { exact: true }).inputValue()).toBe(b.real);
        expect(await row.getByLabel(`Tahun anggaran ${j + 1}`, { exact: true }).inputValue()).toBe('2025');
      }
      expect(await c.locator('tfoot').textContent()).toContain(budget.length === 1 ? budget[0].paguShown : 'Rp1.325.500.000,50');
      const rtls = RTLS.filter((r) => r.ind === i);
      expect(await c.getByTestId('rtl-row').count()).toBe(rtls.length);
      for (const [j, r] of rtls.entries()) {
        const row = c.getByTestId('rtl-row').nth(j);
        expect(await row.getByLabel(`Uraian RTL ${j + 1}`, { exact: true }).inputValue()).toBe(r.text);
        expect(await row.getByLabel(`Penanggung jawab RTL ${j + 1}`, { exact: true }).inputValue()).toBe(r.lead);
        // Pihak terkait in the order chosen (each chip names its agency in full; the title holds the abbreviation).
        expect(await row.getByTestId('related-chip').evaluateAll((els) => els.map((e) => e.getAttribute('title')))).toEqual(r.related.split(', '));
        expect(await row.getByLabel(`Target waktu RTL ${j + 1}`, { exact: true }).inputValue()).toBe(r.target.split('-').reverse().join('/'));
        expect(await row.getByLabel(`Status RTL ${j + 1}`, { exact: true }).inputValue()).toBe('belum');
      }
    }

    await tab(page, 'Tindak lanjut');
    expect(await page.getByTestId('previous-action').count()).toBe(2);
    const q1 = page.getByTestId('previous-action').nth(0);
    const q2 = page.getByTestId('previous-action').nth(1);
    expect(await q1.textContent()).toContain('Pendataan ulang balita stunting per desa');
    expect(await q1.getByLabel('Status di rapat ini').inputValue()).toBe('selesai');
    expect(await q1.getByLabel('Keterangan').inputValue()).toBe('Data by name by address sudah lengkap di 45 desa.');
    expect(await q2.getByLabel('Status di rapat ini').inputValue()).toBe('proses');
    expect(await q2.getByLabel('Keterangan').inputValue()).toBe('Masuk usulan KUA-PPAS perubahan.');

    await tab(page, 'Kesimpulan');
    for (const [i, text] of DECISIONS.entries()) expect(await page.getByLabel(`Kesimpulan ${i + 1}`, { exact: true }).inputValue()).toBe(text);
  });

  it('is read-only while closed, until reopened after confirmation', async () => {
    // Closed: read-only until reopened (which asks first).
    expect(await page.getByLabel('Kesimpulan 1', { exact: true }).isDisabled()).toBe(true);
    await tab(page, 'Penutup');
    await page.getByRole('button', { name: 'Buka kembali rapat' }).click();
    await page.getByRole('heading', { name: 'Buka kembali rapat?' }).waitFor();
    await page.getByRole('button', { name: 'Batal' }).click();
    await page.getByRole('heading', { name: 'Rapat selesai' }).waitFor();
  });

  it('is listed newest first and filtered by status', async () => {
    // The list shows it, newest first, and filters by status.
    await page.evaluate(() => { window.location.hash = '/rapat'; });
    await expect.poll(() => page.getByTestId('meeting-row').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('meeting-row').first().textContent()).toContain('Rapat Koordinasi Gugus Tugas KLA Klaster III');
    await page.getByLabel('Saring status').selectOption('draf');
    await page.getByText('Tidak ada rapat yang cocok.').waitFor();
    await page.getByLabel('Saring status').selectOption('');
    await screenshot(page, 'rakor-10-list-after');
  });

  it('keeps the region profile, with no page error on the way', async () => {
    // And the profile survived too.
    const profile = await call<{ regionName: string; province: string; timeZone: string }>('regionProfile.get', {});
    expect(profile).toMatchObject({ regionName: 'Banua Harapan', province: 'Kalimantan Selatan', timeZone: 'WITA' });
    expect(errors).toEqual([]);
  });
});
