import type { Db } from '../db/database';
import type { AgencyGroup } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from '../db/clock';
import { assertAgencyExists } from '../db/rows';

export function listGroups(db: Db): AgencyGroup[] {
  const rows = db
    .prepare(
      `SELECT g.id, g.name, (SELECT json_group_array(agency_id) FROM (SELECT agency_id FROM agency_group_member WHERE group_id = g.id ORDER BY agency_id)) AS ids
       FROM agency_group g ORDER BY g.name COLLATE NOCASE`,
    )
    .all() as { id: number; name: string; ids: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, agencyIds: JSON.parse(r.ids) as number[] }));
}

function getGroup(db: Db, id: number): AgencyGroup {
  const group = listGroups(db).find((g) => g.id === id);
  if (!group) throw AppError.of('NOT_FOUND', 'error.notFound');
  return group;
}

function assertNameFree(db: Db, name: string, exceptId: number | null) {
  if (db.prepare(`SELECT 1 FROM agency_group WHERE lower(name) = lower(?) AND id IS NOT ?`).get(name, exceptId)) {
    const message = t('error.agencyGroupDuplicate', { name });
    throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
  }
}

function setMembers(db: Db, groupId: number, agencyIds: number[]) {
  agencyIds.forEach((agencyId, i) => assertAgencyExists(db, agencyId, `agencyIds.${i}`));
  db.prepare(`DELETE FROM agency_group_member WHERE group_id = ?`).run(groupId);
  const insert = db.prepare(`INSERT OR IGNORE INTO agency_group_member (group_id, agency_id) VALUES (?, ?)`);
  for (const agencyId of agencyIds) insert.run(groupId, agencyId);
}

export function createGroup(db: Db, name: string, agencyIds: number[]): AgencyGroup {
  assertNameFree(db, name, null);
  const now = nowIso();
  const id = Number(db.prepare(`INSERT INTO agency_group (name, created_at, updated_at) VALUES (?, ?, ?)`).run(name, now, now).lastInsertRowid);
  setMembers(db, id, agencyIds);
  return getGroup(db, id);
}

export function updateGroup(db: Db, id: number, name: string | undefined, agencyIds: number[] | undefined): AgencyGroup {
  getGroup(db, id);
  if (name !== undefined) {
    assertNameFree(db, name, id);
    db.prepare(`UPDATE agency_group SET name = ?, updated_at = ? WHERE id = ?`).run(name, nowIso(), id);
  }
  if (agencyIds !== undefined) setMembers(db, id, agencyIds);
  return getGroup(db, id);
}

export function deleteGroup(db: Db, id: number): { id: number } {
  getGroup(db, id);
  db.prepare(`DELETE FROM agency_group WHERE id = ?`).run(id);
  return { id };
}
