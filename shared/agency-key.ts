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
