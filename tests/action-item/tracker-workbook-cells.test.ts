import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TrackerRow } from '../../shared/tracker';
import { exportTrackerWorkbook, TRACKER_HEADERS } from '../../src-main/core/export/tracker-workbook';
import { trackerSheet } from './tracker-fixture';

// The RTL workbook read back cell by cell for rows a hand-built list makes exact: every optional
// field filled, none filled, a finished RTL past its target. tracker-export.test.ts exports the
// tracker's own rows through the backend.

const TODAY = '2025-10-01';

const base: TrackerRow = {
  id: 41, meetingId: 3, indicatorId: 7, problem: 'Stunting tinggi di 4 desa', description: 'Pelatihan konselor ASI',
  leadAgencyId: 2, relatedAgencyIds: [5, 11], targetDate: '2025-02-01', fundingSource: 'APBD murni', budgetLineId: null,
  status: 'proses', notes: 'Dilaporkan triwulanan', createdAt: '2025-01-10T02:00:00.000Z', updatedAt: '2025-01-10T02:00:00.000Z', revision: 1,
  meetingTitle: 'Rakor III Januari', meetingDate: '2025-01-10', clusterCode: 'III', indicatorNumber: 11,
  indicatorName: 'Persentase anak usia 0-6 bulan yang mendapatkan ASI eksklusif', leadAgencyName: 'Dinas Kesehatan',
  relatedAgencyNames: ['Dinas Sosial', 'Dinas Pekerjaan Umum dan Penataan Ruang'], lastUpdateDate: '2025-09-10', lastUpdateNotes: 'Belum tuntas', overdue: true,
};
const bare: TrackerRow = {
  ...base, id: 42, indicatorId: null, leadAgencyId: null, relatedAgencyIds: [], targetDate: null, fundingSource: '', status: 'belum', notes: '',
  clusterCode: null, indicatorNumber: null, indicatorName: null, leadAgencyName: null, relatedAgencyNames: [], lastUpdateDate: null, lastUpdateNotes: null, overdue: false,
};
// Finished after its target date: not late, so no day count.
const done: TrackerRow = { ...base, id: 43, status: 'selesai', targetDate: '2025-03-01', relatedAgencyNames: ['Dinas Sosial'], overdue: false };

const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
const blank = (v: unknown) => v === null || v === undefined || v === '';

describe('the RTL workbook, cell by cell', () => {
  it('one row per RTL: dates as dates, days late as a number, empty fields empty', async () => {
    const file = await exportTrackerWorkbook([base, bare, done], 'Semua RTL', TODAY);
    const sheet = await trackerSheet(Buffer.from(file.base64, 'base64'));
    expect(sheet.getCell('A1').value).toBe('Rencana tindak lanjut (RTL) Gugus Tugas KLA');
    expect(sheet.getCell('A2').value).toBe('Semua RTL — keadaan per Rabu, 1 Oktober 2025');
    expect(values(sheet, 4)).toEqual([...TRACKER_HEADERS]);

    expect(values(sheet, 5)).toEqual([
      1, 'Rakor III Januari', new Date('2025-01-10T00:00:00Z'), 'Klaster III', '11. Persentase anak usia 0-6 bulan yang mendapatkan ASI eksklusif',
      'Stunting tinggi di 4 desa', 'Pelatihan konselor ASI', 'Dinas Kesehatan', 'Dinas Sosial, Dinas Pekerjaan Umum dan Penataan Ruang',
      // 1 February to 1 October 2025: 27 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 1 = 242 days.
      new Date('2025-02-01T00:00:00Z'), 'APBD murni', 'Proses', 242, new Date('2025-09-10T00:00:00Z'), 'Belum tuntas', 'Dilaporkan triwulanan', 41,
    ]);

    const second = sheet.getRow(6);
    expect([1, 2, 3, 6, 7, 12, 17].map((c) => second.getCell(c).value)).toEqual([2, 'Rakor III Januari', new Date('2025-01-10T00:00:00Z'), 'Stunting tinggi di 4 desa', 'Pelatihan konselor ASI', 'Belum', 42]);
    // Klaster, indikator, penanggung jawab, pihak terkait, target, sumber, terlambat, pembaruan, keterangan.
    const empty = [4, 5, 8, 9, 10, 11, 13, 14, 15, 16].map((c) => [TRACKER_HEADERS[c - 1], second.getCell(c).value]);
    expect(empty.filter(([, v]) => !blank(v))).toEqual([]);

    const third = sheet.getRow(7);
    expect([9, 10, 12, 13].map((c) => third.getCell(c).value)).toEqual(['Dinas Sosial', new Date('2025-03-01T00:00:00Z'), 'Selesai', null]);
    expect(sheet.rowCount).toBe(7);
  });

  it('reads as a list: bold title and frozen bold header, columns sized to their text, long text wrapped', async () => {
    const file = await exportTrackerWorkbook([base], 'Semua RTL', TODAY);
    const sheet = await trackerSheet(Buffer.from(file.base64, 'base64'));
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(TRACKER_HEADERS.map((_, i) => sheet.getRow(4).getCell(i + 1).font?.bold)).toEqual(TRACKER_HEADERS.map(() => true));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const width = (header: (typeof TRACKER_HEADERS)[number]) => sheet.getColumn(TRACKER_HEADERS.indexOf(header) + 1).width ?? 0;
    expect(width('No')).toBeGreaterThan(0);
    expect(width('Uraian tindak lanjut')).toBeGreaterThan(3 * width('No'));
    expect(width('Permasalahan')).toBeGreaterThan(width('Tanggal rapat'));
    const description = sheet.getRow(5).getCell(TRACKER_HEADERS.indexOf('Uraian tindak lanjut') + 1);
    expect(description.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });
});
