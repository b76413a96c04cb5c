import type { Migration } from './types';

// Four evaluation stages instead of three: the ministry's central review (verifikasi pusat)
// sits between the province's VA and the field verification. SQLite cannot alter a CHECK, so
// the two score tables are rebuilt with their rows copied. Also: scores per sub-indicator, the
// award year of each evaluation year (the 2025 award uses the 2024 evaluation), and the
// region's current predikat next to its target. Self-contained: it touches no column that a
// later or parallel migration adds.
export const migration0004: Migration = {
  version: 4,
  name: 'verifikasi pusat stage, sub-indicator scores, award year, current predikat, budget recap index',
  up(db) {
    db.exec(`
      CREATE TABLE year_score_v4 (
        year  INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('EM','VA','PUSAT','FINAL')),
        total REAL NOT NULL CHECK (total BETWEEN 0 AND 1000),
        PRIMARY KEY (year, stage)
      ) STRICT;
      INSERT INTO year_score_v4 (year, stage, total) SELECT year, stage, total FROM year_score;
      DROP TABLE year_score;
      ALTER TABLE year_score_v4 RENAME TO year_score;

      CREATE TABLE indicator_score_v4 (
        year         INTEGER NOT NULL,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        stage        TEXT NOT NULL CHECK (stage IN ('EM','VA','PUSAT','FINAL')),
        score        REAL NOT NULL CHECK (score >= 0),
        PRIMARY KEY (year, indicator_id, stage)
      ) STRICT;
      INSERT INTO indicator_score_v4 (year, indicator_id, stage, score) SELECT year, indicator_id, stage, score FROM indicator_score;
      DROP TABLE indicator_score;
      ALTER TABLE indicator_score_v4 RENAME TO indicator_score;
      CREATE INDEX indicator_score_indicator ON indicator_score(indicator_id);

      CREATE TABLE sub_indicator_score (
        year             INTEGER NOT NULL,
        sub_indicator_id INTEGER NOT NULL REFERENCES sub_indicator(id) ON DELETE CASCADE,
        stage            TEXT NOT NULL CHECK (stage IN ('EM','VA','PUSAT','FINAL')),
        score            REAL NOT NULL CHECK (score >= 0),
        PRIMARY KEY (year, sub_indicator_id, stage)
      ) STRICT;
      CREATE INDEX sub_indicator_score_sub ON sub_indicator_score(sub_indicator_id);

      -- Only years whose award year differs from the usual evaluation year + 1 need a row, but
      -- the user may store it explicitly too.
      CREATE TABLE evaluation_cycle (
        year       INTEGER PRIMARY KEY,
        award_year INTEGER NOT NULL CHECK (award_year BETWEEN 2000 AND 2101)
      ) STRICT;

      -- Rekap anggaran reads only these columns of every line: a covering index is a fraction of
      -- the table to scan, and one year's recap becomes a range of it.
      CREATE INDEX budget_line_recap ON budget_line(fiscal_year, agency_id, indicator_id, funding_source, allocation_sen, realization_sen);

      ALTER TABLE region_profile ADD COLUMN current_predikat TEXT NOT NULL DEFAULT '';
      ALTER TABLE region_profile ADD COLUMN current_predikat_year INTEGER;
    `);
  },
};
