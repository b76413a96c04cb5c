import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src-main/core/db/database';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { minutesModel } from '../../src-main/core/export/minutes-document';
import { renderDocx } from '../../src-main/core/export/docx-render';
import { docxParts, tableRows, type DocxCell } from '../support/docx-read';
import { createMeetingFixture } from '../support/meeting-fixture';

// Lampiran III (Rekapitulasi anggaran per instansi, then the lines behind it) read back from the
// .docx of a rakor whose budget lines are typed straight into its SQLite file. The sums and
// percentages below are worked out by hand.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Line { agency: string; code: string; name: string; source: string; allocation: number; realization: number }

/** Six lines of three agencies (sen): a source typed with spaces, empty sources, a zero pagu. */
const LINES: Line[] = [
  { agency: 'PUPR', code: '1.03.01.2.01.0001', name: 'Pembangunan taman bermain ramah anak', source: 'APBD murni', allocation: 100_000_000_00, realization: 85_250_000_50 },
  { agency: 'PUPR', code: '1.03.01.2.01.0002', name: 'Air minum layak di sekolah', source: '  APBD murni ', allocation: 50_000_000_00, realization: 12_500_000_00 },
  { agency: 'PUPR', code: '1.03.01.2.01.0003', name: 'Rute aman selamat ke sekolah', source: 'DAK fisik', allocation: 25_000_000_00, realization: 0 },
  { agency: 'DPMD', code: '2.13.01', name: 'Forum anak desa', source: 'APBDes', allocation: 40_000_000_00, realization: 10_000_000_00 },
  { agency: 'DPMD', code: '2.13.02', name: 'Pelatihan fasilitator desa', source: '', allocation: 10_000_000_00, realization: 0 },
  { agency: 'Dinsos', code: '', name: 'Pendataan anak terlantar', source: '', allocation: 0, realization: 0 },
];

function addLines(db: Db, meetingId: number, lines: readonly Line[]): void {
  const insert = db.prepare(
    `INSERT INTO budget_line (agency_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year, allocation_sen, realization_sen, created_at, updated_at)
     VALUES ((SELECT id FROM agency WHERE abbreviation = ?), ?, ?, ?, ?, 2024, ?, ?, '2024-11-20T08:00:00.000Z', '2024-11-20T08:00:00.000Z')`,
  );
  for (const l of lines) insert.run(l.agency, meetingId, l.code, l.name, l.source, l.allocation, l.realization);
}

/** Lampiran III of the rakor's notulen: its two tables as the .docx holds them. */
async function lampiranIII(lines: readonly Line[]): Promise<DocxCell[][][]> {
  const f = createMeetingFixture({ budgetLines: 0 });
  dirs.push(f.dir);
  addLines(f.db, f.meetingId, lines);
  const data = loadMinutesData(f.db, f.meetingId);
  f.close();
  const model = minutesModel(data, { lampiran: ['III'] });
  const xml = docxParts(await renderDocx({ ...model, sections: model.sections.slice(-1) })).get('word/document.xml') ?? '';
  // The lampiran heading is a borderless layout table; the data tables start with "No".
  return tableRows(xml).filter((t) => t[0]?.[0]?.text === 'No');
}

const texts = (rows: DocxCell[][]) => rows.map((r) => r.map((c) => c.text));

describe('Lampiran III: budget per agency', () => {
  it('sums each agency in rupiah, with absorption, distinct sources and a bold JUMLAH row', async () => {
    const [summary, detail] = await lampiranIII(LINES);
    expect(texts(summary)).toEqual([
      ['No', 'Instansi', 'Jumlah kegiatan', 'Pagu', 'Realisasi', '% Serapan', 'Sumber dana'],
      // 97.750.000,50 / 175.000.000 = 55,86%; "  APBD murni " is the same source as "APBD murni".
      ['1', 'Dinas Pekerjaan Umum dan Penataan Ruang', '3', 'Rp175.000.000,00', 'Rp97.750.000,50', '55,9%', 'APBD murni, DAK fisik'],
      // A line without a source adds none.
      ['2', 'Dinas Pemberdayaan Masyarakat dan Desa', '2', 'Rp50.000.000,00', 'Rp10.000.000,00', '20,0%', 'APBDes'],
      // No pagu: no percentage to show ("-"), and no source typed ("-").
      ['3', 'Dinas Sosial', '1', 'Rp0,00', 'Rp0,00', '-', '-'],
      // 107.750.000,50 / 225.000.000 = 47,89%.
      ['', 'JUMLAH', '6', 'Rp225.000.000,00', 'Rp107.750.000,50', '47,9%', ''],
    ]);
    expect(summary.map((r) => r.every((c) => c.text === '' || c.bold))).toEqual([true, false, false, false, true]);

    expect(texts(detail)).toEqual([
      ['No', 'Instansi', 'Kode sub kegiatan', 'Kegiatan / sub kegiatan', 'Sumber dana', 'Pagu', 'Realisasi', '% Serapan'],
      ['1', 'PUPR', '1.03.01.2.01.0001', 'Pembangunan taman bermain ramah anak', 'APBD murni', 'Rp100.000.000,00', 'Rp85.250.000,50', '85,3%'],
      ['2', 'PUPR', '1.03.01.2.01.0002', 'Air minum layak di sekolah', 'APBD murni', 'Rp50.000.000,00', 'Rp12.500.000,00', '25,0%'],
      ['3', 'PUPR', '1.03.01.2.01.0003', 'Rute aman selamat ke sekolah', 'DAK fisik', 'Rp25.000.000,00', 'Rp0,00', '0,0%'],
      ['4', 'DPMD', '2.13.01', 'Forum anak desa', 'APBDes', 'Rp40.000.000,00', 'Rp10.000.000,00', '25,0%'],
      ['5', 'DPMD', '2.13.02', 'Pelatihan fasilitator desa', '-', 'Rp10.000.000,00', 'Rp0,00', '0,0%'],
      ['6', 'Dinsos', '-', 'Pendataan anak terlantar', '-', 'Rp0,00', 'Rp0,00', '-'],
    ]);
    expect(detail.slice(1).some((r) => r.some((c) => c.bold))).toBe(false);
  });

  it('without budget lines: a JUMLAH row of zeros and no detail table', async () => {
    const tables = await lampiranIII([]);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]).slice(1)).toEqual([['', 'JUMLAH', '0', 'Rp0,00', 'Rp0,00', '-', '']]);
  });
});
