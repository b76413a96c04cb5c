import type { Db } from '../db/database';
import type { Meeting } from '../../../shared/meeting';
import type { ActionStatus } from '../../../shared/types';

// An RTL's status history is append-only: `action_item.status` is the status set at its own
// meeting, and every later status is a follow-up (action_item_update) recorded at a later
// meeting. "Status as of meeting X" is therefore a query, never an overwrite: the follow-up at
// the latest meeting on or before X (by date, start time, id), else the RTL's own status.
// (The RTL tracker of a later issue will record status changes outside meetings: they would be
// one more source in this query, with their own timestamp; no table for them yet.)

type MeetingKey = Pick<Meeting, 'id' | 'date' | 'startTime'>;

/** SQL: meeting `m` is held on or before @date/@start/@id (strictly before when `inclusive` is false). */
export function heldBy(alias: string, inclusive: boolean): string {
  return `(${alias}.date < @date OR (${alias}.date = @date AND (${alias}.start_time < @start
    OR (${alias}.start_time = @start AND ${alias}.id ${inclusive ? '<=' : '<'} @id))))`;
}

/**
 * SQL expression: the status of RTL `a` as of the meeting bound as @date/@start/@id. With
 * `inclusive` false, what it was when that meeting began (its follow-up there not counted).
 */
export function statusAsOfSql(actionAlias: string, inclusive = true): string {
  return `coalesce((SELECT u.status FROM action_item_update u JOIN meeting um ON um.id = u.meeting_id
    WHERE u.action_item_id = ${actionAlias}.id AND ${heldBy('um', inclusive)}
    ORDER BY um.date DESC, um.start_time DESC, um.id DESC LIMIT 1), ${actionAlias}.status)`;
}

export const meetingParams = (m: MeetingKey) => ({ date: m.date, start: m.startTime, id: m.id });

/** The status of each RTL as of the meeting (see above), in one query. */
export function statusAsOf(db: Db, actionIds: readonly number[], meeting: MeetingKey, inclusive = true): Map<number, ActionStatus> {
  if (actionIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT a.id, ${statusAsOfSql('a', inclusive)} AS status FROM action_item a WHERE a.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ...meetingParams(meeting), ids: JSON.stringify(actionIds) }) as { id: number; status: ActionStatus }[];
  return new Map(rows.map((r) => [r.id, r.status]));
}
