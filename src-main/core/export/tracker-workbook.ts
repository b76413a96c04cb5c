import type { TrackerRow } from '../../../shared/tracker';
import type { ExportedFile } from '../../../shared/api/export';
import { clusterLabel } from '../../../shared/kla';
import { formatLongDate } from '../../../shared/format';
import { safeFileName } from '../../../shared/file-name';
import { newWorkbook, styleHeader, toExportedFile } from '../xlsx/workbook';
import { STATUS_LABEL } from './labels';

// The tracker's filtered list as .xlsx (export.tracker, format xlsx): one row per RTL, dates as
// real dates (Excel sorts and filters them) and numbers as numbers, never text. Excel shows the
// dates in the computer's locale style; the format below is the Indonesian day-month-year order.

export const DATE_FORMAT = 'dd/mm/yyyy';
export const TRACKER_HEADERS = [
  'No', 'Rapat asal', 'Tanggal rapat', 'Klaster', 'Indikator', 'Permasalahan', 'Uraian tindak lanjut', 'Penanggung jawab',
  'Pihak terkait', 'Target waktu', 'Sumber anggaran', 'Status', 'Terlambat (hari)', 'Pembaruan terakhir', 'Keterangan pembaruan',
  'Keterangan RTL', 'ID RTL',
] as const;
const WIDTHS = [6, 32, 13, 14, 36, 36, 44, 28, 28, 13, 18, 10, 11, 13, 36, 30, 8];

/** "2025-03-01" as the Date Excel stores for that day (midnight UTC, no zone shift). */
export function excelDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

/** Whole days from the target date to today; null when not overdue. */
function daysLate(r: TrackerRow, today: string): number | null {
  if (!r.overdue || r.targetDate === null) return null;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.targetDate}T00:00:00Z`)) / 86_400_000);
}

export function trackerFileName(today: string, extension: 'xlsx' | 'docx'): string {
  return safeFileName(`Tindak lanjut RTL ${today}`, extension);
}

export async function exportTrackerWorkbook(rows: readonly TrackerRow[], filterText: string, today: string): Promise<ExportedFile> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Tindak lanjut');
  sheet.getCell('A1').value = 'Rencana tindak lanjut (RTL) Gugus Tugas KLA';
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = `${filterText} — keadaan per ${formatLongDate(today)}`;
  sheet.getRow(4).values = [...TRACKER_HEADERS];
  styleHeader(sheet, 4);
  sheet.columns = WIDTHS.map((width) => ({ width }));
  rows.forEach((r, i) => {
    const line = sheet.addRow([
      i + 1,
      r.meetingTitle,
      excelDate(r.meetingDate),
      r.clusterCode ? clusterLabel(r.clusterCode) : '',
      r.indicatorNumber === null ? '' : `${r.indicatorNumber}. ${r.indicatorName ?? ''}`,
      r.problem,
      r.description,
      r.leadAgencyName ?? '',
      r.relatedAgencyNames.join(', '),
      excelDate(r.targetDate),
      r.fundingSource,
      STATUS_LABEL[r.status],
      daysLate(r, today),
      excelDate(r.lastUpdateDate),
      r.lastUpdateNotes ?? '',
      r.notes,
      r.id,
    ]);
    for (const c of [3, 10, 14]) line.getCell(c).numFmt = DATE_FORMAT;
    line.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: TRACKER_HEADERS.length } };
  return toExportedFile(workbook, trackerFileName(today, 'xlsx'));
}
