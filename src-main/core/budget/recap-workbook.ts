import type { BudgetRecap, BudgetRecapRow } from '../../../shared/api/budget-line';
import type { ExportedFile } from '../../../shared/api/export';
import { newWorkbook, styleHeader, toExportedFile } from '../xlsx/workbook';
import { safeFileName } from '../../../shared/file-name';

// The budget recap as .xlsx: one sheet per grouping, rupiah and percentages as real numbers with
// number formats (so Excel sums and sorts them), not text. Excel draws the thousands and
// decimal marks of the computer's locale: an Indonesian Windows shows "Rp1.250.000" and "85,20%".

export const RUPIAH_FORMAT = '"Rp"#,##0';
export const PERCENT_FORMAT = '0.00%';
const HEADERS = ['Pagu (Rp)', 'Realisasi (Rp)', 'Serapan', 'Jumlah baris'];

export function recapFileName(fiscalYear: number | null): string {
  return safeFileName(`Rekap Anggaran KLA ${fiscalYear ?? 'semua tahun'}`, 'xlsx');
}

export async function exportBudgetRecap(recap: BudgetRecap): Promise<ExportedFile> {
  const workbook = await newWorkbook();
  const sheets: [string, string, BudgetRecapRow[]][] = [
    ['Per klaster', 'Klaster', recap.byCluster],
    ['Per instansi', 'Instansi', recap.byAgency],
    ['Per sumber dana', 'Sumber dana', recap.bySource],
    ['Per tahun', 'Tahun anggaran', recap.byYear],
  ];
  for (const [name, keyHeader, rows] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.getCell('A1').value = `Rekap anggaran KLA — ${name.toLowerCase()} — ${recap.fiscalYear === null ? 'semua tahun' : `tahun ${recap.fiscalYear}`}`;
    sheet.getCell('A1').font = { bold: true, size: 13 };
    sheet.getRow(3).values = [keyHeader, ...HEADERS];
    styleHeader(sheet, 3);
    sheet.columns = [{ width: 48 }, { width: 22 }, { width: 22 }, { width: 11 }, { width: 13 }];
    for (const r of [...rows, recap.total]) {
      // Sen to rupiah: a whole-rupiah budget stays a whole number in the cell.
      const line = sheet.addRow([r.label, r.allocationSen / 100, r.realizationSen / 100, r.absorption, r.lines]);
      line.getCell(2).numFmt = RUPIAH_FORMAT;
      line.getCell(3).numFmt = RUPIAH_FORMAT;
      line.getCell(4).numFmt = PERCENT_FORMAT;
      line.getCell(5).numFmt = '#,##0';
      if (r === recap.total) line.font = { bold: true };
    }
  }
  return toExportedFile(workbook, recapFileName(recap.fiscalYear));
}
