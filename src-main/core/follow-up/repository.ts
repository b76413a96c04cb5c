import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { ActionUpdate, Meeting, PreviousAction } from '../../../shared/meeting';
import type { ActionStatus } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../db/clock';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { getMeeting } from '../meeting/repository';
import { ACTION_COLUMNS, getAction, toAction, type ActionRow } from '../action-item/repository';

// Tindak lanjut: a later rakor records the status and keterangan of an earlier rakor's RTL.
// One row per (RTL, meeting): the RTL's history is the list of its follow-ups.

const UPDATE_SELECT = `SELECT u.id, u.action_item_id AS actionItemId, u.meeting_id AS meetingId, m.title AS meetingTitle,
  m.date AS meetingDate, u.status, u.notes, u.created_at AS createdAt
  FROM action_item_update u JOIN meeting m ON m.id = u.meeting_id`;

export function followUpHistory(db: Db, actionItemId: number): ActionUpdate[] {
  getAction(db, actionItemId);
  return db.prepare(`${UPDATE_SELECT} WHERE u.action_item_id = ? ORDER BY m.date, m.id`).all(actionItemId) as ActionUpdate[];
}

/** Is meeting a held before meeting b? Same-day meetings are ordered by start time, then creation. */
function isEarlier(a: Pick<Meeting, 'date' | 'startTime' | 'id'>, b: Pick<Meeting, 'date' | 'startTime' | 'id'>): boolean {
  if (a.date !== b.date) return a.date < b.date;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime;
  return a.id < b.id;
}

/**
 * Records the review of an earlier meeting's RTL at this meeting (one row per RTL and meeting,
 * patched as the user types). The RTL's current status follows the latest meeting's review.
 */
export function recordFollowUp(db: Db, input: OpParsed<'followUp.record'>): ActionUpdate {
  const action = getAction(db, input.actionItemId);
  assertMeetingEditable(db, input.meetingId);
  if (action.meetingId === input.meetingId) throw AppError.of('VALIDATION', 'error.meetingOwnAction');
  const here = getMeeting(db, input.meetingId);
  const origin = getMeeting(db, action.meetingId);
  if (!isEarlier(origin, here)) throw AppError.of('VALIDATION', 'error.reviewLaterMeeting');
  db.prepare(
    `INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, ?, '', ?)
     ON CONFLICT (action_item_id, meeting_id) DO NOTHING`,
  ).run(action.id, here.id, action.status, nowIso());
  if (input.status !== undefined) {
    db.prepare(`UPDATE action_item_update SET status = ? WHERE action_item_id = ? AND meeting_id = ?`).run(input.status, action.id, here.id);
  }
  if (input.notes !== undefined) {
    db.prepare(`UPDATE action_item_update SET notes = ? WHERE action_item_id = ? AND meeting_id = ?`).run(input.notes, action.id, here.id);
  }
  const latest = db
    .prepare(`SELECT u.status FROM action_item_update u JOIN meeting m ON m.id = u.meeting_id WHERE u.action_item_id = ?
              ORDER BY m.date DESC, m.start_time DESC, m.id DESC LIMIT 1`)
    .get(action.id) as { status: ActionStatus };
  db.prepare(`UPDATE action_item SET status = ?, updated_at = ? WHERE id = ?`).run(latest.status, nowIso(), action.id);
  touchMeeting(db, here.id);
  return db.prepare(`${UPDATE_SELECT} WHERE u.action_item_id = ? AND u.meeting_id = ?`).get(action.id, here.id) as ActionUpdate;
}

/**
 * RTLs of earlier meetings that share a cluster with this one (by the meeting's clusters or the
 * RTL's indicator), still open or already reviewed here, with their review history. Clusters are
 * matched by code so that RTLs survive a new evaluation year's copy of the reference set.
 */
export function listPreviousActions(db: Db, meeting: Meeting): PreviousAction[] {
  const codes = JSON.stringify(meeting.clusterCodes);
  const rows = db
    .prepare(
      `SELECT ${ACTION_COLUMNS}, om.title AS meetingTitle, om.date AS meetingDate
       FROM action_item a JOIN meeting om ON om.id = a.meeting_id
       WHERE a.meeting_id <> @id
         AND (om.date < @date OR (om.date = @date AND (om.start_time < @start OR (om.start_time = @start AND om.id < @id))))
         AND (a.status <> 'selesai' OR EXISTS (SELECT 1 FROM action_item_update u WHERE u.action_item_id = a.id AND u.meeting_id = @id))
         AND (
           EXISTS (SELECT 1 FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
                   WHERE mc.meeting_id = a.meeting_id AND c.code IN (SELECT value FROM json_each(@codes)))
           OR EXISTS (SELECT 1 FROM indicator i JOIN cluster c ON c.id = i.cluster_id
                   WHERE i.id = a.indicator_id AND c.code IN (SELECT value FROM json_each(@codes))))
       ORDER BY om.date, om.id, a.id`,
    )
    .all({ id: meeting.id, date: meeting.date, start: meeting.startTime, codes }) as (ActionRow & { meetingTitle: string; meetingDate: string })[];
  if (rows.length === 0) return [];
  const updates = db
    .prepare(`${UPDATE_SELECT} WHERE u.action_item_id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.id`)
    .all(JSON.stringify(rows.map((r) => r.id))) as ActionUpdate[];
  const byAction = Map.groupBy(updates, (u) => u.actionItemId);
  return rows.map(({ meetingTitle, meetingDate, ...row }) => {
    const history = byAction.get(row.id) ?? [];
    return { ...toAction(row), meetingTitle, meetingDate, updates: history, reviewHere: history.find((u) => u.meetingId === meeting.id) ?? null };
  });
}
