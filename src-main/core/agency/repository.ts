import type { Db } from '../db/database';
import type { Agency } from '../../../shared/types';
import type { OpParsed } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from '../db/clock';
import { likePattern } from '../db/rows';
import { agencyKey } from '../../../shared/agency-key';
import { patchRow } from '../db/patch';

const SELECT = `SELECT id, kind, partner_type AS partnerType, name, abbreviation, active,
  created_at AS createdAt, updated_at AS updatedAt, revision FROM agency`;

type AgencyRow = Omit<Agency, 'active'> & { active: number };
const toAgency = (r: AgencyRow): Agency => ({ ...r, active: r.active === 1 });

export function listAgencies(db: Db, filter: OpParsed<'agency.list'>): Agency[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.search) {
    where.push(`(name LIKE ? ESCAPE '\\' OR abbreviation LIKE ? ESCAPE '\\')`);
    params.push(likePattern(filter.search), likePattern(filter.search));
  }
  if (filter.kind) {
    where.push(`kind = ?`);
    params.push(filter.kind);
  }
  if (!filter.includeInactive) where.push(`active = 1`);
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY CASE kind WHEN 'opd' THEN 0 WHEN 'vertikal' THEN 1 ELSE 2 END, name COLLATE NOCASE`;
  return (db.prepare(sql).all(...params) as AgencyRow[]).map(toAgency);
}

export function getAgency(db: Db, id: number): Agency {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AgencyRow | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toAgency(row);
}

/**
 * Refuses an agency whose name or abbreviation is another's once case, spacing, dots, accents
 * and look-alike letters are set aside (see agencyKey). Compared in code, not SQL: the list is
 * a few hundred rows and SQLite cannot fold Cyrillic look-alikes.
 */
function assertAgencyUnique(db: Db, agency: { name: string; abbreviation: string }, exceptId: number | null) {
  const others = (db.prepare(`SELECT id, name, abbreviation FROM agency WHERE id IS NOT ?`).all(exceptId) as { id: number; name: string; abbreviation: string }[])
    .map((a) => ({ ...a, nameKey: agencyKey(a.name), abbreviationKey: agencyKey(a.abbreviation) }));
  const nameKey = agencyKey(agency.name);
  const sameName = others.find((a) => a.nameKey === nameKey);
  if (sameName) {
    const message = t('error.agencyNameDuplicate', { name: sameName.name });
    throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
  }
  const abbreviationKey = agencyKey(agency.abbreviation);
  const sameAbbreviation = abbreviationKey === '' ? undefined : others.find((a) => a.abbreviationKey === abbreviationKey);
  if (sameAbbreviation) {
    const message = t('error.agencyDuplicate', { name: sameAbbreviation.name, abbreviation: sameAbbreviation.abbreviation });
    throw new AppError('CONFLICT', message, [{ path: 'abbreviation', message }]);
  }
}

export function createAgency(db: Db, input: OpParsed<'agency.create'>): Agency {
  assertAgencyUnique(db, input, null);
  const now = nowIso();
  const id = db
    .prepare(`INSERT INTO agency (kind, partner_type, name, abbreviation, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(input.kind, input.kind === 'mitra' ? input.partnerType : '', input.name, input.abbreviation, input.active ? 1 : 0, now, now)
    .lastInsertRowid;
  return getAgency(db, Number(id));
}

const AGENCY_COLUMN = { kind: 'kind', partnerType: 'partner_type', name: 'name', abbreviation: 'abbreviation', active: 'active' } as const;

export function updateAgency(db: Db, input: OpParsed<'agency.update'>): Agency {
  const current = getAgency(db, input.id);
  const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Agency;
  assertAgencyUnique(db, next, input.id);
  // Every column is written (a kind change clears the partner type), through the one revision check.
  const patch = { id: input.id, baseRevision: input.baseRevision, kind: next.kind, partnerType: next.kind === 'mitra' ? next.partnerType : '', name: next.name, abbreviation: next.abbreviation, active: next.active };
  patchRow(db, 'agency', AGENCY_COLUMN, patch, () => getAgency(db, input.id));
  return getAgency(db, input.id);
}

/** Tables that point at an agency: an agency in use is kept (and can be deactivated instead). */
const AGENCY_REFERENCES = [
  `SELECT 1 FROM attendance WHERE agency_id = ?`,
  `SELECT 1 FROM meeting_invitation WHERE agency_id = ?`,
  `SELECT 1 FROM assignment WHERE agency_id = ?`,
  `SELECT 1 FROM budget_line WHERE agency_id = ?`,
  `SELECT 1 FROM action_item WHERE lead_agency_id = ?`,
  `SELECT 1 FROM action_item_agency WHERE agency_id = ?`,
  `SELECT 1 FROM indicator_review_agency WHERE agency_id = ?`,
];

export function deleteAgency(db: Db, id: number): { id: number } {
  getAgency(db, id);
  if (AGENCY_REFERENCES.some((sql) => db.prepare(`${sql} LIMIT 1`).get(id))) {
    throw AppError.of('CONFLICT', 'error.agencyInUse');
  }
  // A saved invitation group is a shortcut, not a record: the agency simply leaves it.
  db.prepare(`DELETE FROM agency_group_member WHERE agency_id = ?`).run(id);
  db.prepare(`DELETE FROM indicator_agency WHERE agency_id = ?`).run(id);
  db.prepare(`DELETE FROM agency WHERE id = ?`).run(id);
  return { id };
}
