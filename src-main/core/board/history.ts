import type { Db } from '../db/database';
import type { HistoryAction, HistoryEvent, HistoryFollowUp, HistoryMeeting, IndicatorHistory } from '../../../shared/board';
import type { ActionStatus, MeetingStatus } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { inYear, yearScope } from './year-facts';

// The history of one indicator: every rakor where it was discussed (a pembahasan, an RTL agreed
// on it, or an earlier RTL on it followed up), oldest first. A closed rakor is a signed record:
// its rows cannot change while it is closed, and the agencies' names are those its snapshot
// recorded, so a renamed agency cannot rewrite it; an open or reopened rakor shows its live rows
// as they stand. How each RTL went on afterwards is its append-only event history.

interface MeetingRow { id: number; title: string; date: string; startTime: string; status: MeetingStatus; minutesRevision: number }
interface ReviewRow { achievement: string; score: number | null; isWeak: number; problem: string; recommendation: string }
interface ActionRow { id: number; description: string; problem: string; leadAgencyId: number | null; targetDate: string | null; status: ActionStatus }

/** What one meeting recorded about the indicator: its live rows (a closed meeting refuses writes), names as signed. */
interface Recorded { review: ReviewRow | null; actions: (ActionRow & { leadAgencyName: string | null })[] }

/**
 * A closed meeting refuses every write, so its reviews and RTLs stand as they were signed; what
 * can drift is the master list (an agency renamed since). The snapshot's own list of the agencies
 * it named is read only then: a workspace snapshot is up to a few MB on a large regency.
 */
function namesAsSigned(db: Db, snapshotId: number, closedAt: string, rec: Recorded): Recorded {
  const leads = [...new Set(rec.actions.map((a) => a.leadAgencyId).filter((id) => id !== null))];
  if (leads.length === 0) return rec;
  const renamed = db.prepare(`SELECT 1 FROM agency WHERE id IN (SELECT value FROM json_each(?)) AND updated_at >= ? LIMIT 1`).get(JSON.stringify(leads), closedAt);
  if (!renamed) return rec;
  const row = db.prepare(`SELECT json_extract(workspace_json, '$.data.agencies') AS agencies FROM meeting_snapshot WHERE id = ?`).get(snapshotId) as { agencies: string | null };
  const names = new Map((JSON.parse(row.agencies ?? '[]') as { id: number; name: string }[]).map((a) => [a.id, a.name]));
  return { ...rec, actions: rec.actions.map((a) => ({ ...a, leadAgencyName: (a.leadAgencyId !== null ? names.get(a.leadAgencyId) : undefined) ?? a.leadAgencyName })) };
}

function fromLive(db: Db, meeting: MeetingRow, indicatorId: number): Recorded {
  const review = db.prepare(
    `SELECT achievement, score, is_weak AS isWeak, problem, recommendation FROM indicator_review WHERE meeting_id = ? AND indicator_id = ?`,
  ).get(meeting.id, indicatorId) as ReviewRow | undefined;
  const actions = db.prepare(
    `SELECT a.id, a.description, a.problem, a.lead_agency_id AS leadAgencyId, a.target_date AS targetDate, a.status, g.name AS leadAgencyName
     FROM action_item a LEFT JOIN agency g ON g.id = a.lead_agency_id WHERE a.meeting_id = ? AND a.indicator_id = ? ORDER BY a.id`,
  ).all(meeting.id, indicatorId) as (ActionRow & { leadAgencyName: string | null })[];
  return { review: review ?? null, actions };
}

/** The meeting's latest snapshot, without its (large) JSON. */
function latestSnapshotKey(db: Db, meetingId: number): { id: number; closedAt: string } | undefined {
  return db.prepare(`SELECT id, closed_at AS closedAt FROM meeting_snapshot WHERE meeting_id = ? ORDER BY revision DESC LIMIT 1`).get(meetingId) as
    { id: number; closedAt: string } | undefined;
}

