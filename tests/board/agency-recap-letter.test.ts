import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, todayIso } from '../../shared/format';
import { docxParts, docxText, HAS_SOFFICE, pdfPages, pdfToPng, SOFFICE_SKIP_REASON, toPdf, xmlText } from '../support/docx-read';
import { LOGO_DATA_URL } from '../support/meeting-fixture';
import { openTestBackend } from '../support/meeting-helpers';
import { buildYearFixture, type YearFixture } from './year-fixture';
import { timeLimit } from '../support/time-limit';

// The recap letter to one agency read back (text, kop in the first-page header) and rendered by
// LibreOffice (one page even for an agency with many open RTLs), and the zip of every agency.

let f: YearFixture;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-rekap-instansi-'));
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

beforeAll(async () => {
  f = await buildYearFixture();
  await f.t.edit('regionProfile.update', {
    regionType: 'kabupaten', regionName: 'Kotawaringin Timur', timeZone: 'WIB', signingPlace: 'Sampit', logoDataUrl: LOGO_DATA_URL,
    letterheadLines: ['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', 'DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK', 'Jalan Jenderal Sudirman Km 5, Sampit 74322, Telepon (0531) 21000'],
    headName: 'Dra. Hj. Siti Rahmah, M.Si.', headPosition: 'Kepala Dinas P2KBP3A', headRank: 'Pembina Utama Muda (IV/c)', headNip: '197001011995032001',
  });
  // An agency with a long year: 14 open RTLs with long texts, 2 of them overdue.
  const m = await f.t.call('meeting.create', { title: 'Rakor Pleno 2025', clusterCodes: ['III'], date: '2025-11-10', startTime: '09:00' });
  for (let i = 1; i <= 14; i++) {
    await f.t.call('actionItem.create', {
      meetingId: m.id, indicatorId: f.ind.y, leadAgencyId: f.ag.dlh, targetDate: i <= 2 ? '2025-11-30' : '2099-06-30',
      description: `Tindak lanjut ke-${i}: penyediaan taman bermain ramah anak di kecamatan dengan pendataan sarana, koordinasi lintas OPD, dan pelaporan berkala kepada sekretariat gugus tugas`,
    });
  }
}, timeLimit(60_000));
afterAll(() => {
  f.t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('export.agencyRecap', () => {
  it('writes a cover letter for one agency, in Indonesian with months in full', async () => {
    const file = await f.t.call('export.agencyRecap', { agencyId: f.ag.dinkes, year: 2025 });
    expect(file.fileName).toBe('Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx');
    const bytes = bytesOf(file.base64);
    const text = (await docxText(bytes)).replace(/\s+/g, ' ');
    const today = formatDate(todayIso('WIB'));
    expect(text).toContain(`Sampit, ${today}`);
    expect(text).toContain('Hal : Rekapitulasi Tindak Lanjut Gugus Tugas KLA Tahun 2025');
    expect(text).toContain('Kepada Yth. Kepala Dinas Kesehatan di Tempat');
    expect(text).toContain('menuju Kabupaten Kotawaringin Timur Layak Anak');
    expect(text).toContain('Indikator: 11 (penanggung jawab); 12 (pendukung).');
    expect(text).toContain('Rencana tindak lanjut: 1 RTL dari rakor tahun 2025: 0 selesai, 1 belum selesai, 1 di antaranya melewati target waktu; yang belum selesai:');
    expect(text).toContain('Kelas ibu hamil di tiap desa (11) 30 Jun 2025 Belum (terlambat)');
    expect(text).toContain('Anggaran: 2 sub kegiatan tahun anggaran 2025 dengan pagu Rp150.000.000,00 dan realisasi Rp75.000.000,00 (serapan 50,0%).');
    expect(text).toContain('Kehadiran rakor: Dari 5 rakor tahun 2025, instansi Saudara diundang ke 2 rakor dan hadir di 2 rakor.');
    expect(text).toContain('Kepala Dinas P2KBP3A, Dra. Hj. Siti Rahmah, M.Si. Pembina Utama Muda (IV/c) NIP. 19700101 199503 2 001');
    expect(text).not.toMatch(/undefined|null|NaN/);
    // The kop sits in the first page's header.
    const headers = [...docxParts(bytes).entries()].filter(([name]) => /word\/header\d+\.xml/.test(name)).map(([, xml]) => xmlText(xml));
    expect(headers.join(' ')).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
  });

  it('an agency with no budget and many open RTLs: three listed, the rest counted', async () => {
    const file = await f.t.call('export.agencyRecap', { agencyId: f.ag.dlh, year: 2025, paper: 'F4' });
    expect(file.fileName).toBe('Rekap KLA 2025 - DLH - Dinas Lingkungan Hidup (F4).docx');
    const text = (await docxText(bytesOf(file.base64))).replace(/\s+/g, ' ');
    expect(text).toContain('Belum ada anggaran tahun 2025 yang dicatat untuk instansi Saudara.');
    expect(text).toContain('Belum ada indikator KLA yang ditetapkan sebagai tanggung jawab instansi Saudara.');
    expect(text).toContain('15 RTL dari rakor tahun 2025: 0 selesai, 15 belum selesai, 2 di antaranya melewati target waktu');
    expect(text).toContain('dan 12 RTL lainnya yang belum selesai');
    // Overdue first.
    expect(text.indexOf('Tindak lanjut ke-1:')).toBeLessThan(text.indexOf('Tindak lanjut ke-3:'));
  });

  it.skipIf(!HAS_SOFFICE)(HAS_SOFFICE ? 'stays on one page in LibreOffice, A4 and F4, however long the year' : SOFFICE_SKIP_REASON, async () => {
    const files: string[] = [];
    for (const [agency, paper] of [[f.ag.dlh, 'A4'], [f.ag.dlh, 'F4'], [f.ag.dinkes, 'A4']] as const) {
      const file = await f.t.call('export.agencyRecap', { agencyId: agency, year: 2025, paper });
      const target = path.join(work, `${agency}-${paper}.docx`);
      fs.writeFileSync(target, bytesOf(file.base64));
      files.push(target);
    }
    const pdfs = toPdf(files, work);
    // For looking at: .tmp/screens/rekap-instansi-*.png
    const shots = path.resolve(__dirname, '../../.tmp/screens');
    fs.mkdirSync(shots, { recursive: true });
    pdfToPng(pdfs[0], path.join(shots, 'rekap-instansi-dlh-a4'));
    pdfToPng(pdfs[2], path.join(shots, 'rekap-instansi-dinkes-a4'));
    for (const pdf of pdfs) {
      const pages = pdfPages(pdf);
      expect(pages, pdf).toHaveLength(1);
      expect(pages[0].text).toContain('Demikian disampaikan');
      expect(pages[0].text).toContain('NIP. 19700101 199503 2 001');
    }
  }, timeLimit(180_000));

  it('packs every agency with anything in the year into one zip', async () => {
    const file = await f.t.call('export.agencyRecap', { all: true, year: 2025 });
    expect(file.fileName).toBe('Rekap KLA 2025 - semua instansi.zip');
    const entries = unzipSync(bytesOf(file.base64));
    // Dinkes (assigned, budget, RTL, attended), PUPR (assigned, RTL, invited), DLH (RTL, attended); by name.
    expect(Object.keys(entries)).toEqual([
      'Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx',
      'Rekap KLA 2025 - DLH - Dinas Lingkungan Hidup.docx',
      'Rekap KLA 2025 - PUPR - Dinas PUPR dan Pertanahan.docx',
    ]);
    for (const [name, bytes] of Object.entries(entries)) {
      expect(await docxText(bytes), name).toContain('Rekapitulasi Tindak Lanjut Gugus Tugas KLA Tahun 2025');
    }
    expect(await docxText(entries['Rekap KLA 2025 - PUPR - Dinas PUPR dan Pertanahan.docx'])).toContain('Kepala Dinas PUPR dan Pertanahan');
  });

  it('refuses neither or both of agency and all, and a regency with nobody to write to', async () => {
    expect((await f.t.fail('export.agencyRecap', { year: 2025 })).code).toBe('VALIDATION');
    expect((await f.t.fail('export.agencyRecap', { agencyId: f.ag.dinkes, all: true })).code).toBe('VALIDATION');
    // Assignments hold in every year of their reference set, so 2031 still has Dinkes and PUPR.
    expect(Object.keys(unzipSync(bytesOf((await f.t.call('export.agencyRecap', { all: true, year: 2031 })).base64)))).toHaveLength(2);
    const fresh = openTestBackend();
    try {
      expect(await fresh.fail('export.agencyRecap', { all: true, year: 2025 })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('tahun 2025') });
    } finally {
      fresh.close();
    }
  });
});
