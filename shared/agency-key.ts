// The key two agency names (or abbreviations) are compared by: "DP3A", "dp3a", "D.P.3.A." and
// "DР3А" (with Cyrillic Р and А) are the same agency to a secretary, so they get the same key.
// Pure: used by the core's duplicate check and by the renderer's type-ahead pickers.

/** Letters from other scripts that look like Latin ones (Cyrillic, Greek), mapped to Latin. */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

export function agencyKey(text: string): string {
  return [...text.normalize('NFKD')]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .join('')
    .toLowerCase()
    // Accents, dots, spaces, hyphens and slashes do not make another agency.
    .replace(/[^a-z0-9]/g, '');
}

/**
 * How well a typed query names an agency in a type-ahead picker, best first: 0 the abbreviation
 * itself, 1 the start of the abbreviation, 2 every typed word begins a word of the name (or the
 * abbreviation) - "kes" finds Dinas Kesehatan, "dinas pend" Dinas Pendidikan; null: no match.
 */
export function agencyMatchRank(query: string, agency: { name: string; abbreviation: string }): number | null {
  const q = agencyKey(query);
  if (q === '') return 2;
  const abbreviation = agencyKey(agency.abbreviation);
  if (abbreviation !== '' && abbreviation === q) return 0;
  if (abbreviation !== '' && abbreviation.startsWith(q)) return 1;
  const words = [...agency.name.split(/[\s,/()-]+/), agency.abbreviation].map(agencyKey).filter(Boolean);
  const typed = query.split(/[\s,/()-]+/).map(agencyKey).filter(Boolean);
  return typed.every((t) => words.some((w) => w.startsWith(t))) ? 2 : null;
}

/** The agencies a query names, best match first, the list's own order within a rank. */
export function matchAgencies<A extends { name: string; abbreviation: string }>(query: string, agencies: readonly A[]): A[] {
  return agencies
    .map((agency, index) => ({ agency, index, rank: agencyMatchRank(query, agency) }))
    .filter((m): m is { agency: A; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.agency);
}
