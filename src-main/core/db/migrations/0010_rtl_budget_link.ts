import type { Migration } from './types';

// Issue 10/15, Pembahasan: an RTL can name the budget line that funds it (the notulen's RTL matrix
// prints it as "Sumber anggaran"), and its "pihak terkait" keep the order the notulis chose.
// - action_item.budget_line_id: ON DELETE SET NULL, so a budget line moved to Terhapus leaves its
//   RTLs unfunded rather than pointing nowhere (a restore links them back: db/trash-store.ts).
// - action_item_agency.position: existing rows keep the order they were shown in so far (by
//   agency id), numbered from 1.
// - indicator_review_agency: at province level (issue 15), the kab/kota a weak indicator is
//   attributed to, in the order chosen (agencies of kind 'kabkota'; the kind is checked by the app).
// Self-contained: touches only these tables.
export const migration0010: Migration = {
  version: 10,
  name: 'RTL funded by a budget line, pihak terkait in the order chosen, kab/kota of an indicator review',
  up(db) {
    db.exec(`
      ALTER TABLE action_item ADD COLUMN budget_line_id INTEGER REFERENCES budget_line(id) ON DELETE SET NULL;
      CREATE INDEX action_item_budget_line ON action_item(budget_line_id);
      ALTER TABLE action_item_agency ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      UPDATE action_item_agency SET position = (
        SELECT count(*) FROM action_item_agency o
        WHERE o.action_item_id = action_item_agency.action_item_id AND o.agency_id <= action_item_agency.agency_id
      );
      CREATE TABLE indicator_review_agency (
        review_id INTEGER NOT NULL REFERENCES indicator_review(id) ON DELETE CASCADE,
        agency_id INTEGER NOT NULL REFERENCES agency(id),
        position  INTEGER NOT NULL,
        PRIMARY KEY (review_id, agency_id)
      ) STRICT;
      CREATE INDEX indicator_review_agency_agency ON indicator_review_agency(agency_id);
    `);
  },
};
