import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, schemaVersionOf } from '../../src-main/core/db/database';
import { openChecked } from '../../src-main/core/db/open-checked';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/core/db/migrations';
import { AppError } from '../../shared/errors';
import { fileSha, tempDir } from '../support/backup-helpers';

// One test per migration: the fixture written by the schema just before it (tests/fixtures,
// built by scripts/make-fixtures.ts) opens in this build and upgrades with every row intact.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const fixture = (version: number) => path.join(FIXTURES, `schema-v${version}.sqlite`);

type Rows = Record<string, Record<string, unknown>[]>;

/** Tables a migration rewrites on purpose, with the test that checks how. */
const REWRITES: Record<number, { tables: string[]; testedIn: string }> = {
  5: { tables: ['indicator', 'sub_indicator'], testedIn: 'tests/database/score-stage-and-seed-wording-migrations.test.ts' },
  9: { tables: ['indicator'], testedIn: 'tests/database/score-stage-and-seed-wording-migrations.test.ts' },
  // Matched names leave the text for links (see 'migration 13' below).
  13: { tables: ['indicator'], testedIn: 'tests/database/migrations.test.ts' },
};

function readAll(file: string): Rows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
}

function copyOf(version: number): string {
  const dir = tempDir('rakor-migrasi-');
  const file = path.join(dir, 'rakor-kla.sqlite');
  fs.copyFileSync(fixture(version), file);
  return file;
}

