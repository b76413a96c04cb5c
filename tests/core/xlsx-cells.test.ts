import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import {
  cellText,
  locateColumns,
  newWorkbook,
  readWorkbook,
  refuseIfProblems,
  requireSheet,
  styleHeader,
  toExportedFile,
} from '../../src-main/core/xlsx/workbook';

// The spreadsheet helpers every import shares (indicators, scores), on real .xlsx bytes written by
// exceljs and read back the way an uploaded file is: what a cell reads as whatever Excel made of
// it, which sheet and heading row are taken, and what a refused file tells the user.

const HEADERS = ['Kode klaster', 'Nama', 'Poin maks.'] as const;

/** A workbook saved to .xlsx bytes and opened again through the app's reader. */
async function throughFile(build: (workbook: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return readWorkbook(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'));
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const headerMissing = (column: string) =>
  `Baris judul kolom tidak ditemukan (kolom ${column}). Pakai berkas hasil ekspor Rakor KLA sebagai templat.`;

describe('cell text as exceljs reads a saved file', () => {
  it('reads rich text, formula results, hyperlinks, dates, numbers and padded text as the user sees them', async () => {
    const workbook = await throughFile((w) => {
      const sheet = w.addWorksheet('Data');
      sheet.getCell('A1').value = { richText: [{ text: ' Perda ' }, { font: { bold: true }, text: 'KLA ' }] };
      sheet.getCell('A2').value = { formula: '40+5.5', result: 45.5 };
      sheet.getCell('A3').value = { formula: '" Bappeda "', result: ' Bappeda ' };
      sheet.getCell('A4').value = { text: ' DP3A ', hyperlink: 'https://example.org/dp3a' };
      sheet.getCell('A5').value = new Date(Date.UTC(2025, 2, 10));
      sheet.getCell('A6').value = 87.5;
      sheet.getCell('A7').value = '  Dinas Kesehatan  ';
    });
    const sheet = workbook.getWorksheet('Data')!;
    expect(sheet.getCell('A1').value).toHaveProperty('richText');
    expect(sheet.getCell('A4').value).toHaveProperty('hyperlink');
    expect(sheet.getCell('A5').value).toBeInstanceOf(Date);
    const texts = [1, 2, 3, 4, 5, 6, 7, 8].map((r) => cellText(sheet.getCell(`A${r}`).value));
    expect(texts).toEqual(['Perda KLA', '45.5', 'Bappeda', 'DP3A', '2025-03-10', '87.5', 'Dinas Kesehatan', '']);
  });

  it('reads a formula saved without its computed value as blank, an error as Excel shows it and a partly bold hyperlink as its text, never as "[object Object]"', async () => {
    const workbook = await throughFile((w) => {
      const sheet = w.addWorksheet('Data');
      sheet.getCell('A1').value = { formula: 'B1*2' } as ExcelJS.CellFormulaValue;
      sheet.getCell('A2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      sheet.getCell('A3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      sheet.getCell('A4').value = { formula: 'C1', result: 12 };
      sheet.getCell('B5').value = { formula: 'B1+1', result: 3, shareType: 'shared', ref: 'B5:B6' } as ExcelJS.CellFormulaValue;
      sheet.getCell('B6').value = { sharedFormula: 'B5', result: 4 } as ExcelJS.CellSharedFormulaValue;
      sheet.getCell('A7').value = true;
      sheet.getCell('A8').value = {
        text: { richText: [{ text: ' Dinas ' }, { font: { bold: true }, text: 'Sosial ' }] },
        hyperlink: 'https://example.org/dinsos',
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    const sheet = workbook.getWorksheet('Data')!;
    expect(sheet.getCell('A1').value).not.toHaveProperty('result');
    expect(sheet.getCell('B6').value).toHaveProperty('sharedFormula');
    expect(sheet.getCell('A8').value).toHaveProperty('text.richText');
    const texts = ['A1', 'A2', 'A3', 'A4', 'B6', 'A7', 'A8'].map((a) => cellText(sheet.getCell(a).value));
    expect(texts).toEqual(['', '#N/A', '#DIV/0!', '12', '4', 'true', 'Dinas Sosial']);
  });

  it('reads a value exceljs leaves undefined as blank, as it does null', () => {
    expect([cellText(undefined), cellText(null)]).toEqual(['', '']);
  });
});

describe('opening an uploaded file', () => {
  it('refuses bytes that are not an .xlsx with one message under the file field', async () => {
    const error = await readWorkbook(Buffer.from('bukan berkas excel').toString('base64')).then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as AppError,
    );
    const message = 'Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan ulang sebagai .xlsx lalu ulangi.';
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.message, error.fields]).toEqual(['VALIDATION', message, [{ path: 'base64', message }]]);
  });

  it('writes files that name the app as their author and carry a bold, filled, bordered, wrapped and frozen heading', async () => {
    const workbook = await newWorkbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Judul panjang yang dibungkus', 'Kolom dua']);
    sheet.addRow(['isi', 'isi']);
    styleHeader(sheet, 1);
    const file = await toExportedFile(workbook, 'Contoh.xlsx');
    expect(file.fileName).toBe('Contoh.xlsx');
    const back = await readWorkbook(file.base64);
    expect(back.creator).toBe('Rakor KLA');
    const read = back.getWorksheet('Data')!;
    for (const address of ['A1', 'B1']) {
      const cell = read.getCell(address);
      expect(cell.font).toMatchObject({ bold: true });
      expect(cell.alignment).toEqual({ vertical: 'middle', wrapText: true });
      expect(cell.border).toEqual({ bottom: { style: 'thin' } });
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: expect.stringMatching(/^FF[0-9A-F]{6}$/) } });
    }
    expect(read.getCell('A2').font?.bold).not.toBe(true);
    expect(read.getCell('A2').border ?? {}).toEqual({});
    expect(read.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('refusing a file with every problem at once', () => {
  const problems = (count: number) => Array.from({ length: count }, (_, i) => `Baris ${i + 2}, kolom Nama: wajib diisi`);

  it('lets a file without problems through', () => {
    expect(refuseIfProblems([])).toBeUndefined();
  });

  it('lists up to 50 problems, each under the file field, and counts them in the message', () => {
    const error = refusal(() => refuseIfProblems(problems(50)));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Berkas tidak diimpor: 50 sel belum benar. Tidak ada data yang diubah. Baris 2, kolom Nama: wajib diisi');
    expect(error.fields).toEqual(problems(50).map((message) => ({ path: 'base64', message })));
  });

  it('says how many more there are past the 50th', () => {
    const error = refusal(() => refuseIfProblems(problems(53)));
    expect(error.message).toBe('Berkas tidak diimpor: 53 sel belum benar. Tidak ada data yang diubah. Baris 2, kolom Nama: wajib diisi');
    expect(error.fields).toEqual([
      ...problems(50).map((message) => ({ path: 'base64', message })),
      { path: 'base64', message: '… dan 3 masalah lain.' },
    ]);
  });
});

describe('finding the sheet', () => {
  const sheetMissing = 'Lembar "Nilai" tidak ditemukan di berkas. Pakai berkas hasil ekspor Rakor KLA sebagai templat.';

  it('takes the sheet by its name among others', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Catatan');
      w.addWorksheet('Nilai').getCell('A1').value = 'ini';
    });
    expect(requireSheet(workbook, 'Nilai').getCell('A1').value).toBe('ini');
    expect(requireSheet(workbook, 'Nilai', true).getCell('A1').value).toBe('ini');
  });

  it('takes a single renamed sheet only when the import allows it', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Sheet1').getCell('A1').value = 'satu-satunya';
    });
    expect(requireSheet(workbook, 'Nilai', true).getCell('A1').value).toBe('satu-satunya');
    const strict = refusal(() => requireSheet(workbook, 'Nilai'));
    expect([strict.code, strict.message, strict.fields]).toEqual(['VALIDATION', sheetMissing, [{ path: 'base64', message: sheetMissing }]]);
  });

  it('does not guess between two sheets of other names', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Sheet1');
      w.addWorksheet('Sheet2');
    });
    expect(refusal(() => requireSheet(workbook, 'Nilai', true)).message).toBe(sheetMissing);
  });
});

