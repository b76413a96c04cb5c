import type { Migration } from './types';

// RTL tracker (issue 11): a status change recorded outside any meeting (the secretariat hears
// that an OPD finished an RTL between rakor). Append-only like action_item_update: each change
// is one row with the date it happened; "status as of meeting X" counts changes dated on or
// before X's date (follow-up/status.ts). Its own table rather than a nullable meeting_id on
// action_item_update, so the UNIQUE (RTL, meeting) and every meeting join there stay as they are.
// Self-contained: touches no column a parallel migration adds.
export const migration0007: Migration = {
  version: 7,
  name: 'RTL status changes outside meetings, tracker indexes',
  up(db) {
    db.exec(`
      CREATE TABLE action_status_change (
        id             INTEGER PRIMARY KEY,
        action_item_id INTEGER NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,
        date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status         TEXT NOT NULL CHECK (status IN ('belum','proses','selesai')),
        notes          TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_status_change_action ON action_status_change(action_item_id, date, id);
      -- The tracker reads every RTL's latest follow-up: by RTL, then through the meeting's order.
      CREATE INDEX action_item_update_action ON action_item_update(action_item_id, meeting_id, status);
      CREATE INDEX meeting_order ON meeting(date, start_time, id);
      CREATE INDEX action_item_agency_agency ON action_item_agency(agency_id, action_item_id);
      CREATE INDEX action_item_lead ON action_item(lead_agency_id);
    `);
  },
};
