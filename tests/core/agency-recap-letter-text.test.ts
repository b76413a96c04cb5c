import { describe, expect, it } from 'vitest';
import type { AgencyRecap, AgencyRecapAction, AgencyRecapIndicator } from '../../shared/board';
import type { RegionProfile } from '../../shared/types';
import { agencyRecapFileName, renderAgencyRecap } from '../../src-main/core/agency-recap/letter';
import { docxParts, paragraphTexts } from '../support/docx-read';

// The Rekap per instansi letter (Papan indikator → Rekap per instansi → Unduh surat) read back
// paragraph by paragraph, every line written out by hand: the head, the four numbered points
// in each of their wordings, the RTL table and its cap, the request, the closing and the
// signature. agency-recap-letter.test.ts checks the letter through the backend and renders it;
// this one pins the wording, built from recaps written here so that each branch is reached.

const PROFILE: RegionProfile = {
  regionType: 'kabupaten', regionName: 'Kotawaringin Timur', province: 'Kalimantan Tengah', timeZone: 'WIB', letterheadLines: ['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'],
  logoDataUrl: '', paper: 'A4', fontFamily: 'Arial', fontSizePt: 12, signingPlace: 'Sampit', targetPredikat: 'Nindya', targetYear: 2027,
  currentPredikat: 'Madya', currentPredikatYear: 2025, updatedAt: '2026-01-05T01:00:00.000Z', revision: 3,
  headName: 'Dra. Hj. Siti Rahmah, M.Si.', headPosition: 'Kepala Dinas P2KBP3A', headRank: 'Pembina Utama Muda (IV/c)', headNip: '197001011995032001',
  chairName: '', chairPosition: '', chairRank: '', chairNip: '', notulisName: '', notulisPosition: '', notulisRank: '', notulisNip: '',
  signingMode: 'chair', signAcknowledge: false, signViaPosition: '', attendancePrintNip: true, attendancePrintPhone: true,
};

const JT = 1_000_000 * 100;

const indicator = (number: number, role: 'lead' | 'support', weak: boolean): AgencyRecapIndicator => ({
  indicatorId: number, clusterCode: 'III', number, name: `Indikator ${number}`, role, latest: null, weak,
});

let nextAction = 1;
const action = (fields: Partial<AgencyRecapAction>): AgencyRecapAction => ({
  id: nextAction++, description: 'RTL', indicatorNumber: null, meetingId: 1, meetingTitle: 'Rakor I 2025', meetingDate: '2025-02-10',
  role: 'lead', targetDate: null, status: 'belum', overdue: false, ...fields,
});

const recap = (fields: Partial<AgencyRecap>): AgencyRecap => ({
  agency: { id: 1, name: 'Dinas Kesehatan', abbreviation: 'Dinkes', kind: 'opd', active: true },
  year: 2025, referenceYear: 2025, indicators: [], actionCounts: { total: 0, open: 0, overdue: 0, done: 0 }, actions: [],
  budget: { lines: 0, allocationSen: 0, realizationSen: 0, absorption: null }, budgetLines: [], meetings: [],
  meetingsHeld: 0, invitedTo: 0, attended: 0, ...fields,
});

async function letterLines(r: AgencyRecap, profile: RegionProfile = PROFILE): Promise<string[]> {
  const bytes = await renderAgencyRecap(r, { profile, date: '2026-02-10' });
  return paragraphTexts(docxParts(bytes).get('word/document.xml') ?? '');
}

const HEAD = [
  'Nomor\t: .............................',
  'Sifat\t: Biasa',
  'Lampiran\t: -',
  'Hal\t: Rekapitulasi Tindak Lanjut Gugus Tugas KLA Tahun 2025',
];
const CLOSING = 'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.';
const HEAD_SIGNATURE = ['Kepala Dinas P2KBP3A,', 'Dra. Hj. Siti Rahmah, M.Si.', 'Pembina Utama Muda (IV/c)', 'NIP. 19700101 199503 2 001'];

