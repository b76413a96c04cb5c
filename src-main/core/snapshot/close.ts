import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import type { Meeting, MeetingWorkspace } from '../../../shared/meeting';
import { nowIso } from '../db/clock';
import { assertMeetingEditable } from '../db/meeting-state';
import { frozenSnapshot } from '../db/snapshots';
import { closeMeeting, getMeeting } from '../meeting/repository';
import { materializeFollowUps } from '../follow-up/repository';
import { getMeetingWorkspace } from '../workspace/workspace';
import { buildMinutesData } from '../export/minutes-data';
import { writeMinutesSnapshot } from '../export/minutes-snapshot';

// Closed means frozen. At close the meeting's minutes (the notulen's read model) and its
// workspace (what its read-only screens show, with the agencies it names) are stored as JSON,
// the minutes with their sha256. From then on every export and every read of the meeting renders
// that snapshot, so later meetings, renamed or deactivated agencies and changed assignments cannot
// reach it. "Buka kembali" raises the minutes' revision; the next close stores revision n+1 and
// keeps the earlier ones.

const WORKSPACE_SNAPSHOT_VERSION = 1;

/** Closes the meeting: explicit follow-ups for every RTL it listed, status, then the snapshot. */
export function closeWithSnapshot(db: Db, id: number, endTime: string): Meeting {
  const meeting = getMeeting(db, id);
  assertMeetingEditable(db, id);
  materializeFollowUps(db, meeting);
  closeMeeting(db, id, endTime);
  takeSnapshot(db, id);
  return getMeeting(db, id);
}

/** Stores the snapshot of the meeting's current minutes revision (the meeting is closed). */
export function takeSnapshot(db: Db, id: number): void {
  const meeting = getMeeting(db, id);
  const minutesJson = writeMinutesSnapshot(buildMinutesData(db, id));
  const workspaceJson = JSON.stringify({ version: WORKSPACE_SNAPSHOT_VERSION, data: getMeetingWorkspace(db, id) });
  db.prepare(
    `INSERT INTO meeting_snapshot (meeting_id, revision, closed_at, minutes_json, workspace_json, sha256) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, meeting.minutesRevision, nowIso(), minutesJson, workspaceJson, createHash('sha256').update(minutesJson).digest('hex'));
}

/**
 * Meetings closed before snapshots existed (or in a restored older backup) get theirs now, from
 * their rows as they stand: the best record there is, and from here on it cannot drift further.
 */
export function snapshotMissing(db: Db): number {
  const ids = db
    .prepare(
      `SELECT m.id FROM meeting m WHERE m.status = 'selesai'
         AND NOT EXISTS (SELECT 1 FROM meeting_snapshot s WHERE s.meeting_id = m.id AND s.revision = m.minutes_revision)`,
    )
    .all() as { id: number }[];
  if (ids.length > 0) db.transaction(() => ids.forEach(({ id }) => takeSnapshot(db, id))).immediate();
  return ids.length;
}

const EMPTY_LISTS: Omit<MeetingWorkspace, 'meeting'> = {
  clusters: [], agenda: [], attendance: [], invitedAgencyIds: [], suggestedAgencyIds: [], decisions: [], reviews: [],
  assignments: [], budgetLines: [], actions: [], previousActions: [], agencies: [],
};

/**
 * What 'meeting.get' answers: a closed meeting's workspace as it was closed (with today's status
 * and revisions, which say what can be done with it now), an open meeting's live rows.
 */
export function readWorkspace(db: Db, id: number): MeetingWorkspace {
  const frozen = frozenSnapshot(db, id);
  if (!frozen) return getMeetingWorkspace(db, id);
  const stored = (JSON.parse(frozen.workspaceJson) as { data?: Partial<MeetingWorkspace> }).data ?? {};
  const live = getMeeting(db, id);
  const date = stored.meeting?.date ?? live.date;
  return {
    ...EMPTY_LISTS,
    ...stored,
    // Snapshots stored before usual agencies were links (migration 0012).
    clusters: (stored.clusters ?? []).map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i, usualAgencyIds: (i.usualAgencyIds as number[] | undefined) ?? [] })) })),
    // Snapshots stored before attendees had a NIP and pangkat (migration 0011).
    attendance: (stored.attendance ?? []).map((a) => ({ ...a, nip: a.nip ?? '', rank: a.rank ?? '' })),
    // Snapshots stored before the overdue mark existed: computed the same way (as of the meeting).
    // Snapshots stored before migration 0010: no kab/kota on a review, no budget line on an RTL.
    reviews: (stored.reviews ?? []).map((r) => ({ ...r, kabkotaAgencyIds: r.kabkotaAgencyIds ?? [] })),
    actions: (stored.actions ?? []).map((a) => ({ ...a, budgetLineId: a.budgetLineId ?? null })),
    previousActions: (stored.previousActions ?? []).map((a) => ({
      ...a,
      budgetLineId: a.budgetLineId ?? null,
      overdue: a.overdue ?? (a.targetDate !== null && a.targetDate < date && a.status !== 'selesai'),
    })),
    meeting: {
      ...(stored.meeting ?? live),
      status: live.status,
      revision: live.revision,
      minutesRevision: live.minutesRevision,
      updatedAt: live.updatedAt,
    },
  };
}
