import { agencyKey } from './agency-key';

// Matching what a secretary typed as an instansi ("dp3a", "Dinas Kesehatan Kota Balikpapan",
// "Dinkes") to the master list: the one agency it surely means, or the closest few to offer.
// Pure: the daftar hadir uses it in the renderer, migrations keep their own frozen copy.

export interface MatchableAgency {
  id: number;
  name: string;
  abbreviation: string;
}

/** "P3" is how "PPP" is abbreviated (DP3A = DPPPA, P2TP2A): letters before a digit are repeated. */
export function expandRepeats(key: string): string {
  return key.replace(/([a-z])([2-9])(?![0-9])/g, (_, letter: string, n: string) => letter.repeat(Number(n)));
}

/** Words that say where or what kind of office, not which one. */
const FILLER = new Set(['dinas', 'badan', 'kantor', 'bagian', 'dan', 'kabupaten', 'kab', 'kota', 'provinsi', 'daerah', 'unit', 'pelaksana', 'teknis', 'sekretariat', 'setda']);

function words(text: string): string[] {
  return text
    .split(/[\s,./()-]+/)
    .map(agencyKey)
    .filter((w) => w.length >= 3 && !FILLER.has(w));
}

/** Edit distance with a small cap (short keys only): "dinkse" is one swap from "dinkes". */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The agency the text surely names: same key as its abbreviation or name (or "P3" spelled out), else null. */
export function exactAgency<A extends MatchableAgency>(text: string, agencies: readonly A[]): A | null {
  const key = agencyKey(text);
  if (key === '') return null;
  const expanded = expandRepeats(key);
  return agencies.find((a) => {
    const abbreviation = agencyKey(a.abbreviation);
    const name = agencyKey(a.name);
    return name === key || (abbreviation !== '' && (abbreviation === key || expandRepeats(abbreviation) === expanded));
  }) ?? null;
}

/** How close an agency is to the typed text, 0 (unrelated) to 100. */
function closeness(text: string, a: MatchableAgency): number {
  const key = expandRepeats(agencyKey(text));
  const abbreviation = expandRepeats(agencyKey(a.abbreviation));
  const name = agencyKey(a.name);
  if (key === '') return 0;
  let score = 0;
  // "Dinas Kesehatan Kota Balikpapan" holds "Dinas Kesehatan"; "kesehatan" is part of it.
  if (name.length >= 6 && key.includes(name)) score = Math.max(score, 90);
  if (key.length >= 4 && name.includes(key)) score = Math.max(score, 70);
  if (abbreviation.length >= 3) {
    const d = distance(key, abbreviation);
    if (key.length <= 10 && d <= 2) score = Math.max(score, 75 - d * 15);
    if (abbreviation.length >= 4 && key.startsWith(abbreviation)) score = Math.max(score, 65);
  }
  const typed = new Set(words(text));
  const own = words(a.name);
  if (typed.size > 0 && own.length > 0) {
    const shared = own.filter((w) => typed.has(w)).length;
    score = Math.max(score, Math.round((60 * shared) / Math.max(own.length, typed.size)));
  }
  return score;
}

/** Up to `limit` agencies closest to the text, best first (ties by name); none below a useful score. */
export function closestAgencies<A extends MatchableAgency>(text: string, agencies: readonly A[], limit = 3): A[] {
  return agencies
    .map((a) => ({ a, score: closeness(text, a) }))
    .filter((s) => s.score >= 30)
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name, 'id'))
    .slice(0, limit)
    .map((s) => s.a);
}
