import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso, regionToday } from '../../src-main/core/db/clock';
import {
  databasePath, DB_FILE_NAME, migrate, openDatabase, openDatabaseReadOnly, schemaVersionOf, SCHEMA_VERSION, type Db,
} from '../../src-main/core/db/database';
import { checkHealth, rowCounts, userTables } from '../../src-main/core/db/health';
import { assertAgencyExists, assertIndicatorExists, likePattern, meetingIdOfRow, nextPosition, reorderRows } from '../../src-main/core/db/rows';
import { AppError } from '../../shared/errors';
import type { Migration } from '../../src-main/core/db/migrations/types';
import { tempDir } from '../support/backup-helpers';

// The database helpers every feature stands on, against real SQLite files. Small hand-made
// migrations keep most of these fast; one file gets the real schema for the row helpers.

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not throw');
}

const tiny: Migration[] = [
  { version: 1, name: 'one', up: (db) => db.exec(`CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT`) },
  { version: 2, name: 'two', up: (db) => db.exec(`CREATE TABLE "odd ""name""" (x INTEGER) STRICT; INSERT INTO note (text) VALUES ('a'), ('b')`) },
];

describe('opening and migrating', () => {
  it('names the file and reports a new file as version 0', () => {
    expect(DB_FILE_NAME).toBe('rakor-kla.sqlite');
    expect(databasePath(path.join('data', 'x'))).toBe(path.join('data', 'x', 'rakor-kla.sqlite'));
    const db = new Database(':memory:');
    expect(schemaVersionOf(db)).toBe(0);
    db.close();
  });

  it('applies only pending migrations, each recorded with its name and the user_version', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const db = openDatabase(file, tiny.slice(0, 1));
    expect(schemaVersionOf(db)).toBe(1);
    expect(migrate(db, tiny)).toEqual([2]);
    expect(migrate(db, tiny)).toEqual([]);
    const rows = db.prepare(`SELECT version, name, applied_at AS at FROM schema_migrations ORDER BY version`).all() as { version: number; name: string; at: string }[];
    expect(rows.map((r) => [r.version, r.name])).toEqual([[1, 'one'], [2, 'two']]);
    expect(rows[1].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    // With nothing to apply, nothing is written: not even the bookkeeping table.
    const empty = openDatabase(path.join(tempDir(), 'kosong.sqlite'), []);
    expect(migrate(empty, [])).toEqual([]);
    expect(empty.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get()).toBe(0);
    empty.close();
  });

  it('rolls back a migration that fails, keeping the earlier ones', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const broken: Migration[] = [tiny[0], { version: 2, name: 'bad', up: (db) => { db.exec(`CREATE TABLE half (x)`); throw new Error('boom'); } }];
    expect(() => openDatabase(file, broken)).toThrow('boom');
    const db = new Database(file);
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file from a newer app without writing to it', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    openDatabase(file, tiny).close();
    const before = fs.readFileSync(file);
    const e = thrown(() => openDatabase(file, tiny.slice(0, 1)));
    expect(e.code).toBe('DB_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // An empty migration list means version 0: every existing file is newer.
    expect(thrown(() => openDatabase(file, [])).code).toBe('DB_TOO_NEW');
  });

  it('closes the file again when it refuses to open it', () => {
    // Linux lists a process's open files in /proc/self/fd; a leaked handle would keep the file
    // locked on Windows, where a refused database must still be movable by the user.
    const openFds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
    const dir = tempDir();
    const file = path.join(dir, 'm.sqlite');
    openDatabase(file, tiny).close();
    const old = path.join(dir, 'old.sqlite');
    openDatabase(old, tiny.slice(0, 1)).close();
    const before = openFds();
    for (let i = 0; i < 5; i++) expect(thrown(() => openDatabase(file, tiny.slice(0, 1))).code).toBe('DB_TOO_NEW');
    for (let i = 0; i < 5; i++) expect(thrown(() => openDatabaseReadOnly(old)).code).toBe('CONFLICT');
    expect(openFds()).toBe(before);
  });

  it('opens read-only only a file of exactly this build', () => {
    const dir = tempDir();
    expect(thrown(() => openDatabaseReadOnly(path.join(dir, 'none.sqlite')))).toMatchObject({
      code: 'NOT_FOUND', message: `Basis data tidak ditemukan: ${path.join(dir, 'none.sqlite')}`,
    });
    const old = path.join(dir, 'old.sqlite');
    openDatabase(old, tiny.slice(0, 1)).close();
    expect(thrown(() => openDatabaseReadOnly(old)).code).toBe('CONFLICT');
    const newer = path.join(dir, 'newer.sqlite');
    const many = Array.from({ length: SCHEMA_VERSION + 1 }, (_, i) => ({ version: i + 1, name: `m${i}`, up: () => undefined }));
    openDatabase(newer, many).close();
    expect(thrown(() => openDatabaseReadOnly(newer)).code).toBe('DB_TOO_NEW');
    const same = path.join(dir, 'same.sqlite');
    openDatabase(same, many.slice(0, SCHEMA_VERSION)).close();
    const db = openDatabaseReadOnly(same);
    expect(db.readonly).toBe(true);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(() => db.exec(`CREATE TABLE x (y)`)).toThrow();
    db.close();
  });
});