export function indicatorHistory(db: Db, indicatorId: number, year: number | undefined): IndicatorHistory {
  const indicator = db.prepare(
    `SELECT i.id, i.number, i.name, c.code AS clusterCode, c.name AS clusterName, c.year AS referenceYear
     FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE i.id = ?`,
  ).get(indicatorId) as IndicatorHistory['indicator'] | undefined;
  if (!indicator) throw AppError.of('NOT_FOUND', 'error.notFound');
  const params = { ...(year === undefined ? {} : yearScope(db, year).params), ind: indicatorId };

  const meetings = db.prepare(
    `SELECT m.id, m.title, m.date, m.start_time AS startTime, m.status, m.minutes_revision AS minutesRevision FROM meeting m
     WHERE ${year === undefined ? '1' : inYear('m')} AND (
       EXISTS (SELECT 1 FROM indicator_review r WHERE r.meeting_id = m.id AND r.indicator_id = @ind)
       OR EXISTS (SELECT 1 FROM action_item a WHERE a.meeting_id = m.id AND a.indicator_id = @ind)
       OR EXISTS (SELECT 1 FROM action_item_update u JOIN action_item a ON a.id = u.action_item_id WHERE u.meeting_id = m.id AND a.indicator_id = @ind))
     ORDER BY m.date, m.start_time, m.id`,
  ).all(params) as MeetingRow[];
  if (meetings.length === 0) return { indicator, year: year ?? null, meetings: [] };

  const meetingIds = JSON.stringify(meetings.map((m) => m.id));
  // Follow-ups recorded at these meetings of RTLs on the indicator (a closed meeting's are frozen: it refuses writes).
  const followUps = Map.groupBy(
    db.prepare(
      `SELECT u.meeting_id AS meetingId, u.action_item_id AS actionItemId, a.description, u.status, u.notes
       FROM action_item_update u JOIN action_item a ON a.id = u.action_item_id
       WHERE u.meeting_id IN (SELECT value FROM json_each(?)) AND a.indicator_id = ? ORDER BY a.id`,
    ).all(meetingIds, indicatorId) as (HistoryFollowUp & { meetingId: number })[],
    (f) => f.meetingId,
  );

  const recorded = meetings.map((m) => {
    const snapshot = m.status === 'selesai' ? latestSnapshotKey(db, m.id) : undefined;
    const live = fromLive(db, m, indicatorId);
    return { meeting: m, fromSnapshot: snapshot !== undefined, rec: snapshot ? namesAsSigned(db, snapshot.id, snapshot.closedAt, live) : live };
  });

  const actionIds = recorded.flatMap((r) => r.rec.actions.map((a) => a.id));
  const events = eventsOf(db, actionIds);
  const today = yearScope(db, undefined).today;

  const entries: HistoryMeeting[] = recorded.map(({ meeting, fromSnapshot: frozen, rec }) => ({
    meetingId: meeting.id,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    status: meeting.status,
    fromSnapshot: frozen,
    minutesRevision: meeting.minutesRevision,
    review: rec.review && {
      achievement: rec.review.achievement,
      score: rec.review.score,
      isWeak: rec.review.isWeak === 1,
      problem: rec.review.problem,
      recommendation: rec.review.recommendation,
    },
    actions: rec.actions.map((a): HistoryAction => {
      const trail = events.get(a.id) ?? [];
      const currentStatus = trail.at(-1)?.status ?? a.status;
      return {
        id: a.id,
        description: a.description,
        problem: a.problem,
        leadAgencyName: a.leadAgencyName,
        targetDate: a.targetDate,
        statusAtMeeting: a.status,
        currentStatus,
        overdue: a.targetDate !== null && a.targetDate < today && currentStatus !== 'selesai',
        events: trail,
      };
    }),
    followUps: (followUps.get(meeting.id) ?? []).map(({ meetingId: _, ...f }) => f),
  }));
  return { indicator, year: year ?? null, meetings: entries };
}

/** Every follow-up and outside change of the RTLs, oldest first (order of ../follow-up/status.ts). */
function eventsOf(db: Db, actionIds: number[]): Map<number, HistoryEvent[]> {
  if (actionIds.length === 0) return new Map();
  const rows = db.prepare(
    `SELECT aid, date, status, notes, meetingId, meetingTitle FROM (
       SELECT u.action_item_id AS aid, um.date, u.status, u.notes, um.id AS meetingId, um.title AS meetingTitle, 1 AS k, um.start_time AS t, um.id AS i
         FROM action_item_update u JOIN meeting um ON um.id = u.meeting_id WHERE u.action_item_id IN (SELECT value FROM json_each(@ids))
       UNION ALL
       SELECT c.action_item_id, c.date, c.status, c.notes, NULL, NULL, 0, '', c.id FROM action_status_change c
         WHERE c.action_item_id IN (SELECT value FROM json_each(@ids)))
     ORDER BY aid, date, k, t, i`,
  ).all({ ids: JSON.stringify(actionIds) }) as (HistoryEvent & { aid: number })[];
  const map = new Map<number, HistoryEvent[]>();
  for (const { aid, ...event } of rows) map.set(aid, [...(map.get(aid) ?? []), event]);
  return map;
}
