import type { Migration } from './types';

// Issue 10 (daftar hadir with NIP): an attendee's NIP (18 bare digits, or '' for someone who is
// not a civil servant) and pangkat/golongan; two Profil daerah switches that print or hide the
// NIP and No. HP columns of Lampiran I and the blank daftar hadir (printed by default).
// Self-contained: only ADD COLUMN, so columns a parallel migration adds are untouched.
export const migration0012: Migration = {
  version: 12,
  name: 'attendee NIP and pangkat/golongan, daftar hadir column switches',
  up(db) {
    db.exec(`
      ALTER TABLE attendance ADD COLUMN nip TEXT NOT NULL DEFAULT ''
        CHECK (nip = '' OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'));
      ALTER TABLE attendance ADD COLUMN rank TEXT NOT NULL DEFAULT '';
      ALTER TABLE region_profile ADD COLUMN attendance_print_nip INTEGER NOT NULL DEFAULT 1 CHECK (attendance_print_nip IN (0,1));
      ALTER TABLE region_profile ADD COLUMN attendance_print_phone INTEGER NOT NULL DEFAULT 1 CHECK (attendance_print_phone IN (0,1));
    `);
  },
};
