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
 * When the minimums together are wider than the page (an e-mail address typed as an agency), no
 * column can hold its longest word; see `givingWay`.
 */
export function columnWidths(columns: readonly { weight: number; min?: number }[], width: number): number[] {
  const mins = columns.map((c) => c.min ?? 0);
  if (mins.reduce((s, m) => s + m, 0) > width) return fillLast(givingWay(mins, width), width);
  const fixed = new Map<number, number>();
  for (;;) {
    const free = columns.map((c, i) => ({ c, i })).filter(({ i }) => !fixed.has(i));
    const rest = width - [...fixed.values()].reduce((s, w) => s + w, 0);
    const total = free.reduce((s, { c }) => s + c.weight, 0);
    const short = free.filter(({ c }) => (c.min ?? 0) > (total > 0 ? (c.weight / total) * rest : 0));
    if (short.length === 0) {
      return fillLast(columns.map((c, i) => fixed.get(i) ?? (total > 0 ? Math.floor((c.weight / total) * rest) : 0)), width);
    }
    short.forEach(({ c, i }) => fixed.set(i, c.min ?? 0));
  }
}

/**
 * Minimums that do not fit: the widest give way to one common cap, so the long word breaks in
 * its own column and every other column (the signature space above all) keeps its minimum.
 */
function givingWay(mins: readonly number[], width: number): number[] {
  const ascending = [...mins].sort((a, b) => a - b);
  let left = width;
  let cap = 0;
  for (const [k, min] of ascending.entries()) {
    const sharing = ascending.length - k;
    if (min * sharing > left) {
      cap = Math.floor(left / sharing);
      break;
    }
    left -= min;
  }
  return mins.map((m) => Math.min(m, cap));
}

/** The rounding left over (a few twips) goes to the last column, so the table spans `width` exactly. */
function fillLast(widths: number[], width: number): number[] {
  widths[widths.length - 1] += width - widths.reduce((s, w) => s + w, 0);
  return widths;
}

/**
 * The columns with their widths in twips. No header word may break either ("Penanggun/g
 * jawab"): each column at least holds its header's longest word in bold.
 */
export function resolveColumns(columns: readonly Column[], width: Twips, size: number): TableColumn[] {
  const widths = columnWidths(withHeaderWords(columns, size), width);
  return columns.map((c, i) => ({ header: c.header, width: widths[i], ...(c.align ? { align: c.align } : {}) }));
}

/**
 * The columns with each minimum raised to the longest word its cells hold, so that a word breaks
 * only where the page cannot give it room (then `givingWay` caps the widest). Used by the RTL
 * matrices, whose typed text ("Pemberdayaan", an agency's name) would otherwise break in a column
 * sized by weight alone when a large Profil daerah font leaves little room.
 */
function holdingWords(columns: readonly Column[], rows: readonly TableCell[][], size: number): Column[] {
  return columns.map((c, i) => {
    const texts = rows.map((r) => r[i]).filter((cell): cell is string => typeof cell === 'string');
    return texts.length === 0 ? c : { ...c, min: Math.max(c.min ?? 0, unbreakableWidth(texts, size)) };
  });
}

function withHeaderWords(columns: readonly Column[], size: number): Column[] {
  return columns.map((c) => ({ ...c, min: Math.max(c.min ?? 0, unbreakableWidth([c.header], size, { bold: true })) }));
}

/** Half-points: the smallest table text the documents use (8 pt). */
const SMALLEST_TABLE_SIZE = 16;

/**
 * A table whose words all stay whole (`holdingWords`): at `size` when they fit in `width`, else
 * at the largest smaller size where they do, down to 8 pt, where the widest give way. A matrix of
 * eleven columns set in a large Profil daerah font cannot hold "Pemberdayaan" in each column;
 * smaller type reads better than words broken in every row, headers included.
 */
export function wordFittingTable(columns: readonly Column[], rows: TableCell[][], width: Twips, size: number): TableBlock {
  let at = size;
  const fits = (s: number) => withHeaderWords(holdingWords(columns, rows, s), s).reduce((sum, c) => sum + (c.min ?? 0), 0) <= width;
  while (at > SMALLEST_TABLE_SIZE && !fits(at)) at -= 1;
  return dataTable(holdingWords(columns, rows, at), rows, width, at);
}

/** The longest month names ("10 September 2025"): a column of dates never breaks one. */
const LONGEST_MONTHS = ['September', 'Desember'];

/** The minimum of a column that holds dates written out (target dates, meeting dates). */
export function dateColumnMin(size: number): number {
  return unbreakableWidth(LONGEST_MONTHS, size);
}

/** A bordered table of the document model filling `width`, its columns sized by resolveColumns. */
export function dataTable(columns: readonly Column[], rows: TableCell[][], width: Twips, size: number, extra: Partial<Omit<TableBlock, 'kind' | 'columns' | 'rows' | 'size'>> = {}): TableBlock {
  return { kind: 'table', columns: resolveColumns(columns, width, size), rows, size, ...extra };
}
