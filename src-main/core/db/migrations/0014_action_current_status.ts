import type { Migration } from './types';

// RTL tracker speed (issue 11): every RTL's current status, kept in a derived table by triggers,
// so the tracker reads one indexed row per RTL instead of ranking all follow-ups and outside
// changes on every call. Derived, never authoritative: the history stays in action_item.status,
// action_item_update and action_status_change (see follow-up/status.ts); the table can be
// rebuilt from them at any time (the INSERT at the end does exactly that).
//
// The current status is the latest event (follow-up at a meeting, or change outside any
// meeting), ordered by date; on one date an outside change before a meeting's follow-up;
// meetings of one date by start time, then id; else the RTL's own status. The same order as
// LATEST_EVENT in follow-up/status.ts, copied here because a migration is frozen.
//
// No foreign key: a cascade deleting an RTL's follow-ups fires their triggers while the RTL is
// going; the recompute only writes for an RTL that still exists, and the RTL's own delete
// trigger removes its row.
// Self-contained: touches no column a parallel migration adds.

/** Recomputes the row of every RTL whose id the SELECT `ids` yields. */
const recompute = (ids: string) => `
  INSERT OR REPLACE INTO action_current_status (action_item_id, status, last_date, last_notes, target_date)
  SELECT id, coalesce(json_extract(e, '$[0]'), own), json_extract(e, '$[1]'), json_extract(e, '$[2]'), target_date FROM (
    SELECT a.id, a.status AS own, a.target_date, (SELECT json_array(s, d, n) FROM (
        SELECT um.date AS d, 1 AS k, um.start_time AS t, um.id AS i, u.status AS s, u.notes AS n
          FROM action_item_update u JOIN meeting um ON um.id = u.meeting_id WHERE u.action_item_id = a.id
        UNION ALL
        SELECT c.date, 0, '', c.id, c.status, c.notes FROM action_status_change c WHERE c.action_item_id = a.id)
      ORDER BY d DESC, k DESC, t DESC, i DESC LIMIT 1) AS e
    FROM action_item a WHERE a.id IN (${ids}));`;

export const migration0014: Migration = {
  version: 14,
  name: 'RTL current status kept by triggers, tracker indexes',
  up(db) {
    db.exec(`
      CREATE TABLE action_current_status (
        action_item_id INTEGER PRIMARY KEY,
        status         TEXT NOT NULL CHECK (status IN ('belum','proses','selesai')),
        last_date      TEXT,
        last_notes     TEXT,
        -- The RTL's target date, copied so the tracker's counts (per status, overdue) read this
        -- table's index alone instead of visiting 30,000 RTL rows.
        target_date    TEXT
      ) STRICT;
      CREATE INDEX action_current_status_counts ON action_current_status(status, target_date);
      -- The tracker's default order (target date, undated last, then id) read straight off an index.
      CREATE INDEX action_item_target_order ON action_item(target_date IS NULL, target_date, id);
      -- The klaster and indikator filters: RTLs by indicator (those without one by meeting).
      CREATE INDEX action_item_indicator ON action_item(indicator_id, meeting_id);

      CREATE TRIGGER action_current_status_ai AFTER INSERT ON action_item BEGIN ${recompute('NEW.id')} END;
      CREATE TRIGGER action_current_status_au AFTER UPDATE OF status, target_date ON action_item BEGIN ${recompute('NEW.id')} END;
      CREATE TRIGGER action_current_status_ad AFTER DELETE ON action_item BEGIN
        DELETE FROM action_current_status WHERE action_item_id = OLD.id;
      END;
      CREATE TRIGGER action_current_status_ui AFTER INSERT ON action_item_update BEGIN ${recompute('NEW.action_item_id')} END;
      CREATE TRIGGER action_current_status_uu AFTER UPDATE ON action_item_update BEGIN ${recompute('NEW.action_item_id, OLD.action_item_id')} END;
      CREATE TRIGGER action_current_status_ud AFTER DELETE ON action_item_update BEGIN ${recompute('OLD.action_item_id')} END;
      CREATE TRIGGER action_current_status_ci AFTER INSERT ON action_status_change BEGIN ${recompute('NEW.action_item_id')} END;
      CREATE TRIGGER action_current_status_cu AFTER UPDATE ON action_status_change BEGIN ${recompute('NEW.action_item_id, OLD.action_item_id')} END;
      CREATE TRIGGER action_current_status_cd AFTER DELETE ON action_status_change BEGIN ${recompute('OLD.action_item_id')} END;
      -- A meeting moved in time reorders the follow-ups recorded at it.
      CREATE TRIGGER action_current_status_mu AFTER UPDATE OF date, start_time ON meeting BEGIN
        ${recompute('SELECT action_item_id FROM action_item_update WHERE meeting_id = NEW.id')}
      END;
    `);
    db.exec(recompute('SELECT id FROM action_item'));
  },
};
