import type { Migration } from './types';

// A record that holds (issue 9): a revision per editable row (optimistic concurrency), the
// revision of a meeting's minutes ("Buka kembali" starts n+1), the snapshot of the minutes taken
// at close, the Terhapus list (undo of deletes) and the log that makes creates idempotent.
// Self-contained: only SQL, no import of code that may change later.

const REVISED_TABLES = [
  'meeting', 'agenda_item', 'attendance', 'decision', 'indicator_review', 'action_item', 'budget_line',
  'action_item_update', 'agency', 'region_profile',
] as const;

export const migration0003: Migration = {
  version: 3,
  name: 'record integrity: revisions, snapshots, trash, request log',
  up(db) {
    for (const table of REVISED_TABLES) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)`);
    }
    db.exec(`
      ALTER TABLE meeting ADD COLUMN minutes_revision INTEGER NOT NULL DEFAULT 1 CHECK (minutes_revision >= 1);

      -- What a closed meeting recorded, frozen at close: later exports and the read-only screens
      -- render this, never live rows. One row per closing; reopening starts the next revision.
      CREATE TABLE meeting_snapshot (
        id             INTEGER PRIMARY KEY,
        meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
        revision       INTEGER NOT NULL,
        closed_at      TEXT NOT NULL,
        minutes_json   TEXT NOT NULL,
        workspace_json TEXT NOT NULL,
        sha256         TEXT NOT NULL,
        UNIQUE (meeting_id, revision)
      ) STRICT;

      -- Deleted rows with everything that went with them, restorable with their original ids.
      CREATE TABLE trash (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL,
        label        TEXT NOT NULL,
        meeting_id   INTEGER,
        payload_json TEXT NOT NULL,
        deleted_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trash_deleted_at ON trash(deleted_at DESC);

      -- Result of each create sent with a client-generated id: a retry returns it unchanged.
      CREATE TABLE request_log (
        request_id  TEXT PRIMARY KEY,
        op          TEXT NOT NULL,
        result_json TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX request_log_created_at ON request_log(created_at);

      CREATE INDEX action_item_update_meeting ON action_item_update(meeting_id);
    `);
  },
};
