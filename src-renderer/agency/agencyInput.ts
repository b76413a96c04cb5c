import type { Agency } from '../../shared/types';
import { exactAgency } from '../../shared/agency-match';

/** How an agency reads in a picker: "Dinkes — Dinas Kesehatan". */
export function agencyLabel(a: Agency): string {
  return a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name;
}

export function agencyShort(a: Agency | undefined): string {
  return a ? a.abbreviation || a.name : '';
}

/**
 * A typed instansi matched to the master list: the picker's label, or an abbreviation or name
 * that is the same once case, dots, spaces and look-alike letters are set aside ("dinkes",
 * "D.P.3.A."); else kept as text (the caller decides whether to ask first).
 */
export function resolveAgency(text: string, agencies: Agency[]): { agencyId: number | null; agencyText: string } {
  const typed = text.trim();
  if (typed === '') return { agencyId: null, agencyText: '' };
  const found = agencies.find((a) => agencyLabel(a).toLowerCase() === typed.toLowerCase()) ?? exactAgency(typed, agencies);
  return found ? { agencyId: found.id, agencyText: '' } : { agencyId: null, agencyText: typed };
}
