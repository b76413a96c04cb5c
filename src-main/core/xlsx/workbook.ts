import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import type { ExportedFile } from '../../../shared/api/export';

// What every spreadsheet feature shares: opening an uploaded .xlsx (base64, as files travel
// over IPC and HTTP), packing one into an ExportedFile, the house style of headers, and
// refusing a file with every row/column message at once so the user can fix them in one go.

/** Messages listed in the error; a file with more problems says how many remain. */
const MAX_MESSAGES = 50;

/**
 * exceljs is loaded on first use: it is large, and the app, the web runtime and every CLI command
 * start without paying for it (and a bundle that never touches a spreadsheet never runs it).
 */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new (await excel()).Workbook();
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

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new (await excel()).Workbook();
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

/** Text of a cell whatever exceljs made of it (rich text, formula result, error, number). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    // A formula saved without its computed value (files written by scripts) reads as blank, and an
    // error as Excel shows it ("#N/A"): neither may turn into the text "[object Object]".
    if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
    if ('error' in value) return String(value.error);
    // A hyperlink's text is rich text when part of it is formatted, though typed as a string.
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
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

function refuseFile(message: string): never {
  throw new AppError('VALIDATION', message, [{ path: 'base64', message }]);
}

/** The named sheet; a workbook with a single sheet is taken whatever its name, if allowed. */
export function requireSheet(workbook: ExcelJS.Workbook, name: string, orOnlySheet = false): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name) ?? (orOnlySheet && workbook.worksheets.length === 1 ? workbook.worksheets[0] : undefined);
  return sheet ?? refuseFile(t('xlsx.sheetMissing', { sheet: name }));
}

/**
 * Finds the heading row (the first of the top 20 rows whose first cell is the first heading)
 * and each column by its heading, so a user may move columns or add a title above.
 */
export function locateColumns(sheet: ExcelJS.Worksheet, headers: readonly string[]): { headerRow: number; column: Map<string, number> } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
    const row = sheet.getRow(r);
    if (cellText(row.getCell(1).value).toLowerCase() !== headers[0].toLowerCase()) continue;
    const column = new Map<string, number>();
    row.eachCell((cell, c) => {
      const text = cellText(cell.value).toLowerCase();
      const header = headers.find((h) => h.toLowerCase() === text);
      if (header && !column.has(header)) column.set(header, c);
    });
    const missing = headers.find((h) => !column.has(h));
    if (missing) refuseFile(t('xlsx.headerMissing', { column: missing }));
    return { headerRow: r, column };
  }
  return refuseFile(t('xlsx.headerMissing', { column: headers[0] }));
}