describe('the Rekap per instansi letter, line by line', () => {
  it('an OPD with weak indicators, overdue RTLs beyond the three listed, and budget', async () => {
    const lines = await letterLines(recap({
      indicators: [indicator(11, 'lead', true), indicator(12, 'lead', false), indicator(13, 'support', true), indicator(14, 'support', false)],
      actionCounts: { total: 6, open: 5, overdue: 1, done: 1 },
      actions: [
        // Done RTLs are counted in point 2 but never listed in the table.
        action({ description: 'Sudah selesai', status: 'selesai', indicatorNumber: 11, targetDate: '2025-03-31' }),
        action({ description: '  Pendataan ibu hamil risiko tinggi di setiap  desa\ndan kelurahan, oleh bidan dan kader posyandu ', indicatorNumber: 11, targetDate: '2025-06-30', overdue: true }),
        action({ description: 'Rapat koordinasi lintas sektor tentang pencegahan perkawinan anak 2025', indicatorNumber: 12, status: 'proses' }),
        action({ description: 'Sosialisasi\tkelas\u0007 ayah', targetDate: '2026-12-31' }),
        action({ description: 'Keempat' }),
        action({ description: 'Kelima' }),
      ],
      budget: { lines: 2, allocationSen: 150 * JT, realizationSen: 75 * JT, absorption: 0.5 },
      meetingsHeld: 5, invitedTo: 2, attended: 2,
    }));
    expect(lines).toEqual([
      ...HEAD,
      'Sampit, 10 Februari 2026',
      'Kepada Yth.',
      'Kepala Dinas Kesehatan',
      'di',
      'Tempat',
      'Dalam rangka pemenuhan hak dan perlindungan khusus anak menuju Kabupaten Kotawaringin Timur Layak Anak, bersama ini kami sampaikan '
        + 'rekapitulasi hasil rapat koordinasi (rakor) Gugus Tugas KLA tahun 2025 untuk Dinas Kesehatan per 10 Februari 2026, sebagai berikut:',
      '1.\tIndikator: 11, 12 (penanggung jawab); 13, 14 (pendukung); yang masih lemah menurut pembahasan terakhir: indikator 11, 13.',
      '2.\tRencana tindak lanjut: 6 RTL dari rakor tahun 2025: 1 selesai, 5 belum selesai, 1 di antaranya melewati target waktu; yang belum selesai:',
      'No', 'Uraian tindak lanjut (indikator)', 'Target waktu', 'Status',
      // Whitespace collapsed, clipped at 70 characters without a space before the ellipsis.
      '1', 'Pendataan ibu hamil risiko tinggi di setiap desa dan kelurahan, oleh… (11)', '30 Jun 2025', 'Belum (terlambat)',
      // Exactly 70 characters: printed whole.
      '2', 'Rapat koordinasi lintas sektor tentang pencegahan perkawinan anak 2025 (12)', '-', 'Proses',
      // No indicator: no number; a typed tab becomes a space, a control character is dropped.
      '3', 'Sosialisasi kelas ayah', '31 Des 2026', 'Belum',
      'dan 2 RTL lainnya yang belum selesai (daftar lengkap di menu Tindak lanjut).',
      '3.\tAnggaran: 2 sub kegiatan tahun anggaran 2025 dengan pagu Rp150.000.000,00 dan realisasi Rp75.000.000,00 (serapan 50,0%).',
      '4.\tKehadiran rakor: Dari 5 rakor tahun 2025, instansi Saudara diundang ke 2 rakor dan hadir di 2 rakor.',
      'Kami mohon RTL yang belum selesai, terutama yang melewati target waktu, segera ditindaklanjuti dan perkembangannya beserta data dukung disampaikan pada rakor berikutnya.',
      CLOSING,
      ...HEAD_SIGNATURE,
    ]);
  });

  it('a mitra in a kota with nothing in the year, no signing place and no head of office', async () => {
    const lines = await letterLines(
      recap({
        agency: { id: 2, name: ' Forum Anak Daerah ', abbreviation: 'FAD', kind: 'mitra', active: true },
        year: 2026,
        // A line with no pagu: no serapan to print.
        budget: { lines: 1, allocationSen: 0, realizationSen: 0, absorption: null },
      }),
      { ...PROFILE, regionType: 'kota', regionName: ' Palangka Raya ', signingPlace: '  ', headPosition: ' ', headName: 'Drs. Ahmad', headRank: '', headNip: '' },
    );
    expect(lines).toEqual([
      'Nomor\t: .............................',
      'Sifat\t: Biasa',
      'Lampiran\t: -',
      'Hal\t: Rekapitulasi Tindak Lanjut Gugus Tugas KLA Tahun 2026',
      '10 Februari 2026',
      'Kepada Yth.',
      'Pimpinan Forum Anak Daerah',
      'di',
      'Tempat',
      'Dalam rangka pemenuhan hak dan perlindungan khusus anak menuju Kota Palangka Raya Layak Anak, bersama ini kami sampaikan '
        + 'rekapitulasi hasil rapat koordinasi (rakor) Gugus Tugas KLA tahun 2026 untuk Forum Anak Daerah per 10 Februari 2026, sebagai berikut:',
      '1.\tIndikator: Belum ada indikator KLA yang ditetapkan sebagai tanggung jawab instansi Saudara.',
      '2.\tRencana tindak lanjut: Tidak ada rencana tindak lanjut (RTL) untuk instansi Saudara dari rakor tahun 2026.',
      '3.\tAnggaran: 1 sub kegiatan tahun anggaran 2026 dengan pagu Rp0,00 dan realisasi Rp0,00.',
      '4.\tKehadiran rakor: Belum ada rakor pada tahun 2026.',
      'Kami mohon perkembangan pelaksanaan dan data dukungnya tetap disampaikan pada rakor berikutnya.',
      CLOSING,
      'Sekretariat Gugus Tugas KLA,',
      'Drs. Ahmad',
    ]);
  });

  it('another government, a provinsi without a name, every RTL done, and no budget', async () => {
    const lines = await letterLines(
      recap({
        agency: { id: 3, name: 'Kabupaten Seruyan', abbreviation: '', kind: 'kabkota', active: true },
        indicators: [indicator(7, 'support', false)],
        actionCounts: { total: 2, open: 0, overdue: 0, done: 2 },
        actions: [action({ status: 'selesai' }), action({ status: 'selesai' })],
        meetingsHeld: 1, invitedTo: 1, attended: 0,
      }),
      // The signing place as typed, spaces around it.
      { ...PROFILE, regionType: 'provinsi', regionName: '', signingPlace: ' Sampit ' },
    );
    expect(lines.slice(4)).toEqual([
      'Sampit, 10 Februari 2026',
      'Kepada Yth.',
      'Pimpinan Kabupaten Seruyan',
      'di',
      'Tempat',
      'Dalam rangka pemenuhan hak dan perlindungan khusus anak menuju daerah kita Layak Anak, bersama ini kami sampaikan '
        + 'rekapitulasi hasil rapat koordinasi (rakor) Gugus Tugas KLA tahun 2025 untuk Kabupaten Seruyan per 10 Februari 2026, sebagai berikut:',
      '1.\tIndikator: 7 (pendukung).',
      '2.\tRencana tindak lanjut: 2 RTL dari rakor tahun 2025: 2 selesai, 0 belum selesai.',
      '3.\tAnggaran: Belum ada anggaran tahun 2025 yang dicatat untuk instansi Saudara.',
      '4.\tKehadiran rakor: Dari 1 rakor tahun 2025, instansi Saudara diundang ke 1 rakor dan hadir di 0 rakor.',
      'Kami mohon perkembangan pelaksanaan dan data dukungnya tetap disampaikan pada rakor berikutnya.',
      CLOSING,
      ...HEAD_SIGNATURE,
    ]);
  });

  it('a provinsi by name; exactly three open RTLs, none overdue: all listed and nothing counted', async () => {
    const lines = await letterLines(
      recap({
        indicators: [indicator(20, 'lead', false)],
        actionCounts: { total: 3, open: 3, overdue: 0, done: 0 },
        actions: [action({ description: 'Satu' }), action({ description: 'Dua' }), action({ description: 'Tiga' })],
      }),
      { ...PROFILE, regionType: 'provinsi', regionName: 'Kalimantan Tengah' },
    );
    expect(lines.find((l) => l.startsWith('Dalam rangka'))).toContain('menuju Provinsi Kalimantan Tengah Layak Anak');
    const from = lines.indexOf('1.\tIndikator: 20 (penanggung jawab).');
    expect(lines.slice(from, lines.findIndex((l) => l.startsWith('3.\t')))).toEqual([
      '1.\tIndikator: 20 (penanggung jawab).',
      '2.\tRencana tindak lanjut: 3 RTL dari rakor tahun 2025: 0 selesai, 3 belum selesai; yang belum selesai:',
      'No', 'Uraian tindak lanjut (indikator)', 'Target waktu', 'Status',
      '1', 'Satu', '-', 'Belum',
      '2', 'Dua', '-', 'Belum',
      '3', 'Tiga', '-', 'Belum',
    ]);
  });

  it('puts the kop surat on the first page only and sets the addressee in bold', async () => {
    const xml = docxParts(await renderAgencyRecap(recap({}), { profile: PROFILE, date: '2026-02-10' })).get('word/document.xml') ?? '';
    // A distinct first page: its header carries the kop, later pages only the page number.
    expect(xml).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
    const addressee = xml.split('</w:p>').find((p) => p.includes('>Kepala Dinas Kesehatan<'));
    expect(addressee).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    const yth = xml.split('</w:p>').find((p) => p.includes('>Kepada Yth.<'));
    expect(yth).not.toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
  });

  it('names the document after the agency and the year', async () => {
    const bytes = await renderAgencyRecap(recap({ agency: { id: 4, name: 'Dinas\tSosial', abbreviation: 'Dinsos', kind: 'opd', active: true } }), { profile: PROFILE, date: '2026-02-10' });
    expect(docxParts(bytes).get('docProps/core.xml')).toContain('<dc:title>Rekap Dinas Sosial 2025</dc:title>');
  });
});

