import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { ActionUpdate, Meeting, PreviousAction, StatusChange } from '../../../shared/meeting';
import type { ActionStatus } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { nowIso, regionToday } from '../db/clock';
import { formatDate } from '../../../shared/format';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { patchRow, staleError } from '../db/patch';
import { heldBy, meetingParams, statusAsOf, statusAsOfSql } from './status';
import { getMeeting } from '../meeting/repository';
import { ACTION_COLUMNS, getAction, toAction, type ActionRow } from '../action-item/repository';

// Tindak lanjut: a later rakor records the status and keterangan of an earlier rakor's RTL.
// One row per (RTL, meeting): the RTL's history is the list of its follow-ups.

const UPDATE_SELECT = `SELECT u.id, u.action_item_id AS actionItemId, u.meeting_id AS meetingId, m.title AS meetingTitle,
  m.date AS meetingDate, u.status, u.notes, u.created_at AS createdAt, u.revision
  FROM action_item_update u JOIN meeting m ON m.id = u.meeting_id`;

export function followUpHistory(db: Db, actionItemId: number): ActionUpdate[] {
  getAction(db, actionItemId);
  return db.prepare(`${UPDATE_SELECT} WHERE u.action_item_id = ? ORDER BY m.date, m.start_time, m.id`).all(actionItemId) as ActionUpdate[];
}

const CHANGE_SELECT = `SELECT c.id, c.action_item_id AS actionItemId, c.date, c.status, c.notes, c.created_at AS createdAt FROM action_status_change c`;

export function statusChanges(db: Db, actionItemId: number): StatusChange[] {
  getAction(db, actionItemId);
  return db.prepare(`${CHANGE_SELECT} WHERE c.action_item_id = ? ORDER BY c.date, c.id`).all(actionItemId) as StatusChange[];
}

/**
 * A status change outside any meeting (the tracker's inline update): one more row in the RTL's
 * append-only history, dated when it happened, never an overwrite. Dated on or after its own
 * meeting, after the last meeting that reviewed it and not after today, so it cannot rewrite
 * what a meeting knew.
 */
export function setStatus(db: Db, input: OpParsed<'followUp.setStatus'>): StatusChange {
  const action = getAction(db, input.actionItemId);
  const origin = getMeeting(db, action.meetingId);
  const today = regionToday(db);
  const date = input.date ?? today;
  if (date < origin.date) throw AppError.of('VALIDATION', 'error.statusBeforeOrigin');
  if (date > today) throw AppError.of('VALIDATION', 'error.statusInFuture');
  // On or before a meeting that reviewed it, the change would sit under that meeting's record
  // (and not become the current status): record it at that meeting instead, or date it later.
  const reviewed = db.prepare(`SELECT max(m.date) AS d FROM action_item_update u JOIN meeting m ON m.id = u.meeting_id WHERE u.action_item_id = ?`)
    .get(action.id) as { d: string | null };
  if (reviewed.d !== null && date <= reviewed.d) throw AppError.of('VALIDATION', 'error.statusBeforeReview', { date: formatDate(reviewed.d) });
  const id = Number(
    db.prepare(`INSERT INTO action_status_change (action_item_id, date, status, notes, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(action.id, date, input.status, input.notes, nowIso()).lastInsertRowid,
  );
  return db.prepare(`${CHANGE_SELECT} WHERE c.id = ?`).get(id) as StatusChange;
}

/** Is meeting a held before meeting b? Same-day meetings are ordered by start time, then creation. */
function isEarlier(a: Pick<Meeting, 'date' | 'startTime' | 'id'>, b: Pick<Meeting, 'date' | 'startTime' | 'id'>): boolean {
  if (a.date !== b.date) return a.date < b.date;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime;
  return a.id < b.id;
}

function getFollowUp(db: Db, id: number): ActionUpdate {
  return db.prepare(`${UPDATE_SELECT} WHERE u.id = ?`).get(id) as ActionUpdate;
}

const COLUMN = { status: 'status', notes: 'notes' } as const;

/**
 * Records the review of an earlier meeting's RTL at this meeting (one row per RTL and meeting,
 * patched as the user types, with the revision check once it exists). Appends to the RTL's
 * history: the RTL's own status is never overwritten (see ./status.ts).
 */
export function recordFollowUp(db: Db, input: OpParsed<'followUp.record'>): ActionUpdate {
  const action = getAction(db, input.actionItemId);
  assertMeetingEditable(db, input.meetingId);
  if (action.meetingId === input.meetingId) throw AppError.of('VALIDATION', 'error.meetingOwnAction');
  const here = getMeeting(db, input.meetingId);
  const origin = getMeeting(db, action.meetingId);
  if (!isEarlier(origin, here)) throw AppError.of('VALIDATION', 'error.reviewLaterMeeting');
  const existing = db.prepare(`SELECT id FROM action_item_update WHERE action_item_id = ? AND meeting_id = ?`).get(action.id, here.id) as { id: number } | undefined;
  const id = existing?.id ?? insertFollowUp(db, action.id, here);
  // Once the row exists an edit must say which revision it saw: a window that never saw the row
  // (another one created it meanwhile) would otherwise overwrite it unseen.
  if (existing && input.baseRevision === undefined) throw staleError(getFollowUp(db, id));
  const patch = { id, status: input.status, notes: input.notes, baseRevision: existing ? input.baseRevision : undefined };
  patchRow(db, 'action_item_update', COLUMN, patch, () => getFollowUp(db, id));
  touchMeeting(db, here.id);
  return getFollowUp(db, id);
}

/** A follow-up row at `here` starting from the RTL's status as of that meeting (every caller has the RTL). */
function insertFollowUp(db: Db, actionId: number, here: Meeting): number {
  const status = statusAsOf(db, actionId, here);
  return Number(
    db.prepare(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, ?, '', ?)`)
      .run(actionId, here.id, status, nowIso()).lastInsertRowid,
  );
}

