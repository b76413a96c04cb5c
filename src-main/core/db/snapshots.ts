import type { Db } from './database';

// The meeting_snapshot table: what a closed meeting recorded, frozen at close (see
// ../snapshot/close.ts). Plain storage here, so that both the export (minutes) and the
// workspace read (meeting.get) can read it without importing each other.

export interface SnapshotRow {
  id: number;
  meetingId: number;
  revision: number;
  closedAt: string;
  minutesJson: string;
  workspaceJson: string;
  sha256: string;
}

/** The snapshot of the meeting's latest closing, if it was ever closed. */
export function latestSnapshot(db: Db, meetingId: number): SnapshotRow | undefined {
  return db
    .prepare(
      `SELECT id, meeting_id AS meetingId, revision, closed_at AS closedAt, minutes_json AS minutesJson,
         workspace_json AS workspaceJson, sha256 FROM meeting_snapshot WHERE meeting_id = ? ORDER BY revision DESC LIMIT 1`,
    )
    .get(meetingId) as SnapshotRow | undefined;
}

/** The snapshot a closed meeting's reads render; undefined for an open meeting. */
export function frozenSnapshot(db: Db, meetingId: number): SnapshotRow | undefined {
  const row = db.prepare(`SELECT status FROM meeting WHERE id = ?`).get(meetingId) as { status: string } | undefined;
  return row?.status === 'selesai' ? latestSnapshot(db, meetingId) : undefined;
}
