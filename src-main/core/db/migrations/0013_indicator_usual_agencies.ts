import type Database from 'better-sqlite3';
import type { Migration } from './types';

// The connection type from the driver, not from ../database (which imports every migration).
type Db = Database.Database;

// Issue 15: an indicator's "OPD yang biasa mengampu" becomes links to agencies (which follow
// renames and feed the invite-by-cluster suggestion), instead of free text that never matched
// "Bag. Hukum" or "BNNK". The text of every indicator is split into names; each name that
// surely means one agency becomes a link, in the order written; what matches nothing stays in
// `usual_agencies` for the user to fix on the Indikator KLA screen (nothing is lost).
// Self-contained: a frozen copy of the agency-key rules of shared/agency-key.ts as of this
// migration (a later change there must not change what this migration did).

const LOOK_ALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const key = (text: string) =>
  [...text.normalize('NFKD')].map((c) => LOOK_ALIKES[c] ?? c).join('').toLowerCase().replace(/[^a-z0-9]/g, '')
    // "P3" is how "PPP" is abbreviated: DP3A = DPPPA.
    .replace(/([a-z])([2-9])(?![0-9])/g, (_, letter: string, n: string) => letter.repeat(Number(n)));

interface AgencyRow { id: number; name: string; abbreviation: string }

/** The one agency a written name means: same key as its abbreviation or name, else the only one it begins or is part of; else null. */
function matchOne(piece: string, agencies: AgencyRow[]): number | null {
  const k = key(piece);
  if (k.length < 2) return null;
  const exact = agencies.filter((a) => key(a.abbreviation) === k || key(a.name) === k);
  if (exact.length > 0) return exact[0].id;
  // "Bagian Hukum" = "Bagian Hukum Sekretariat Daerah", "BNN" = "BNNK", "Perpustakaan" = "Dinas Perpustakaan ...":
  // accepted only when exactly one agency fits, so nothing is guessed between two.
  const partial = agencies.filter((a) => (k.length >= 3 && key(a.abbreviation).startsWith(k)) || (k.length >= 6 && key(a.name).includes(k)));
  return partial.length === 1 ? partial[0].id : null;
}

/** "DP3A (Forum Anak), PUPR/Perkim; Kemenag dan Pengadilan Agama" -> the names in it. */
function pieces(text: string): string[] {
  return text.split(/[,;/()]|\s+dan\s+|\s+&\s+/i).map((s) => s.trim()).filter(Boolean);
}

export const migration0013: Migration = {
  version: 13,
  name: 'usual agencies of an indicator as links to agencies',
  up(db: Db) {
    db.exec(`
      -- Links go with the indicator; agency.delete removes an agency's links itself (NO ACTION
      -- towards agency, so a later rebuild of agency cannot cascade into them).
      CREATE TABLE indicator_agency (
        indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        agency_id    INTEGER NOT NULL REFERENCES agency(id),
        position     INTEGER NOT NULL,
        PRIMARY KEY (indicator_id, agency_id)
      ) STRICT;
      CREATE INDEX indicator_agency_agency ON indicator_agency(agency_id);
    `);
    const agencies = db.prepare(`SELECT id, name, abbreviation FROM agency ORDER BY active DESC, id`).all() as AgencyRow[];
    const indicators = db.prepare(`SELECT id, usual_agencies AS text FROM indicator WHERE usual_agencies <> ''`).all() as { id: number; text: string }[];
    const link = db.prepare(`INSERT OR IGNORE INTO indicator_agency (indicator_id, agency_id, position) VALUES (?, ?, ?)`);
    const keep = db.prepare(`UPDATE indicator SET usual_agencies = ? WHERE id = ?`);
    for (const indicator of indicators) {
      const unmatched: string[] = [];
      let position = 0;
      for (const piece of pieces(indicator.text)) {
        const agencyId = matchOne(piece, agencies);
        if (agencyId === null) unmatched.push(piece);
        else if (link.run(indicator.id, agencyId, position + 1).changes > 0) position++;
      }
      keep.run(unmatched.join(', '), indicator.id);
    }
  },
};
