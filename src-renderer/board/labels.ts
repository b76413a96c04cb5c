import type { ActionCounts, BudgetSums } from '../../shared/board';
import { formatPercent, formatRupiah } from '../../shared/format';
import { clusterLabel } from '../../shared/kla';

// Words the board and the agency recap both print.

export function actionSummary(c: ActionCounts): string {
  if (c.total === 0) return 'Belum ada';
  return `${c.open} terbuka · ${c.done} selesai`;
}

export function absorption(b: BudgetSums): string {
  return b.absorption === null ? '–' : formatPercent(b.absorption);
}

export function money(sen: number): string {
  return formatRupiah(sen);
}

/** Hash path of the board, optionally with one indicator's history open. */
export function boardPath(year: number, indicatorId?: number): string {
  return indicatorId === undefined ? `/papan/${year}` : `/papan/${year}/${indicatorId}`;
}

/** "Klaster III — Kesehatan Dasar dan Kesejahteraan"; "Kelembagaan" alone (its code's label is its name). */
export function clusterTitle(code: string, name: string): string {
  const label = clusterLabel(code);
  return label === name ? name : `${label} — ${name}`;
}