/**
 * At close: every RTL the Tindak lanjut tab listed gets an explicit follow-up row here (its status
 * as of the meeting, no notes) if the user left it untouched, so the record names each one.
 */
export function materializeFollowUps(db: Db, meeting: Meeting): void {
  for (const action of listPreviousActions(db, meeting)) {
    if (!action.reviewHere) insertFollowUp(db, action.id, meeting);
  }
}

/** Months of earlier meetings whose open RTLs a meeting's Tindak lanjut tab lists. */
export const FOLLOW_UP_WINDOW_MONTHS = 12;

/** The first day of the window: the same day FOLLOW_UP_WINDOW_MONTHS months before (clamped to the month's end). */
export function followUpWindowStart(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const months = y * 12 + (m - 1) - FOLLOW_UP_WINDOW_MONTHS;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * RTLs of earlier meetings that share a cluster with this one (by the meeting's clusters or the
 * RTL's indicator), held within the last FOLLOW_UP_WINDOW_MONTHS months and not yet done when
 * this meeting began, or already reviewed here, with their review history; `status` is the
 * status as of this meeting. Clusters are matched by code so that RTLs survive a new evaluation
 * year's copy of the reference set. The window keeps the tab (and the close) the same size
 * whatever the history holds; older open RTLs are in the tracker (Tindak lanjut), linked from the tab.
 */
export function listPreviousActions(db: Db, meeting: Meeting): PreviousAction[] {
  const rows = db
    .prepare(
      `SELECT ${ACTION_COLUMNS}, om.title AS meetingTitle, om.date AS meetingDate, ${statusAsOfSql('a')} AS statusHere
       FROM action_item a JOIN meeting om ON om.id = a.meeting_id
       WHERE a.meeting_id <> @id AND ${heldBy('om', false)}
         -- Candidates first, off indexes: RTLs of meetings in the window, and those reviewed here.
         AND a.id IN (SELECT w.id FROM meeting wm JOIN action_item w ON w.meeting_id = wm.id WHERE wm.date >= @since AND wm.date <= @date
           UNION SELECT action_item_id FROM action_item_update WHERE meeting_id = @id)
         AND (${statusAsOfSql('a', false)} <> 'selesai'
           OR EXISTS (SELECT 1 FROM action_item_update u WHERE u.action_item_id = a.id AND u.meeting_id = @id))
         AND (
           EXISTS (SELECT 1 FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
                   WHERE mc.meeting_id = a.meeting_id AND c.code IN (SELECT value FROM json_each(@codes)))
           OR EXISTS (SELECT 1 FROM indicator i JOIN cluster c ON c.id = i.cluster_id
                   WHERE i.id = a.indicator_id AND c.code IN (SELECT value FROM json_each(@codes))))
       ORDER BY om.date, om.start_time, om.id, a.id`,
    )
    .all({ ...meetingParams(meeting), since: followUpWindowStart(meeting.date), codes: JSON.stringify(meeting.clusterCodes) }) as (ActionRow & { meetingTitle: string; meetingDate: string; statusHere: ActionStatus })[];
  if (rows.length === 0) return [];
  const updates = db
    .prepare(`${UPDATE_SELECT} WHERE u.action_item_id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.start_time, m.id`)
    .all(JSON.stringify(rows.map((r) => r.id))) as ActionUpdate[];
  const byAction = Map.groupBy(updates, (u) => u.actionItemId);
  return rows.map(({ meetingTitle, meetingDate, statusHere, ...row }) => {
    const history = byAction.get(row.id) ?? [];
    return {
      ...toAction(row),
      status: statusHere,
      meetingTitle,
      meetingDate,
      updates: history,
      reviewHere: history.find((u) => u.meetingId === meeting.id) ?? null,
      overdue: row.targetDate !== null && row.targetDate < meeting.date && statusHere !== 'selesai',
    };
  });
}
