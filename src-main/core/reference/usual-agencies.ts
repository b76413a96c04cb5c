import type { Db } from '../db/database';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { exactAgency, type MatchableAgency } from '../../../shared/agency-match';

// The agencies that usually lead an indicator ("OPD yang biasa mengampu"): links in
// indicator_agency, in order, so a renamed agency is renamed here too. Names written as text
// (a workbook, or from before the links) are linked when they surely name one agency; the rest
// stays as text for the user to fix.

/** Every indicator's linked agencies, in order, for the indicators of the given ids (all when omitted). */
export function usualAgencyIdsOf(db: Db, indicatorIds: number[]): Map<number, number[]> {
  const rows = db
    .prepare(`SELECT indicator_id AS indicatorId, agency_id AS agencyId FROM indicator_agency WHERE indicator_id IN (SELECT value FROM json_each(?)) ORDER BY indicator_id, position`)
    .all(JSON.stringify(indicatorIds)) as { indicatorId: number; agencyId: number }[];
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.indicatorId, [...(map.get(r.indicatorId) ?? []), r.agencyId]);
  return map;
}

export function setUsualAgencyIds(db: Db, indicatorId: number, agencyIds: number[]): void {
  const unique = [...new Set(agencyIds)];
  const known = db.prepare(`SELECT count(*) AS n FROM agency WHERE id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(unique)) as { n: number };
  if (known.n !== unique.length) throw new AppError('VALIDATION', t('field.agencyUnknown'), [{ path: 'agencyIds', message: t('field.agencyUnknown') }]);
  db.prepare(`DELETE FROM indicator_agency WHERE indicator_id = ?`).run(indicatorId);
  const insert = db.prepare(`INSERT INTO indicator_agency (indicator_id, agency_id, position) VALUES (?, ?, ?)`);
  unique.forEach((agencyId, i) => insert.run(indicatorId, agencyId, i + 1));
}

const trimmedParts = (text: string, separator: RegExp): string[] => text.split(separator).map((s) => s.trim()).filter(Boolean);

/**
 * "DP3A (Forum Anak), PUPR/Perkim; Kemenag dan PA" -> the names in it. A part between
 * punctuation that is one agency's whole name stays whole: many names hold "dan" ("Dinas
 * Pemberdayaan Perempuan dan Perlindungan Anak", a mitra without abbreviation exported by name).
 */
function writtenNames(text: string, agencies: readonly MatchableAgency[]): string[] {
  return trimmedParts(text, /[,;/()]/).flatMap((part) => (exactAgency(part, agencies) ? [part] : trimmedParts(part, /\s+dan\s+|\s+&\s+/i)));
}

/**
 * Links the names of a text that surely name one agency (after the links already there) and
 * answers the names that matched nothing, joined again, to keep as text.
 */
export function linkWrittenNames(db: Db, indicatorId: number, text: string): string {
  const agencies = db.prepare(`SELECT id, name, abbreviation FROM agency ORDER BY active DESC, id`).all() as { id: number; name: string; abbreviation: string }[];
  const linked = usualAgencyIdsOf(db, [indicatorId]).get(indicatorId) ?? [];
  const unmatched: string[] = [];
  for (const name of writtenNames(text, agencies)) {
    const found = exactAgency(name, agencies);
    if (found) linked.push(found.id);
    else unmatched.push(name);
  }
  setUsualAgencyIds(db, indicatorId, linked);
  return unmatched.join(', ');
}

/** The linked agencies as one line (abbreviation, else name), then the unmatched text: for a workbook. */
export function usualAgenciesText(db: Db, indicatorId: number, unmatched: string): string {
  const labels = db
    .prepare(`SELECT coalesce(nullif(a.abbreviation, ''), a.name) AS label FROM indicator_agency x JOIN agency a ON a.id = x.agency_id WHERE x.indicator_id = ? ORDER BY x.position`)
    .all(indicatorId) as { label: string }[];
  return [...labels.map((l) => l.label), ...(unmatched.trim() ? [unmatched.trim()] : [])].join(', ');
}
