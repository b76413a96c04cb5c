import type { Db } from '../db/database';
import type { Agency } from '../../../shared/types';
import type { OpParsed } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from '../db/clock';

const SELECT = `SELECT id, kind, partner_type AS partnerType, name, abbreviation, active,
  created_at AS createdAt, updated_at AS updatedAt FROM agency`;

type AgencyRow = Omit<Agency, 'active'> & { active: number };
const toAgency = (r: AgencyRow): Agency => ({ ...r, active: r.active === 1 });

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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

function assertAbbreviationFree(db: Db, abbreviation: string, exceptId: number | null) {
  if (!abbreviation) return;
  const clash = db
    .prepare(`SELECT id FROM agency WHERE lower(abbreviation) = lower(?) AND id IS NOT ?`)
    .get(abbreviation, exceptId);
  if (clash) {
    const message = t('error.agencyDuplicate');
    throw new AppError('CONFLICT', message, [{ path: 'abbreviation', message }]);
  }
}

export function createAgency(db: Db, input: OpParsed<'agency.create'>): Agency {
  assertAbbreviationFree(db, input.abbreviation, null);
  const now = nowIso();
  const id = db
    .prepare(`INSERT INTO agency (kind, partner_type, name, abbreviation, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(input.kind, input.kind === 'mitra' ? input.partnerType : '', input.name, input.abbreviation, input.active ? 1 : 0, now, now)
    .lastInsertRowid;
  return getAgency(db, Number(id));
}

export function updateAgency(db: Db, input: OpParsed<'agency.update'>): Agency {
  const current = getAgency(db, input.id);
  const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Agency;
  assertAbbreviationFree(db, next.abbreviation, input.id);
  db.prepare(`UPDATE agency SET kind = ?, partner_type = ?, name = ?, abbreviation = ?, active = ?, updated_at = ? WHERE id = ?`).run(
    next.kind, next.kind === 'mitra' ? next.partnerType : '', next.name, next.abbreviation, next.active ? 1 : 0, nowIso(), input.id,
  );
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
];

export function deleteAgency(db: Db, id: number): { id: number } {
  getAgency(db, id);
  if (AGENCY_REFERENCES.some((sql) => db.prepare(`${sql} LIMIT 1`).get(id))) {
    throw AppError.of('CONFLICT', 'error.agencyInUse');
  }
  db.prepare(`DELETE FROM agency WHERE id = ?`).run(id);
  return { id };
}
