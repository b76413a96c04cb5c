import type { Migration } from './types';

// Data dukung (evidence files) and what the instrument expects per indicator. The file bytes live
// in the data folder's content-addressed store (files/ab/abcdef…); a row only names its hash.
// Exactly one owner per file: an indicator in an evaluation year, a meeting, or an RTL.
// Self-contained: the seeded expectations are a frozen copy here, keyed by indicator number so
// they apply to every year's reference set (the user edits them; a later migration never
// rewrites what the user edited).

/** Frozen seed: indicator number → expected evidence. Modest wording; editable in the app. */
const SEED: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['Perda tentang Kabupaten/Kota Layak Anak', 'SK atau Perkada pelaksanaan KLA']],
  [2, ['SK Gugus Tugas KLA', 'Rencana Aksi Daerah (RAD) KLA', 'Profil anak daerah', 'SK kecamatan/desa layak anak']],
  [3, ['Daftar lembaga masyarakat dan dunia usaha yang terlibat', 'Dokumentasi kegiatan bersama']],
  [4, ['Data akta kelahiran anak', 'Dokumentasi layanan akta kelahiran']],
  [5, ['SK atau dokumen pembentukan Forum Anak', 'Dokumentasi kegiatan Forum Anak']],
  [6, ['Daftar sekolah/lembaga pendidikan terkait', 'Dokumentasi kegiatan']],
  [7, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [8, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [9, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [10, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [11, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [12, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [13, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [14, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [15, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [16, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [17, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [18, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [19, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [20, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [21, ['Data anak yang memerlukan perlindungan khusus yang terlayani', 'Laporan layanan UPTD PPA/Dinsos']],
  [22, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [23, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
  [24, ['Data dan laporan pelaksanaan', 'Dokumentasi kegiatan']],
];

export const migration0008: Migration = {
  version: 8,
  name: 'evidence files (data dukung) and expected evidence per indicator',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_expectation (
        id               INTEGER PRIMARY KEY,
        indicator_number INTEGER NOT NULL CHECK (indicator_number BETWEEN 1 AND 99),
        position         INTEGER NOT NULL,
        title            TEXT NOT NULL,
        UNIQUE (indicator_number, position)
      ) STRICT;

      CREATE TABLE evidence (
        id              INTEGER PRIMARY KEY,
        sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size_bytes      INTEGER NOT NULL CHECK (size_bytes > 0),
        media_type      TEXT NOT NULL,
        original_name   TEXT NOT NULL,
        title           TEXT NOT NULL,
        evidence_date   TEXT NOT NULL,
        notes           TEXT NOT NULL DEFAULT '',
        indicator_id    INTEGER REFERENCES indicator(id),
        evaluation_year INTEGER,
        meeting_id      INTEGER REFERENCES meeting(id),
        action_item_id  INTEGER REFERENCES action_item(id),
        expectation_id  INTEGER REFERENCES evidence_expectation(id) ON DELETE SET NULL,
        created_at      TEXT NOT NULL,
        revision        INTEGER NOT NULL DEFAULT 1,
        -- Exactly one owner: an indicator in a year, a meeting, or an RTL.
        CHECK ((indicator_id IS NOT NULL AND evaluation_year IS NOT NULL) + (meeting_id IS NOT NULL) + (action_item_id IS NOT NULL) = 1),
        CHECK ((indicator_id IS NULL) = (evaluation_year IS NULL))
      ) STRICT;
      CREATE INDEX evidence_indicator ON evidence(indicator_id, evaluation_year);
      CREATE INDEX evidence_meeting ON evidence(meeting_id);
      CREATE INDEX evidence_action_item ON evidence(action_item_id);
      CREATE INDEX evidence_sha256 ON evidence(sha256);
      CREATE INDEX evidence_expectation_ref ON evidence(expectation_id);
    `);
    const insert = db.prepare(`INSERT INTO evidence_expectation (indicator_number, position, title) VALUES (?, ?, ?)`);
    for (const [number, titles] of SEED) titles.forEach((title, i) => insert.run(number, i + 1, title));
  },
};
