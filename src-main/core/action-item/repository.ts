import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { ActionItem, Deleted } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from '../db/clock';
import { formatLongDate } from '../../../shared/format';
import type { MeetingRef } from '../../../shared/meeting';
import { assertAgencyExists, assertIndicatorExists, inMeetingClusters } from '../db/rows';
import { assertMeetingEditable, deleteMeetingRow, patchMeetingRow, touchMeeting } from '../db/meeting-state';

// Rencana tindak lanjut (RTL) agreed at a meeting. What later meetings record about them is
// their follow-up (../follow-up).

export const ACTION_COLUMNS = `a.id, a.meeting_id AS meetingId, a.indicator_id AS indicatorId, a.problem, a.description,
  a.lead_agency_id AS leadAgencyId, a.target_date AS targetDate, a.funding_source AS fundingSource, a.budget_line_id AS budgetLineId, a.status, a.notes,
  a.created_at AS createdAt, a.updated_at AS updatedAt, a.revision,
  (SELECT json_group_array(agency_id) FROM (SELECT agency_id FROM action_item_agency WHERE action_item_id = a.id ORDER BY position, agency_id)) AS relatedJson`;

export type ActionRow = Omit<ActionItem, 'relatedAgencyIds'> & { relatedJson: string };
export const toAction = ({ relatedJson, ...r }: ActionRow): ActionItem => ({ ...r, relatedAgencyIds: JSON.parse(relatedJson) as number[] });


/** The meeting's own RTLs, those of indicators in its current clusters (or of none). */
export function listActions(db: Db, meetingId: number): ActionItem[] {
  return (db.prepare(`SELECT ${ACTION_COLUMNS} FROM action_item a WHERE a.meeting_id = ? AND ${inMeetingClusters('a')} ORDER BY a.id`).all(meetingId) as ActionRow[]).map(toAction);
}

export function getAction(db: Db, id: number): ActionItem {
  const row = db.prepare(`SELECT ${ACTION_COLUMNS} FROM action_item a WHERE a.id = ?`).get(id) as ActionRow | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toAction(row);
}

function setRelated(db: Db, actionId: number, agencyIds: number[]) {
  agencyIds.forEach((agencyId, i) => assertAgencyExists(db, agencyId, `relatedAgencyIds.${i}`));
  db.prepare(`DELETE FROM action_item_agency WHERE action_item_id = ?`).run(actionId);
  // The order chosen is kept (position); a repeated agency counts once, where it first appeared.
  const insert = db.prepare(`INSERT OR IGNORE INTO action_item_agency (action_item_id, agency_id, position) VALUES (?, ?, ?)`);
  agencyIds.forEach((agencyId, i) => insert.run(actionId, agencyId, i + 1));
}

/** The funding line must be one entered at the RTL's own meeting (its notulen prints it). */
function assertBudgetLineOfMeeting(db: Db, budgetLineId: number | null | undefined, meetingId: number): void {
  if (budgetLineId == null) return;
  if (!db.prepare(`SELECT 1 FROM budget_line WHERE id = ? AND meeting_id = ?`).get(budgetLineId, meetingId)) {
    throw new AppError('VALIDATION', t('field.budgetLineUnknown'), [{ path: 'budgetLineId', message: t('field.budgetLineUnknown') }]);
  }
}

export function createAction(db: Db, input: OpParsed<'actionItem.create'>): ActionItem {
  assertMeetingEditable(db, input.meetingId);
  assertIndicatorExists(db, input.indicatorId);
  assertAgencyExists(db, input.leadAgencyId, 'leadAgencyId');
  assertBudgetLineOfMeeting(db, input.budgetLineId, input.meetingId);
  const now = nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, funding_source, budget_line_id,
           status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.meetingId, input.indicatorId, input.problem, input.description, input.leadAgencyId, input.targetDate,
        input.fundingSource.trim(), input.budgetLineId, input.status, input.notes, now, now,
      ).lastInsertRowid,
  );
  setRelated(db, id, input.relatedAgencyIds);
  touchMeeting(db, input.meetingId);
  return getAction(db, id);
}

const COLUMN = {
  indicatorId: 'indicator_id', problem: 'problem', description: 'description', leadAgencyId: 'lead_agency_id',
  targetDate: 'target_date', fundingSource: 'funding_source', budgetLineId: 'budget_line_id', status: 'status', notes: 'notes',
} as const;

export function updateAction(db: Db, input: OpParsed<'actionItem.update'>): ActionItem {
  assertIndicatorExists(db, input.indicatorId);
  assertAgencyExists(db, input.leadAgencyId, 'leadAgencyId');
  assertBudgetLineOfMeeting(db, input.budgetLineId, getAction(db, input.id).meetingId);
  const meetingId = patchMeetingRow(db, 'action_item', COLUMN, input, () => getAction(db, input.id));
  if (input.relatedAgencyIds) {
    // The related agencies are a list of their own, part of the same edit: after patchMeetingRow
    // checked the revision, a change of the list alone must still move the revision on.
    setRelated(db, input.id, input.relatedAgencyIds);
    if (!Object.keys(COLUMN).some((k) => input[k as keyof typeof COLUMN] !== undefined)) {
      db.prepare(`UPDATE action_item SET revision = revision + 1, updated_at = ? WHERE id = ?`).run(nowIso(), input.id);
      touchMeeting(db, meetingId);
    }
  }
  return getAction(db, input.id);
}

/**
 * An RTL whose follow-up another meeting recorded belongs to that meeting's record too: refused,
 * naming those meetings. Otherwise it goes to Terhapus with its related agencies.
 */
export function deleteAction(db: Db, id: number, baseRevision?: number): Deleted {
  const elsewhere = meetingsFollowingUp(db, [id]);
  if (elsewhere.length > 0) throw AppError.of('CONFLICT', 'error.actionFollowedUp', { meetings: meetingList(elsewhere) });
  return deleteMeetingRow(db, 'action_item', id, baseRevision, () => getAction(db, id));
}

/** Meetings (other than the RTLs' own) that recorded a follow-up of one of these RTLs. */
export function meetingsFollowingUp(db: Db, actionIds: number[]): MeetingRef[] {
  return db
    .prepare(
      `SELECT DISTINCT m.id, m.title, m.date FROM action_item_update u JOIN meeting m ON m.id = u.meeting_id
       JOIN action_item a ON a.id = u.action_item_id
       WHERE u.action_item_id IN (SELECT value FROM json_each(?)) AND u.meeting_id <> a.meeting_id
       ORDER BY m.date, m.start_time, m.id`,
    )
    .all(JSON.stringify(actionIds)) as MeetingRef[];
}

/** "Rakor Klaster III (Selasa, 26 November 2024) dan ..." for a refusal message. */
export function meetingList(meetings: MeetingRef[]): string {
  const names = meetings.map((m) => `"${m.title}" (${formatLongDate(m.date)})`);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}`;
}

