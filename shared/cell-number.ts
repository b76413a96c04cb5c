// Reading a number a user typed into a spreadsheet cell: a real number, or text with a decimal
// comma or point ("87,5", "87.5"), or a blank. Pure, so the import rule is tested on its own.

import { t } from './messages';

export type CellNumber = { ok: true; value: number | null } | { ok: false; reason: string };

/** A formula cell from exceljs carries its last computed value as `result`. */
function unwrap(raw: unknown): unknown {
  if (raw !== null && typeof raw === 'object' && 'result' in raw) return (raw as { result: unknown }).result;
  if (raw !== null && typeof raw === 'object' && 'richText' in raw) {
    return (raw as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return raw;
}

export function readCellNumber(raw: unknown): CellNumber {
  const value = unwrap(raw);
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'bukan angka' };
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || text === '-' || text === '—') return { ok: true, value: null };
    // One decimal separator, comma or point; no thousands grouping (scores stay under 1000).
    const m = /^(-?\d+)(?:[.,](\d+))?$/.exec(text);
    if (!m) return { ok: false, reason: `"${text}" bukan angka` };
    return { ok: true, value: Number(`${m[1]}.${m[2] ?? '0'}`) };
  }
  return { ok: false, reason: 'bukan angka' };
}

/** Checks a read number against 0..max; returns the user's message or null. */
export function rangeProblem(value: number, max: number | null): string | null {
  if (value < 0) return `nilai ${formatPlain(value)} tidak boleh negatif`;
  if (max !== null && value > max) return `nilai ${formatPlain(value)} melebihi poin maksimum ${formatPlain(max)}`;
  if (max === null && value > 1000) return `nilai ${formatPlain(value)} melebihi 1000`;
  return null;
}

/** 87.5 -> "87,5": numbers in messages read as Indonesians write them. */
export function formatPlain(n: number): string {
  return String(n).replace('.', ',');
}

/** "Baris 7, kolom VA: nilai 120 melebihi poin maksimum 100". */
export function cellMessage(row: number, column: string, problem: string): string {
  return t('xlsx.cell', { row, column, problem });
}
