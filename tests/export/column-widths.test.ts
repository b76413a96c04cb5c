import { describe, expect, it } from 'vitest';
import { columnWidths, resolveColumns, wordFittingTable, type Column } from '../../src-main/core/export/columns';
import { rtlMatrix } from '../../src-main/core/export/lampiran-rtl';
import { unbreakableWidth } from '../../src-main/core/export/text-width';
import { textWidth } from '../../shared/document';

// How a Lampiran table shares the text width (in twips) among its columns: by weight, except
// that a column is never narrower than its longest unbreakable word. The table always spans
// the text width exactly, so its right border lines up with the page's text.

describe('column widths of a Lampiran table', () => {
  it('shares the width by weight, the rounding left over going to the last column', () => {
    expect(columnWidths([{ weight: 1 }, { weight: 3 }], 1000)).toEqual([250, 750]);
    expect(columnWidths([{ weight: 1 }, { weight: 1 }, { weight: 1 }], 1000)).toEqual([333, 333, 334]);
  });

  it('gives a column below its minimum the minimum and the others share the rest by weight', () => {
    expect(columnWidths([{ weight: 1, min: 400 }, { weight: 1 }, { weight: 2 }], 1000)).toEqual([400, 200, 400]);
    // A column with no weight (the "No" column) is exactly as wide as its minimum.
    expect(columnWidths([{ weight: 0, min: 300 }, { weight: 1 }], 1000)).toEqual([300, 700]);
    // Fixing one minimum can push another column under its own: that one is fixed in the next round.
    expect(columnWidths([{ weight: 1, min: 500 }, { weight: 1, min: 260 }, { weight: 2 }], 1000)).toEqual([500, 260, 240]);
  });

  it('leaves a column whose minimum is below its share at its share, not at its minimum', () => {
    expect(columnWidths([{ weight: 1, min: 100 }, { weight: 1 }], 1000)).toEqual([500, 500]);
    expect(columnWidths([{ weight: 1, min: 100 }, { weight: 2, min: 300 }, { weight: 1 }], 1000)).toEqual([250, 500, 250]);
  });

  it('gives nothing to a column without weight or minimum, never a width that is not a number', () => {
    expect(columnWidths([{ weight: 0 }, { weight: 0, min: 300 }, { weight: 0 }], 1000)).toEqual([0, 300, 700]);
    expect(columnWidths([{ weight: 1, min: 700 }, { weight: 0 }, { weight: 1, min: 200 }], 1000)).toEqual([700, 0, 300]);
  });

  it('when the minimums do not all fit, caps the widest to one width and keeps the others whole', () => {
    // An e-mail address typed as an agency: its column and the next widest give way equally.
    expect(columnWidths([{ weight: 0, min: 500 }, { weight: 22, min: 2000 }, { weight: 22, min: 6500 }, { weight: 16, min: 1100 }], 4000)).toEqual([500, 1200, 1200, 1100]);
    expect(columnWidths([{ weight: 1, min: 600 }, { weight: 1, min: 600 }], 1000)).toEqual([500, 500]);
    // The rounding of the cap goes to the last column: the table still spans the width exactly.
    expect(columnWidths([{ weight: 1, min: 900 }, { weight: 1, min: 900 }, { weight: 1, min: 100 }], 1000)).toEqual([450, 450, 100]);
    expect(columnWidths([{ weight: 1, min: 100 }, { weight: 1, min: 900 }, { weight: 1, min: 900 }], 1001)).toEqual([100, 450, 451]);
  });
});

