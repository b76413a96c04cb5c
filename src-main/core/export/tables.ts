import {
  AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlign, WidthType, type IParagraphOptions, type ITableCellBorders,
} from 'docx';
import { cellParagraphs } from './text';
import { unbreakableWidth } from './text-width';

// Bordered data tables (RTL, daftar hadir, anggaran) and borderless layout tables (label table,
// signatures). Fixed widths: Word and LibreOffice then lay the table out the same way.

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_NONE: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const TIGHT: IParagraphOptions = { spacing: { before: 0, after: 0, line: 240 } };
const CELL_MARGIN = { top: 30, bottom: 30, left: 60, right: 60 };

/**
 * Table text is set through a paragraph style per size rather than properties on every run
 * and paragraph: a 200-row RTL matrix then writes (and Word reads) far less XML.
 */
export function tableStyleId(size: number): string {
  return `TabelRakor${size}`;
}

export function tableParagraphStyles(sizes: readonly number[]) {
  return [...new Set(sizes)].map((size) => ({
    id: tableStyleId(size),
    name: `Tabel Rakor ${size / 2} pt`,
    basedOn: 'Normal',
    quickFormat: false,
    run: { size },
    paragraph: { spacing: { before: 0, after: 0, line: 240 } },
  }));
}

export type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export interface Column {
  header: string;
  /** Relative width; the table fills the text width. */
  weight: number;
  /** Twips the column never goes below (its longest word must not break). */
  min?: number;
  align?: Align;
}

export interface GridOptions {
  width: number;
  /** Font size of the table in half-points (dense tables run smaller than the body). */
  size: number;
  /** Rows with bold text, e.g. a total row. */
  boldRows?: ReadonlySet<number>;
  /** Height of each body row in twips (blank daftar hadir rows leave room to sign). */
  rowHeight?: number;
  /** Left indent in twips, to line the table up with the text of its section. */
  indent?: number;
  /** Widths already worked out by the caller (else from the columns' weights and minimums). */
  columnWidths?: number[];
}

export type CellValue = string | Paragraph[];

/** A cell left empty on purpose (no "-"): a total row's number, a line to write on. */
export function blankCell(): Paragraph[] {
  return [new Paragraph({ ...TIGHT, children: [] })];
}

/**
 * Widths filling `width` in proportion to the weights, except that a column whose share is below
 * its `min` gets its `min` and the others share what is left (repeated until every minimum holds).
 */
export function columnWidths(columns: readonly { weight: number; min?: number }[], width: number): number[] {
  const fixed = new Map<number, number>();
  for (;;) {
    const free = columns.map((c, i) => ({ c, i })).filter(({ i }) => !fixed.has(i));
    const rest = width - [...fixed.values()].reduce((s, w) => s + w, 0);
    const total = free.reduce((s, { c }) => s + c.weight, 0);
    const short = free.filter(({ c }) => (c.min ?? 0) > (total > 0 ? (c.weight / total) * rest : 0));
    if (short.length === 0 || free.length === short.length) {
      if (short.length > 0) short.forEach(({ c, i }) => fixed.set(i, c.min ?? 0));
      const widths = columns.map((c, i) => fixed.get(i) ?? Math.floor((c.weight / total) * rest));
      widths[widths.length - 1] += width - widths.reduce((s, w) => s + w, 0);
      return widths;
    }
    short.forEach(({ c, i }) => fixed.set(i, c.min ?? 0));
  }
}

/** A bordered table whose header row repeats on every page and whose rows never split. */
export function gridTable(columns: readonly Column[], rows: readonly CellValue[][], options: GridOptions): Table {
  // No header word may break either ("Penanggun/g jawab"): each column at least holds its longest.
  const widths = options.columnWidths
    ?? columnWidths(columns.map((c) => ({ ...c, min: Math.max(c.min ?? 0, unbreakableWidth([c.header], options.size, { bold: true })) })), options.width);
  const style = tableStyleId(options.size);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) =>
      new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' },
        children: [new Paragraph({ style, alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.header, bold: true })] })],
      }),
    ),
  });
  const body = rows.map((row, r) =>
    new TableRow({
      cantSplit: true,
      height: options.rowHeight ? { value: options.rowHeight, rule: 'atLeast' } : undefined,
      children: row.map((value, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.DXA },
          verticalAlign: options.rowHeight ? VerticalAlign.CENTER : undefined,
          children: typeof value === 'string'
            ? cellParagraphs(value, { style, alignment: columns[i].align ? ALIGN[columns[i].align] : undefined }, options.boldRows?.has(r) ? { bold: true } : {})
            : value,
        }),
      ),
    }),
  );
  return new Table({
    width: { size: options.width, type: WidthType.DXA },
    columnWidths: widths,
    indent: options.indent ? { size: options.indent, type: WidthType.DXA } : undefined,
    margins: CELL_MARGIN,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: [header, ...body],
  });
}

/** A borderless table for layout (label table, signature blocks, letterhead). */
export function layoutTable(widths: number[], rows: Paragraph[][][], options: { cantSplit?: boolean; keepNext?: boolean } = {}): Table {
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((cells, r) =>
      new TableRow({
        cantSplit: options.cantSplit ?? true,
        keepNext: options.keepNext && r < rows.length - 1 ? true : undefined,
        children: cells.map((children, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            borders: CELL_NONE,
            margins: { top: 0, bottom: 0, left: 60, right: 60 },
            children: children.length > 0 ? children : [new Paragraph('')],
          }),
        ),
      }),
    ),
  });
}

export { TIGHT };
