import type { Migration } from './types';

// The whole data model of the mission in one first schema. Money is INTEGER sen; dates are
// ISO text; reference data (clusters, indicators, bands) is versioned by evaluation year.
export const migration0001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE region_profile (
        id               INTEGER PRIMARY KEY CHECK (id = 1),
        region_type      TEXT NOT NULL DEFAULT 'kabupaten' CHECK (region_type IN ('kabupaten','kota')),
        region_name      TEXT NOT NULL DEFAULT '',
        province         TEXT NOT NULL DEFAULT '',
        time_zone        TEXT NOT NULL DEFAULT 'WIB' CHECK (time_zone IN ('WIB','WITA','WIT')),
        letterhead_lines TEXT NOT NULL DEFAULT '[]',
        logo_data_url    TEXT NOT NULL DEFAULT '',
        paper            TEXT NOT NULL DEFAULT 'A4' CHECK (paper IN ('A4','F4')),
        font_family      TEXT NOT NULL DEFAULT 'Arial',
        font_size_pt     INTEGER NOT NULL DEFAULT 12,
        signing_place    TEXT NOT NULL DEFAULT '',
        target_predikat  TEXT NOT NULL DEFAULT '',
        target_year      INTEGER,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evaluation_year (
        year  INTEGER PRIMARY KEY,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE cluster (
        id       INTEGER PRIMARY KEY,
        year     INTEGER NOT NULL REFERENCES evaluation_year(year) ON DELETE CASCADE,
        code     TEXT NOT NULL,
        name     TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (year, code)
      ) STRICT;

      CREATE TABLE indicator (
        id             INTEGER PRIMARY KEY,
        cluster_id     INTEGER NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
        number         INTEGER NOT NULL,
        name           TEXT NOT NULL,
        usual_agencies TEXT NOT NULL DEFAULT '',
        max_points     REAL,
        UNIQUE (cluster_id, number)
      ) STRICT;

      CREATE TABLE sub_indicator (
        id           INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        code         TEXT NOT NULL,
        name         TEXT NOT NULL,
        max_points   REAL,
        UNIQUE (indicator_id, code)
      ) STRICT;

      CREATE TABLE predikat_band (
        id        INTEGER PRIMARY KEY,
        year      INTEGER NOT NULL REFERENCES evaluation_year(year) ON DELETE CASCADE,
        name      TEXT NOT NULL,
        min_score REAL NOT NULL,
        max_score REAL NOT NULL,
        UNIQUE (year, name)
      ) STRICT;

      -- Scores of the region per evaluation year and stage (EM, VA, FINAL) ...
      CREATE TABLE year_score (
        year  INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('EM','VA','FINAL')),
        total REAL NOT NULL CHECK (total BETWEEN 0 AND 1000),
        PRIMARY KEY (year, stage)
      ) STRICT;

      -- ... and per indicator, where the region has them.
      CREATE TABLE indicator_score (
        year         INTEGER NOT NULL,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        stage        TEXT NOT NULL CHECK (stage IN ('EM','VA','FINAL')),
        score        REAL NOT NULL CHECK (score >= 0),
        PRIMARY KEY (year, indicator_id, stage)
      ) STRICT;

      CREATE TABLE agency (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('opd','vertikal','mitra')),
        partner_type TEXT NOT NULL DEFAULT '',
        name         TEXT NOT NULL,
        abbreviation TEXT NOT NULL DEFAULT '',
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX agency_abbreviation ON agency(lower(abbreviation)) WHERE abbreviation <> '';

      CREATE TABLE meeting (
        id              INTEGER PRIMARY KEY,
        title           TEXT NOT NULL,
        date            TEXT NOT NULL,
        start_time      TEXT NOT NULL,
        end_time        TEXT,
        time_zone       TEXT NOT NULL CHECK (time_zone IN ('WIB','WITA','WIT')),
        place           TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'draf' CHECK (status IN ('draf','berlangsung','selesai')),
        chair_name      TEXT NOT NULL DEFAULT '',
        chair_position  TEXT NOT NULL DEFAULT '',
        chair_rank      TEXT NOT NULL DEFAULT '',
        chair_nip       TEXT NOT NULL DEFAULT '',
        notulis_name     TEXT NOT NULL DEFAULT '',
        notulis_position TEXT NOT NULL DEFAULT '',
        notulis_rank     TEXT NOT NULL DEFAULT '',
        notulis_nip      TEXT NOT NULL DEFAULT '',
        opening_notes   TEXT NOT NULL DEFAULT '',
        closing_notes   TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_date ON meeting(date DESC);

      CREATE TABLE meeting_cluster (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        cluster_id INTEGER NOT NULL REFERENCES cluster(id),
        PRIMARY KEY (meeting_id, cluster_id)
      ) STRICT;

      CREATE TABLE meeting_invitation (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        agency_id  INTEGER NOT NULL REFERENCES agency(id),
        PRIMARY KEY (meeting_id, agency_id)
      ) STRICT;

      CREATE TABLE agenda_item (
        id         INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        notes      TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

      CREATE TABLE attendance (
        id          INTEGER PRIMARY KEY,
        meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        job_title   TEXT NOT NULL DEFAULT '',
        agency_id   INTEGER REFERENCES agency(id),
        agency_text TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        present     INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0,1)),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attendance_meeting ON attendance(meeting_id, position);

      CREATE TABLE decision (
        id         INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decision_meeting ON decision(meeting_id, position);

      CREATE TABLE indicator_review (
        id             INTEGER PRIMARY KEY,
        meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        indicator_id   INTEGER NOT NULL REFERENCES indicator(id),
        achievement    TEXT NOT NULL DEFAULT '',
        score          REAL,
        is_weak        INTEGER NOT NULL DEFAULT 0 CHECK (is_weak IN (0,1)),
        problem        TEXT NOT NULL DEFAULT '',
        recommendation TEXT NOT NULL DEFAULT '',
        UNIQUE (meeting_id, indicator_id)
      ) STRICT;

      CREATE TABLE assignment (
        id           INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        agency_id    INTEGER NOT NULL REFERENCES agency(id),
        role         TEXT NOT NULL CHECK (role IN ('lead','support')),
        meeting_id   INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
        UNIQUE (indicator_id, agency_id)
      ) STRICT;

      CREATE TABLE budget_line (
        id                INTEGER PRIMARY KEY,
        agency_id         INTEGER NOT NULL REFERENCES agency(id),
        indicator_id      INTEGER REFERENCES indicator(id) ON DELETE SET NULL,
        meeting_id        INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
        sub_activity_code TEXT NOT NULL DEFAULT '',
        activity_name     TEXT NOT NULL DEFAULT '',
        funding_source    TEXT NOT NULL DEFAULT '',
        fiscal_year       INTEGER NOT NULL,
        allocation_sen    INTEGER NOT NULL CHECK (allocation_sen >= 0),
        realization_sen   INTEGER NOT NULL DEFAULT 0 CHECK (realization_sen >= 0),
        child_responsive  INTEGER NOT NULL DEFAULT 1 CHECK (child_responsive IN (0,1)),
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX budget_line_agency ON budget_line(agency_id, fiscal_year);
      CREATE INDEX budget_line_indicator ON budget_line(indicator_id);
      CREATE INDEX budget_line_meeting ON budget_line(meeting_id);

      CREATE TABLE action_item (
        id              INTEGER PRIMARY KEY,
        meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        indicator_id    INTEGER REFERENCES indicator(id) ON DELETE SET NULL,
        problem         TEXT NOT NULL DEFAULT '',
        description     TEXT NOT NULL,
        lead_agency_id  INTEGER REFERENCES agency(id),
        target_date     TEXT,
        funding_source  TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum','proses','selesai')),
        notes           TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_item_meeting ON action_item(meeting_id);
      CREATE INDEX action_item_status ON action_item(status);

      CREATE TABLE action_item_agency (
        action_item_id INTEGER NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,
        agency_id      INTEGER NOT NULL REFERENCES agency(id),
        PRIMARY KEY (action_item_id, agency_id)
      ) STRICT;

      -- A status change of an RTL recorded at a later meeting: the history of what changed when.
      CREATE TABLE action_item_update (
        id             INTEGER PRIMARY KEY,
        action_item_id INTEGER NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,
        meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        status         TEXT NOT NULL CHECK (status IN ('belum','proses','selesai')),
        notes          TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL,
        UNIQUE (action_item_id, meeting_id)
      ) STRICT;
    `);
    db.prepare(`INSERT INTO region_profile (id, updated_at) VALUES (1, ?)`).run(new Date().toISOString());
  },
};