describe('the letter\'s file name', () => {
  it('puts the abbreviation before the name, and marks F4', () => {
    const opd = recap({});
    expect(agencyRecapFileName(opd)).toBe('Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx');
    expect(agencyRecapFileName(opd, 'F4')).toBe('Rekap KLA 2025 - Dinkes - Dinas Kesehatan (F4).docx');
    expect(agencyRecapFileName(opd, 'A4')).toBe('Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx');
    // A name too long for one file name is cut before " (F4)", never through it.
    const long = recap({ agency: { id: 6, name: `Dinas ${'Pemberdayaan Perempuan '.repeat(8)}`, abbreviation: 'DP3A', kind: 'opd', active: true } });
    expect(agencyRecapFileName(long, 'F4')).toMatch(/^Rekap KLA 2025 - DP3A - Dinas Pemberdayaan .* \(F4\)\.docx$/);
    expect(agencyRecapFileName(long, 'A4')).not.toBe(agencyRecapFileName(long, 'F4'));
    // A blank abbreviation is no abbreviation.
    const blank = recap({ agency: { id: 5, name: 'Forum Anak Daerah', abbreviation: '  ', kind: 'mitra', active: true } });
    expect(agencyRecapFileName(blank)).toBe('Rekap KLA 2025 - Forum Anak Daerah.docx');
  });
});
