import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import type { ExportedFile } from '../../../shared/api/export';

// What every spreadsheet feature shares: opening an uploaded .xlsx (base64, as files travel
// over IPC and HTTP), packing one into an ExportedFile, the house style of headers, and
// refusing a file with every row/column message at once so the user can fix them in one go.

/** Messages listed in the error; a file with more problems says how many remain. */
const MAX_MESSAGES = 50;

export async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    const message = t('xlsx.unreadable');
    throw new AppError('VALIDATION', message, [{ path: 'base64', message }]);
  }
  return workbook;
}

export async function toExportedFile(workbook: ExcelJS.Workbook, fileName: string): Promise<ExportedFile> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rakor KLA';
  // A fixed date keeps two exports of the same data byte-comparable in tests.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

/** Bold header row with a fill and a border, frozen above the data. */
export function styleHeader(sheet: ExcelJS.Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: rowNumber }];
}

/** Text of a cell whatever exceljs made of it (rich text, formula result, number). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return String(value.result ?? '').trim();
    if ('text' in value) return String(value.text).trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** Refuses the whole file when any cell is wrong, listing the problems (first 50). */
export function refuseIfProblems(problems: string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_MESSAGES);
  const more = problems.length - shown.length;
  const fields = shown.map((message) => ({ path: 'base64', message }));
  if (more > 0) fields.push({ path: 'base64', message: t('xlsx.more', { count: more }) });
  throw new AppError('VALIDATION', t('xlsx.refused', { count: problems.length, first: shown[0] }), fields);
}
