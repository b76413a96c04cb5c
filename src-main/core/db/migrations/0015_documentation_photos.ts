import type { Migration } from './types';

// Lampiran Dokumentasi of the notulen (issue 13, item 6): which photos of a meeting's own data
// dukung go into it, in which order, under which caption. Kept on the evidence row itself, so a
// photo sent to Terhapus leaves the selection with it and comes back with it when restored.
// NULL position = not chosen. Only a meeting's PNG/JPEG can be chosen (the CHECK says so too).
// Self-contained: touches no column a parallel migration adds.

export const migration0015: Migration = {
  version: 15,
  name: 'photos of a meeting chosen for the Lampiran Dokumentasi of its notulen',
  up(db) {
    db.exec(`
      ALTER TABLE evidence ADD COLUMN documentation_position INTEGER
        CHECK (documentation_position IS NULL OR (documentation_position > 0 AND meeting_id IS NOT NULL AND media_type IN ('image/png', 'image/jpeg')));
      ALTER TABLE evidence ADD COLUMN documentation_caption TEXT NOT NULL DEFAULT '';
    `);
  },
};
