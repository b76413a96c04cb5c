import type { TableBlock, TableCell, TableColumn, Twips } from '../../../shared/document';
import { unbreakableWidth } from './text-width';

// Column widths of the document's bordered tables, worked out once in the document model so the
// Word file and the preview lay a table out the same way.

export type Align = 'left' | 'center' | 'right';

export interface Column {
  header: string;
  /** Relative width; the table fills the text width. */
  weight: number;
  /** Twips the column never goes below (its longest word must not break). */
  min?: number;
  align?: Align;
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

/**
 * The columns with their widths in twips. No header word may break either ("Penanggun/g
 * jawab"): each column at least holds its header's longest word in bold.
 */
export function resolveColumns(columns: readonly Column[], width: Twips, size: number): TableColumn[] {
  const widths = columnWidths(columns.map((c) => ({ ...c, min: Math.max(c.min ?? 0, unbreakableWidth([c.header], size, { bold: true })) })), width);
  return columns.map((c, i) => ({ header: c.header, width: widths[i], ...(c.align ? { align: c.align } : {}) }));
}

/** A bordered table of the document model filling `width`, its columns sized by resolveColumns. */
export function dataTable(columns: readonly Column[], rows: TableCell[][], width: Twips, size: number, extra: Partial<Omit<TableBlock, 'kind' | 'columns' | 'rows' | 'size'>> = {}): TableBlock {
  return { kind: 'table', columns: resolveColumns(columns, width, size), rows, size, ...extra };
}
