import type { Agency } from '../../shared/types';

/** How an agency reads in a picker: "Dinkes — Dinas Kesehatan". */
export function agencyLabel(a: Agency): string {
  return a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name;
}

export function agencyShort(a: Agency | undefined): string {
  return a ? a.abbreviation || a.name : '';
}

/** A typed instansi matched to the master list (label, abbreviation or full name), else kept as text. */
export function resolveAgency(text: string, agencies: Agency[]): { agencyId: number | null; agencyText: string } {
  const key = text.trim().toLowerCase();
  if (key === '') return { agencyId: null, agencyText: '' };
  const found = agencies.find((a) => agencyLabel(a).toLowerCase() === key || a.abbreviation.toLowerCase() === key || a.name.toLowerCase() === key);
  return found ? { agencyId: found.id, agencyText: '' } : { agencyId: null, agencyText: text.trim() };
}
