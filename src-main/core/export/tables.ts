import {
  AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlign, WidthType, type IParagraphOptions, type ITableCellBorders,
} from 'docx';
import { cellParagraphs } from './text';
import type { TableBlock } from '../../../shared/document';

// Word tables: the document model's bordered tables (RTL, daftar hadir, anggaran) and borderless
// layout tables (label table, signatures, kop). Fixed widths: Word and LibreOffice then lay the
// table out the same way.

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_NONE: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

// lineRule: see AUTO in docx-render.ts (LibreOffice reads a bare w:line as a minimum).
const TIGHT: IParagraphOptions = { spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' } };
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
    paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' as const } },
  }));
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A cell left empty on purpose (no "-"): a total row's number, a line to write on. */
export function blankCell(): Paragraph[] {
  return [new Paragraph({ ...TIGHT, children: [] })];
}

/** A daftar hadir signature cell: odd numbers sign on the left half, even on the right. */
function signatureCell(n: number, cellWidth: number, style: string): Paragraph[] {
  const even = n % 2 === 0;
  return [
    new Paragraph({
      style,
      indent: even ? { left: Math.round(cellWidth / 2) - 80 } : undefined,
      children: [new TextRun(`${n}.`)],
    }),
  ];
}

/** A bordered table whose header row repeats on every page and whose rows never split. */
export function gridTable(block: TableBlock): Table {
  const { columns } = block;
  const widths = columns.map((c) => c.width);
  const width = widths.reduce((s, w) => s + w, 0);
  const style = tableStyleId(block.size);
  const bold = new Set(block.boldRows ?? []);
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
  const body = block.rows.map((row, r) =>
    new TableRow({
      cantSplit: true,
      height: block.rowHeight ? { value: block.rowHeight, rule: 'atLeast' } : undefined,
      children: row.map((value, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.DXA },
          verticalAlign: block.rowHeight ? VerticalAlign.CENTER : undefined,
          children: value === null
            ? blankCell()
            : typeof value === 'string'
              ? cellParagraphs(value, { style, alignment: columns[i].align ? ALIGN[columns[i].align] : undefined }, bold.has(r) ? { bold: true } : {})
              : signatureCell(value.sign, widths[i], style),
        }),
      ),
    }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    indent: block.indent ? { size: block.indent, type: WidthType.DXA } : undefined,
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