describe('finding the heading row and the columns', () => {
  it('finds headings below a title, in any order and case, with extra columns', async () => {
    const workbook = await throughFile((w) => {
      const sheet = w.addWorksheet('Data');
      sheet.addRow(['Daftar indikator KLA 2026']);
      sheet.addRow([]);
      sheet.addRow(['KODE KLASTER', 'Catatan', ' poin maks. ', 'Nama']);
    });
    const { headerRow, column } = locateColumns(workbook.getWorksheet('Data')!, HEADERS);
    expect(headerRow).toBe(3);
    expect([...column.entries()]).toEqual([['Kode klaster', 1], ['Poin maks.', 3], ['Nama', 4]]);
  });

  it('takes the first of two columns with the same heading', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Data').addRow(['Kode klaster', 'Nama', 'Poin maks.', 'Nama', 'Kode klaster']);
    });
    const { column } = locateColumns(workbook.getWorksheet('Data')!, HEADERS);
    expect([column.get('Kode klaster'), column.get('Nama'), column.get('Poin maks.')]).toEqual([1, 2, 3]);
  });

  it('names the missing column of a heading row', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Data').addRow(['Kode klaster', 'Nama', 'Poin']);
    });
    const error = refusal(() => locateColumns(workbook.getWorksheet('Data')!, HEADERS));
    expect([error.code, error.message, error.fields]).toEqual(['VALIDATION', headerMissing('Poin maks.'), [{ path: 'base64', message: headerMissing('Poin maks.') }]]);
  });

  it('looks for the heading row in the top 20 rows only', async () => {
    const atRow = async (row: number) =>
      (
        await throughFile((w) => {
          w.addWorksheet('Data').getRow(row).values = [...HEADERS];
        })
      ).getWorksheet('Data')!;
    expect(locateColumns(await atRow(20), HEADERS).headerRow).toBe(20);
    const low = await atRow(21);
    expect(low.rowCount).toBe(21);
    const error = refusal(() => locateColumns(low, HEADERS));
    expect([error.message, error.fields]).toEqual([headerMissing('Kode klaster'), [{ path: 'base64', message: headerMissing('Kode klaster') }]]);
  });

  it('does not take a row as the heading row unless its first cell is the first heading', async () => {
    const workbook = await throughFile((w) => {
      w.addWorksheet('Data').addRow(['Nama', 'Kode klaster', 'Poin maks.']);
    });
    expect(refusal(() => locateColumns(workbook.getWorksheet('Data')!, HEADERS)).message).toBe(headerMissing('Kode klaster'));
  });
});