describe('migrations from fixtures', () => {
  it('has a fixture for every schema version (run: npx tsx scripts/make-fixtures.ts)', () => {
    for (const { version: v } of MIGRATIONS) expect(fs.existsSync(fixture(v)), `tests/fixtures/schema-v${v}.sqlite`).toBe(true);
  });

  for (const migration of MIGRATIONS) {
    // The version before this one in the list (a branch's migration may leave a gap until merged).
    const from = MIGRATIONS[MIGRATIONS.indexOf(migration) - 1]?.version ?? 0;
    it(`migration ${migration.version} (${migration.name}) upgrades a v${from} database with its data intact`, () => {
      const file = from === 0 ? path.join(tempDir('rakor-migrasi-'), 'rakor-kla.sqlite') : copyOf(from);
      const before = from === 0 ? {} : readAll(file);
      // The comparison below proves something only if the old file holds rows in its tables.
      if (from > 0) for (const [table, rows] of Object.entries(before)) expect(rows.length, `${table} in schema-v${from}.sqlite`).toBeGreaterThan(0);
      // Up to this migration only: a later one may change rows on purpose (migration 5 rewords
      // the seed where the user has not), and has its own test.
      const upTo = MIGRATIONS.filter((m) => m.version <= migration.version);
      const result = openChecked(file, upTo);
      expect(result.kind).toBe('ok');
      if (result.kind !== 'ok') return;
      const db = result.db;
      try {
        expect(schemaVersionOf(db)).toBe(migration.version);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect((db.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check).toBe('ok');
        // Every row the old version held is still there, column for column.
        for (const [table, rows] of Object.entries(before)) {
          if (table === 'schema_migrations' || REWRITES[migration.version]?.tables.includes(table)) continue;
          const columns = rows[0] ? Object.keys(rows[0]) : [];
          const after = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ') || '1'} FROM "${table}"`).all() as Record<string, unknown>[];
          const present = new Set(after.map((r) => JSON.stringify(r)));
          for (const row of rows) expect(present.has(JSON.stringify(row)), `${table}: ${JSON.stringify(row)}`).toBe(true);
        }
        const migrated = (db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).all() as { version: number }[]).map((r) => r.version);
        expect(migrated).toEqual(upTo.map((m) => m.version));
      } finally {
        db.close();
      }
    });
  }

  it('migration 10 numbers existing pihak terkait in their old order and leaves every RTL unfunded', () => {
    const file = copyOf(9);
    const raw = new Database(file);
    const action = raw.prepare(`SELECT id FROM action_item LIMIT 1`).get() as { id: number };
    const [first] = raw.prepare(`SELECT id FROM agency ORDER BY id LIMIT 1`).all() as { id: number }[];
    raw.prepare(`INSERT OR IGNORE INTO action_item_agency (action_item_id, agency_id) VALUES (?, ?)`).run(action.id, first.id);
    const before = (raw.prepare(`SELECT agency_id FROM action_item_agency WHERE action_item_id = ? ORDER BY agency_id`).all(action.id) as { agency_id: number }[]).map((r) => r.agency_id);
    raw.close();
    expect(before.length).toBeGreaterThan(1);
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 10));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    try {
      const after = result.db.prepare(`SELECT agency_id, position FROM action_item_agency WHERE action_item_id = ? ORDER BY position`).all(action.id) as { agency_id: number; position: number }[];
      expect(after).toEqual(before.map((agency_id, i) => ({ agency_id, position: i + 1 })));
      expect(result.db.prepare(`SELECT count(*) AS n FROM action_item WHERE budget_line_id IS NOT NULL`).get()).toEqual({ n: 0 });
      // The link lets go of a deleted budget line instead of blocking the delete.
      const line = result.db.prepare(`SELECT id FROM budget_line LIMIT 1`).get() as { id: number };
      result.db.prepare(`UPDATE action_item SET budget_line_id = ? WHERE id = ?`).run(line.id, action.id);
      result.db.prepare(`DELETE FROM budget_line WHERE id = ?`).run(line.id);
      expect(result.db.prepare(`SELECT budget_line_id AS b FROM action_item WHERE id = ?`).get(action.id)).toEqual({ b: null });
    } finally {
      result.db.close();
    }
  });

  it('migration 14 derives the current status of every RTL already in the file', () => {
    const file = copyOf(13);
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 14));
    if (result.kind !== 'ok') throw new Error(result.kind);
    try {
      // The v10 fixture's RTL: proses at a later meeting (2021-08-05), then selesai outside on 15 August.
      const rows = result.db.prepare(`SELECT a.id, s.status, s.last_date AS d, s.last_notes AS n FROM action_item a
        LEFT JOIN action_current_status s ON s.action_item_id = a.id`).all();
      expect(rows).toEqual([{ id: expect.any(Number), status: 'selesai', d: '2021-08-15', n: 'Laporan OPD' }]);
    } finally {
      result.db.close();
    }
  });

  it('migration 15 adds the Lampiran Dokumentasi choice: nothing chosen, and only a meeting\'s photo can be', () => {
    const file = copyOf(14);
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 15));
    if (result.kind !== 'ok') throw new Error(result.kind);
    try {
      const db = result.db;
      expect(db.prepare(`SELECT media_type AS t, documentation_position AS p, documentation_caption AS c FROM evidence ORDER BY id`).all()).toEqual([
        { t: 'application/pdf', p: null, c: '' },
        { t: 'image/jpeg', p: null, c: '' },
      ]);
      db.prepare(`UPDATE evidence SET documentation_position = 1, documentation_caption = 'Suasana' WHERE media_type = 'image/jpeg'`).run();
      // The PDF of an indicator is neither a photo nor a meeting's.
      expect(() => db.prepare(`UPDATE evidence SET documentation_position = 2 WHERE media_type = 'application/pdf'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE evidence SET documentation_position = 0 WHERE media_type = 'image/jpeg'`).run()).toThrow(/CHECK/);
    } finally {
      result.db.close();
    }
  });

  it('a new database starts with the seeded agencies, a partner type only on the mitra', () => {
    const db = openDatabase(path.join(tempDir(), 'baru.sqlite'));
    try {
      const rows = db.prepare(`SELECT kind, partner_type AS partnerType, abbreviation FROM agency ORDER BY id`).all() as { kind: string; partnerType: string; abbreviation: string }[];
      expect(rows.length).toBeGreaterThan(30);
      for (const row of rows) expect(row.partnerType === '', row.abbreviation).toBe(row.kind !== 'mitra');
      expect(rows.find((r) => r.abbreviation === 'FAD')?.partnerType).toBe('forum_anak');
    } finally {
      db.close();
    }
  });

  it('the fixtures hold representative rows in every table', () => {
    const rows = readAll(fixture(SCHEMA_VERSION));
    for (const [table, list] of Object.entries(rows)) expect(list.length, table).toBeGreaterThan(0);
  });

  it('refuses a database from a newer version and leaves the file byte-identical', () => {
    const file = copyOf(SCHEMA_VERSION);
    const raw = new Database(file);
    raw.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'dari versi baru', '2030-01-01')`).run(SCHEMA_VERSION + 1);
    raw.close();
    const sha = fileSha(file);
    const listing = fs.readdirSync(path.dirname(file)).sort();
    let error: unknown;
    try {
      openChecked(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
    expect(() => openDatabase(file)).toThrow(AppError);
    expect(fileSha(file)).toBe(sha);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(listing);
  });
});

describe('migration 12: attendee NIP and pangkat, daftar hadir column switches', () => {
  it('gives every old attendee an empty NIP and pangkat, prints both columns, and refuses a malformed NIP in the table itself', () => {
    const file = copyOf(11);
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 12));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    const db = result.db;
    try {
      const rows = db.prepare(`SELECT name, nip, rank FROM attendance`).all();
      expect(rows).toEqual([{ name: 'Budi', nip: '', rank: '' }]);
      expect(db.prepare(`SELECT attendance_print_nip AS nip, attendance_print_phone AS phone FROM region_profile`).get()).toEqual({ nip: 1, phone: 1 });
      // The core validates first; the CHECK is the last line for anything that bypasses it.
      expect(() => db.prepare(`UPDATE attendance SET nip = '1980 0101'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE attendance SET nip = '19800101200501100A'`).run()).toThrow(/CHECK/);
      db.prepare(`UPDATE attendance SET nip = '198001012005011001'`).run();
      expect(db.prepare(`SELECT nip FROM attendance`).get()).toEqual({ nip: '198001012005011001' });
    } finally {
      db.close();
    }
  });
});

describe('migration 13: usual agencies of an indicator as links', () => {
  it('links the written names that surely name one agency, in order, and keeps the rest as text', () => {
    const file = copyOf(12);
    const raw = new Database(file);
    const cluster = (raw.prepare(`SELECT cluster_id AS id FROM indicator LIMIT 1`).get() as { id: number }).id;
    const add = raw.prepare(`INSERT INTO indicator (cluster_id, number, name, usual_agencies, max_points) VALUES (?, ?, ?, ?, NULL)`);
    const mixed = Number(add.run(cluster, 90, 'Indikator campuran', 'DP3A (Forum Anak), Bagian Hukum; BNN dan Dinas Antah Berantah').lastInsertRowid);
    const perkim = Number(add.run(cluster, 91, 'Ruang publik', 'PUPR/Perkim, d.i.n.k.e.s').lastInsertRowid);
    const empty = Number(add.run(cluster, 92, 'Tanpa instansi', '').lastInsertRowid);
    raw.close();
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 13));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    const db = result.db;
    try {
      const links = (indicatorId: number) => (db.prepare(
        `SELECT coalesce(nullif(a.abbreviation, ''), a.name) AS label FROM indicator_agency x JOIN agency a ON a.id = x.agency_id WHERE x.indicator_id = ? ORDER BY x.position`,
      ).all(indicatorId) as { label: string }[]).map((r) => r.label);
      const text = (indicatorId: number) => (db.prepare(`SELECT usual_agencies AS t FROM indicator WHERE id = ?`).get(indicatorId) as { t: string }).t;
      // "Bagian Hukum" and "BNN" name Bag. Hukum and BNNK (the only agency each begins or is part of);
      // "Forum Anak" fits two agencies in this file (the seeded one and the fixture's): not guessed.
      expect(links(mixed)).toEqual(['DP3A', 'Bag. Hukum', 'BNNK']);
      expect(text(mixed)).toBe('Forum Anak, Dinas Antah Berantah');
      expect(links(perkim)).toEqual(['PUPR', 'Perkim', 'Dinkes']);
      expect(text(perkim)).toBe('');
      expect(links(empty)).toEqual([]);
      // The seeded indicators of a fresh install: every written name matched (the issue's "never matches"
      // list included) but Kesbangpol, which is not among the seeded agencies: left for the user to add.
      const leftovers = db.prepare(`SELECT number, usual_agencies AS t FROM indicator WHERE usual_agencies <> '' AND number < 90`).all();
      expect(leftovers).toEqual([{ number: 23, t: 'Kesbangpol' }]);
    } finally {
      db.close();
    }
  });

  it('matches only what is sure: P3 spelled out, exact short names, no guess from two letters or a short part of a name', () => {
    const file = copyOf(12);
    const raw = new Database(file);
    const cluster = (raw.prepare(`SELECT cluster_id AS id FROM indicator LIMIT 1`).get() as { id: number }).id;
    // An agency entered without an abbreviation: a piece with no letters must not "match" its empty one.
    raw.prepare(`INSERT INTO agency (kind, partner_type, name, abbreviation, created_at, updated_at) VALUES ('mitra', '', 'Yayasan Peduli Anak', '', 'x', 'x')`).run();
    // A name that is part of another's: "Dinas Kesehatan" is still Dinkes by its exact name.
    raw.prepare(`INSERT INTO agency (kind, partner_type, name, abbreviation, created_at, updated_at) VALUES ('opd', '', 'Dinas Kesehatan Hewan', 'Keswan', 'x', 'x')`).run();
    const written = 'DPPPA, Dinkes; Dinas Kesehatan & Pengadilan Negeri, PA, AP, Resor, Statis, Lembaga Antah, -';
    const id = Number(raw.prepare(`INSERT INTO indicator (cluster_id, number, name, usual_agencies, max_points) VALUES (?, 93, 'Uji', ?, NULL)`).run(cluster, written).lastInsertRowid);
    raw.close();
    const result = openChecked(file, MIGRATIONS.filter((m) => m.version <= 13));
    if (result.kind !== 'ok') throw new Error(result.kind);
    const db = result.db;
    try {
      // Positions run 1, 2, 3… in the order written; "Dinas Kesehatan" names Dinkes again and takes no place.
      expect(db.prepare(
        `SELECT a.abbreviation AS label, x.position FROM indicator_agency x JOIN agency a ON a.id = x.agency_id WHERE x.indicator_id = ? ORDER BY x.position`,
      ).all(id)).toEqual([
        { label: 'DP3A', position: 1 }, { label: 'Dinkes', position: 2 }, { label: 'PN', position: 3 }, { label: 'PA', position: 4 }, { label: 'BPS', position: 5 },
      ]);
      // Two letters begin APSAI and "Resor" is part of one name only: too short to be sure, kept as written.
      expect(db.prepare(`SELECT usual_agencies AS t FROM indicator WHERE id = ?`).pluck().get(id)).toBe('AP, Resor, Lembaga Antah, -');
    } finally {
      db.close();
    }
  });
});