describe('health', () => {
  it('counts rows of our own tables, sorted, with odd names quoted', () => {
    const db = openDatabase(path.join(tempDir(), 'h.sqlite'), tiny);
    expect(userTables(db)).toEqual(['note', 'odd "name"', 'schema_migrations']);
    expect(rowCounts(db)).toEqual({ note: 2, 'odd "name"': 0, schema_migrations: 2 });
    const report = checkHealth(db);
    expect(report).toEqual({ ok: true, schemaVersion: 2, integrity: ['ok'], foreignKeyProblems: 0, counts: { note: 2, 'odd "name"': 0, schema_migrations: 2 } });
    db.close();
  });

  it('is not ok with a dangling foreign key', () => {
    const fk: Migration[] = [{ version: 1, name: 'fk', up: (db) => db.exec(`CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))`) }];
    const db = openDatabase(path.join(tempDir(), 'h.sqlite'), fk);
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO c VALUES (42), (43)`);
    const report = checkHealth(db);
    expect(report.ok).toBe(false);
    expect(report.foreignKeyProblems).toBe(2);
    expect(report.integrity).toEqual(['ok']);
    db.close();
  });
});

describe('row helpers on the real schema', () => {
  let db: Db;
  let meetingId: number;
  beforeAll(() => {
    db = openDatabase(path.join(tempDir(), 'rows.sqlite'));
    const now = nowIso();
    meetingId = Number(db.prepare(`INSERT INTO meeting (title, date, start_time, time_zone, created_at, updated_at) VALUES ('Rakor', '2024-11-26', '09:00', 'WIB', ?, ?)`).run(now, now).lastInsertRowid);
  });
  afterAll(() => db.close());

  it("tells today's date in the region's time zone, WIB when no profile says otherwise", () => {
    const eveningWib = new Date('2025-03-10T15:30:00Z'); // 22:30 WIB, 00:30 WIT the next day
    const nightWib = new Date('2025-03-10T18:00:00Z'); // 01:00 WIB: past midnight, in UTC not yet
    const zone = db.prepare(`SELECT time_zone FROM region_profile WHERE id = 1`).pluck().get();
    db.prepare(`UPDATE region_profile SET time_zone = 'WIT' WHERE id = 1`).run();
    expect(regionToday(db, eveningWib)).toBe('2025-03-11');
    db.prepare(`UPDATE region_profile SET time_zone = 'WIB' WHERE id = 1`).run();
    expect(regionToday(db, eveningWib)).toBe('2025-03-10');
    const profile = db.prepare(`SELECT * FROM region_profile WHERE id = 1`).get() as Record<string, unknown>;
    db.prepare(`DELETE FROM region_profile WHERE id = 1`).run();
    try {
      expect(regionToday(db, eveningWib)).toBe('2025-03-10');
      expect(regionToday(db, nightWib)).toBe('2025-03-11');
    } finally {
      const columns = Object.keys(profile);
      db.prepare(`INSERT INTO region_profile (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run({ ...profile, time_zone: zone });
    }
  });

  it('stamps rows in UTC ISO 8601 at the current time', () => {
    const before = Date.now();
    const stamp = nowIso();
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(stamp)).toBeLessThanOrEqual(Date.now());
  });

  it('numbers positions from 1 and reorders exactly the meeting rows', () => {
    expect(nextPosition(db, 'agenda_item', meetingId)).toBe(1);
    const add = (title: string) => Number(db.prepare(`INSERT INTO agenda_item (meeting_id, position, title) VALUES (?, ?, ?)`).run(meetingId, nextPosition(db, 'agenda_item', meetingId), title).lastInsertRowid);
    const [a, b, c] = [add('Pembukaan'), add('Pembahasan'), add('Penutup')];
    expect(nextPosition(db, 'agenda_item', meetingId)).toBe(4);
    reorderRows(db, 'agenda_item', meetingId, [c, a, b]);
    expect(db.prepare(`SELECT title FROM agenda_item WHERE meeting_id = ? ORDER BY position`).all(meetingId).map((r) => (r as { title: string }).title)).toEqual(['Penutup', 'Pembukaan', 'Pembahasan']);
    expect(db.prepare(`SELECT position FROM agenda_item WHERE id = ?`).get(c)).toEqual({ position: 1 });
    for (const bad of [[a, b], [a, b, c, c], [a, b, c, 999], [a, a, b], [a, b, 999]]) {
      const e = thrown(() => reorderRows(db, 'agenda_item', meetingId, bad));
      expect(e.code, JSON.stringify(bad)).toBe('VALIDATION');
      expect(e.message).toBe('Urutan tidak cocok dengan isi daftar. Muat ulang lalu coba lagi.');
    }
    expect(meetingIdOfRow(db, 'agenda_item', a)).toBe(meetingId);
    expect(thrown(() => meetingIdOfRow(db, 'agenda_item', 999_999)).code).toBe('NOT_FOUND');
  });

  it('refuses references to agencies and indicators that do not exist, on the given field', () => {
    expect(() => assertAgencyExists(db, null)).not.toThrow();
    expect(() => assertAgencyExists(db, undefined)).not.toThrow();
    const agencyId = (db.prepare(`SELECT min(id) AS id FROM agency`).get() as { id: number }).id;
    expect(() => assertAgencyExists(db, agencyId)).not.toThrow();
    expect(thrown(() => assertAgencyExists(db, 999_999)).toApiError()).toEqual({
      code: 'VALIDATION', message: 'Instansi tidak ditemukan.', fields: [{ path: 'agencyId', message: 'Instansi tidak ditemukan.' }],
    });
    expect(thrown(() => assertAgencyExists(db, 999_999, 'leadAgencyId')).fields?.[0].path).toBe('leadAgencyId');
    const indicatorId = (db.prepare(`SELECT min(id) AS id FROM indicator`).get() as { id: number }).id;
    expect(() => assertIndicatorExists(db, indicatorId)).not.toThrow();
    expect(() => assertIndicatorExists(db, null)).not.toThrow();
    expect(thrown(() => assertIndicatorExists(db, 999_999)).toApiError()).toEqual({
      code: 'VALIDATION', message: 'Indikator tidak ditemukan.', fields: [{ path: 'indicatorId', message: 'Indikator tidak ditemukan.' }],
    });
    expect(thrown(() => assertIndicatorExists(db, 999_999, 'x.indicatorId')).fields?.[0].path).toBe('x.indicatorId');
  });

  it('escapes LIKE wildcards so they match themselves', () => {
    expect(likePattern('50%')).toBe('%50\\%%');
    expect(likePattern('a_b\\c')).toBe('%a\\_b\\\\c%');
    expect(likePattern('%_%')).toBe('%\\%\\_\\%%');
    db.exec(`CREATE TEMP TABLE words (w TEXT); INSERT INTO words VALUES ('capaian 50%'), ('capaian 500'), ('a_b'), ('axb')`);
    const find = (text: string) => db.prepare(`SELECT w FROM words WHERE w LIKE ? ESCAPE '\\' ORDER BY w`).all(likePattern(text)).map((r) => (r as { w: string }).w);
    expect(find('50%')).toEqual(['capaian 50%']);
    expect(find('a_b')).toEqual(['a_b']);
  });
});
