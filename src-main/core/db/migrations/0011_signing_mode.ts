import type { Migration } from './types';

// Issue 10, signatories (tata naskah dinas): how the notulen is signed is a choice of the
// region, kept in the profile. signing_mode: 'chair' = the pimpinan rapat signs in their own
// name (what every notulen printed so far), 'onBehalf' = "a.n. <jabatan kepala>" above the
// chair's jabatan, 'onBehalfVia' = "a.n. <jabatan kepala>", the official the head delegated to
// (sign_via_position, e.g. "Sekretaris,"), "u.b." and the chair's jabatan, 'head' = the head of
// office signs as pimpinan. sign_acknowledge adds the head's "Mengetahui" block under the two.
// The defaults keep every existing notulen as it was.
// Self-contained: touches only the three new columns.
export const migration0011: Migration = {
  version: 11,
  name: 'signing mode and Mengetahui block in the region profile',
  up(db) {
    db.exec(`
      ALTER TABLE region_profile ADD COLUMN signing_mode TEXT NOT NULL DEFAULT 'chair'
        CHECK (signing_mode IN ('chair','onBehalf','onBehalfVia','head'));
      ALTER TABLE region_profile ADD COLUMN sign_via_position TEXT NOT NULL DEFAULT '';
      ALTER TABLE region_profile ADD COLUMN sign_acknowledge INTEGER NOT NULL DEFAULT 0
        CHECK (sign_acknowledge IN (0,1));
    `);
  },
};