describe('columns of a Word table', () => {
  const SIZE = 18; // 9 pt, the landscape lampiran's table text

  it('makes every column hold its header\'s longest word in bold, however small its weight', () => {
    const columns = resolveColumns([{ header: 'Penanggung jawab', weight: 1 }, { header: 'Uraian', weight: 60 }], 10_000, SIZE);
    const bold = unbreakableWidth(['Penanggung'], SIZE, { bold: true });
    // Bold is wider than regular: a header sized in regular type would break in its bold cell.
    expect(bold).toBeGreaterThan(unbreakableWidth(['Penanggung'], SIZE));
    expect(columns.map((c) => c.width)).toEqual([bold, 10_000 - bold]);
  });

  it('keeps a column\'s own minimum where it is wider than its header', () => {
    const columns = resolveColumns([{ header: 'No', weight: 1, min: 2000 }, { header: 'Uraian', weight: 60 }], 10_000, SIZE);
    expect(columns.map((c) => c.width)).toEqual([2000, 8000]);
  });
});

describe('typed words in the notulen\'s RTL matrix (Lampiran II)', () => {
  it('stay whole on A4 at the 11 and 13 pt table sizes of a 14 and 16 pt profile, the table set smaller where they need it', () => {
    const action = {
      clusterCode: 'III', indicatorNumber: 11, indicatorName: 'Persentase perkawinan anak', problem: 'Perkawinan anak di kecamatan pedalaman',
      description: 'Pelatihan pemberdayaan keluarga', leadAgency: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      relatedAgencies: ['Kementerian Agama'], targetDate: '2025-09-30', fundingSource: 'APBD Perubahan', status: 'proses' as const, notes: 'Koordinasi lintas sektor',
    };
    for (const size of [22, 26]) {
      const block = rtlMatrix([action], textWidth('A4', 'landscape'), size);
      // Ten columns hold these words at 11 pt; at 13 pt they do not.
      if (size === 22) expect(block.size).toBe(22);
      else expect(block.size).toBeLessThan(26);
      block.columns.forEach((c, i) => {
        const cell = block.rows[0][i];
        expect(c.width, `${size / 2} pt ${c.header}`).toBeGreaterThanOrEqual(unbreakableWidth([typeof cell === 'string' ? cell : ''], block.size));
      });
    }
  });
});

describe('a table whose typed words all stay whole', () => {
  const columns: Column[] = [{ header: 'No', weight: 1 }, { header: 'Uraian', weight: 6 }, { header: 'Penanggung jawab', weight: 2 }];
  const rows = [['1', 'Pelatihan pemberdayaan keluarga', 'Dinas Pemberdayaan Perempuan']];
  const wordsFit = (block: ReturnType<typeof wordFittingTable>) =>
    block.columns.every((c, i) => c.width >= Math.max(unbreakableWidth([c.header], block.size, { bold: true }), unbreakableWidth(rows.map((r) => r[i]), block.size)));

  it('keeps the size asked for when every word fits, each column at least its longest word', () => {
    const block = wordFittingTable(columns, rows, 6000, 22);
    expect(block.size).toBe(22);
    expect(wordsFit(block)).toBe(true);
    // Weight and header alone would give the third column less than "Pemberdayaan" needs.
    const sized = resolveColumns(columns, 6000, 22);
    expect(sized[2].width).toBeLessThan(unbreakableWidth(['Pemberdayaan'], 22));
    expect(block.columns[2].width).toBeGreaterThanOrEqual(unbreakableWidth(['Pemberdayaan'], 22));
  });

  it('sets the table in smaller type, step by step, where the words do not fit at the size asked for', () => {
    const need = (size: number) => columns.reduce((sum, c, i) => sum + Math.max(
      unbreakableWidth([c.header], size, { bold: true }), unbreakableWidth(rows.map((r) => r[i]), size)), 0);
    // A width that holds every word at 10 pt but not at 10.5 pt.
    const width = need(20);
    expect(need(21)).toBeGreaterThan(width);
    const block = wordFittingTable(columns, rows, width, 24);
    expect(block.size).toBe(20);
    expect(wordsFit(block)).toBe(true);
    expect(block.columns.reduce((s, c) => s + c.width, 0)).toBe(width);
  });

  it('goes no smaller than 8 pt: there the widest columns give way and the table still spans the width', () => {
    const block = wordFittingTable(columns, rows, 1500, 22);
    expect(block.size).toBe(16);
    expect(block.columns.reduce((s, c) => s + c.width, 0)).toBe(1500);
  });
});
