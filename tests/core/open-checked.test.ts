import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHealth } from '../../src-main/core/db/health';
import { isCorruptionError, moveAside, openChecked, probeDatabase, SIDE_FILES } from '../../src-main/core/db/open-checked';
import type { Migration } from '../../src-main/core/db/migrations/types';
import { tempDir } from '../support/backup-helpers';

// The start-up check, on files damaged in ways SQLite itself does not complain about when
// reading: only PRAGMA quick_check sees them, so ignoring its answer must fail here.

const tiny: Migration[] = [
  { version: 1, name: 'one', up: (db) => db.exec(`CREATE TABLE keep (y TEXT); INSERT INTO keep VALUES ('tetap')`) },
];

/** A sound database whose header claims three more free pages than the freelist holds. */
function freelistDamaged(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE t (x TEXT); CREATE TABLE keep (y TEXT); INSERT INTO keep VALUES ('tetap')`);
  const insert = db.prepare(`INSERT INTO t VALUES (?)`);
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
  })();
  db.exec(`DELETE FROM t`);
  db.close();
  const bytes = fs.readFileSync(file);
  bytes.writeUInt32BE(bytes.readUInt32BE(36) + 3, 36); // header offset 36: number of freelist pages
  fs.writeFileSync(file, bytes);
  // SQLite reads it without a complaint.
  const check = new Database(file, { readonly: true });
  expect(check.prepare(`SELECT y FROM keep`).all()).toEqual([{ y: 'tetap' }]);
  check.close();
}

describe('start-up check', () => {
  it('finds damage only quick_check sees, and moves the file aside instead of opening it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    freelistDamaged(file);
    expect(probeDatabase(file, 1)).toMatch(/Freelist: size is \d+ but should be \d+/);
    const bytes = fs.readFileSync(file);
    const result = openChecked(file, tiny, () => new Date(2024, 10, 26, 9, 5, 7));
    expect(result.kind).toBe('recovery');
    if (result.kind !== 'recovery') return;
    expect(result.problem).toContain('Freelist');
    expect(result.movedTo).toEqual([path.join(dir, 'rakor-kla.rusak-20241126-090507.sqlite')]);
    expect(result.detectedAt).toBe(new Date(2024, 10, 26, 9, 5, 7).toISOString());
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(result.movedTo[0]).equals(bytes)).toBe(true); // moved, never changed
  });

  it('opens and migrates a sound file, and a missing one as new', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    const fresh = openChecked(file, tiny);
    expect(fresh.kind).toBe('ok');
    if (fresh.kind === 'ok') fresh.db.close();
    expect(probeDatabase(file, 1)).toBeNull();
    const again = openChecked(file, tiny);
    expect(again.kind).toBe('ok');
    if (again.kind === 'ok') {
      expect(again.db.prepare(`SELECT y FROM keep`).all()).toEqual([{ y: 'tetap' }]);
      again.db.close();
    }
    expect(fs.readdirSync(dir).filter((n) => n.includes('rusak'))).toEqual([]);
  });

  it('moves a file that is not a database aside, with its -wal and -shm, under a free name', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    const now = new Date(2025, 0, 2, 3, 4, 5);
    fs.writeFileSync(path.join(dir, 'rakor-kla.rusak-20250102-030405.sqlite'), 'taken');
    fs.writeFileSync(file, 'ini bukan basis data, hanya teks biasa yang cukup panjang untuk sebuah header'.repeat(20));
    fs.writeFileSync(`${file}-wal`, 'wal');
    const result = openChecked(file, tiny, () => now);
    expect(result).toMatchObject({ kind: 'recovery', problem: 'file is not a database' });
    if (result.kind !== 'recovery') return;
    const target = path.join(dir, 'rakor-kla.rusak-20250102-030405-2.sqlite');
    expect(result.movedTo).toEqual([target, `${target}-wal`]);
    expect(fs.readFileSync(`${target}-wal`, 'utf8')).toBe('wal');
    expect(fs.readFileSync(path.join(dir, 'rakor-kla.rusak-20250102-030405.sqlite'), 'utf8')).toBe('taken');
  });

  it('takes the third free name when two are taken, and moves only what exists', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    fs.writeFileSync(file, 'x');
    fs.writeFileSync(`${file}-shm`, 'shm');
    const now = new Date(2025, 11, 31, 23, 59, 58);
    fs.writeFileSync(path.join(dir, 'db.rusak-20251231-235958.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'db.rusak-20251231-235958-2.sqlite'), '');
    const target = path.join(dir, 'db.rusak-20251231-235958-3.sqlite');
    expect(moveAside(file, now)).toEqual([target, `${target}-shm`]);
    expect(SIDE_FILES).toEqual(['', '-wal', '-shm']);
  });

  it('refuses a newer file untouched, and leaves no -wal or -shm of its own look behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    const two: Migration[] = [...tiny, { version: 2, name: 'two', up: () => undefined }];
    const first = openChecked(file, two);
    if (first.kind === 'ok') first.db.close();
    const names = fs.readdirSync(dir).sort();
    expect(() => probeDatabase(file, 1)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(() => openChecked(file, tiny)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(fs.readdirSync(dir).sort()).toEqual(names);
    expect(probeDatabase(file, 2)).toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual(names);
  });

  it('keeps side files that were there before the look', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    const opened = openChecked(file, tiny);
    if (opened.kind !== 'ok') throw new Error('not ok');
    // The app still has the database open: its -wal and -shm must survive a probe.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(probeDatabase(file, 1)).toBeNull();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    opened.db.close();
  });

  it('tells damage from other errors by SQLite code', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX'])
      expect(isCorruptionError(Object.assign(new Error('x'), { code })), code).toBe(true);
    for (const other of [{ code: 'SQLITE_BUSY' }, { code: 'SQLITE_CANTOPEN' }, { code: 11 }, {}, null, undefined, 'SQLITE_CORRUPT'])
      expect(isCorruptionError(other), JSON.stringify(other)).toBe(false);
  });

  it('rethrows errors that are not damage instead of moving the file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    fs.mkdirSync(file); // a folder where the file should be: cannot open, but nothing is damaged
    let error: unknown;
    try {
      openChecked(file, tiny);
    } catch (e) {
      error = e;
    }
    // SQLite's own error reaches the caller, not a TypeError from the clean-up.
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as { code?: string }).code).toMatch(/^SQLITE_/);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['rakor-kla.sqlite']);
  });
});

/**
 * A database whose index on t(x) holds a value its row no longer has: same number of entries,
 * so quick_check says "ok"; only integrity_check, or a write through the index, sees it.
 */
function indexContentDamaged(file: string): void {
  const step = (change: (db: Database.Database) => void) => {
    const db = new Database(file);
    db.unsafeMode(true);
    try {
      change(db);
    } finally {
      db.close();
    }
  };
  let index: Record<string, unknown> = {};
  step((db) => db.exec(`CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x); INSERT INTO t VALUES ('a'), ('b')`));
  step((db) => {
    index = db.prepare(`SELECT * FROM sqlite_schema WHERE name = 't_x'`).get() as Record<string, unknown>;
    db.pragma('writable_schema = ON');
    db.prepare(`DELETE FROM sqlite_schema WHERE name = 't_x'`).run();
  });
  step((db) => db.prepare(`UPDATE t SET x = 'siluman' WHERE x = 'b'`).run());
  step((db) => {
    db.pragma('writable_schema = ON');
    db.prepare(`INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)`).run(index);
  });
}

describe('damage that surfaces only when the migrations write', () => {
  const touchT: Migration[] = [{ version: 1, name: 'touch t', up: (db) => db.exec(`UPDATE t SET x = x || '!'`) }];

  it('moves the file aside when a migration meets an index quick_check did not check', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    indexContentDamaged(file);
    expect(probeDatabase(file, 1)).toBeNull();
    const result = openChecked(file, touchT, () => new Date(2025, 2, 10, 9, 5, 7));
    expect(result).toMatchObject({ kind: 'recovery', problem: 'database disk image is malformed', detectedAt: new Date(2025, 2, 10, 9, 5, 7).toISOString() });
    if (result.kind !== 'recovery') return;
    expect(result.movedTo).toEqual([path.join(dir, 'rakor-kla.rusak-20250310-090507.sqlite')]);
    expect(fs.existsSync(file)).toBe(false);
    // Moved with its rows as they were: the migration's transaction rolled back.
    const moved = new Database(result.movedTo[0], { readonly: true });
    expect(moved.prepare(`SELECT x FROM t ORDER BY rowid`).pluck().all()).toEqual(['a', 'siluman']);
    moved.close();
  });

  it('rethrows a migration error that is not damage and leaves the file where it is', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE t (x TEXT)`);
    db.close();
    const failing: Migration[] = [{ version: 1, name: 'no such table', up: (d) => d.exec(`UPDATE nope SET x = 1`) }];
    expect(() => openChecked(file, failing)).toThrow(/no such table: nope/);
    expect(fs.readdirSync(dir)).toEqual(['rakor-kla.sqlite']);
  });
});

/** Descriptors this process holds open (Linux). */
const openDescriptors = () => fs.readdirSync('/proc/self/fd').length;

/**
 * A database as a process killed mid-transaction leaves it (rollback journal mode, as a file
 * is before the app switches it to WAL): pages already written into the file, their old
 * content in a hot -journal. A read-only connection may not roll it back (SQLITE_READONLY_ROLLBACK).
 */
function hotJournal(file: string): void {
  const dir = tempDir();
  const source = path.join(dir, 'writer.sqlite');
  const db = new Database(source);
  db.pragma('cache_size = 10'); // spill the transaction's pages into the file before COMMIT
  db.exec(`CREATE TABLE keep (y TEXT); INSERT INTO keep VALUES ('tetap')`);
  db.exec('BEGIN');
  const insert = db.prepare(`INSERT INTO keep VALUES (?)`);
  for (let i = 0; i < 2000; i++) insert.run('y'.repeat(500));
  fs.copyFileSync(source, file);
  fs.copyFileSync(`${source}-journal`, `${file}-journal`);
  db.exec('ROLLBACK');
  db.close();
  // The premise: a read-only look alone fails on it.
  expect(() => new Database(file, { readonly: true }).prepare(`SELECT count(*) FROM keep`).get()).toThrow(
    expect.objectContaining({ code: 'SQLITE_READONLY_ROLLBACK' }),
  );
}

describe('start-up check after a kill mid-write', () => {
  it('lets SQLite roll the hot journal back, then finds the file sound and opens it as it was before', () => {
    const file = path.join(tempDir(), 'rakor-kla.sqlite');
    hotJournal(file);
    const descriptors = openDescriptors();
    expect(probeDatabase(file, 0)).toBeNull();
    expect(openDescriptors()).toBe(descriptors); // the recovering connection is closed again
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    const opened = openChecked(file, []);
    expect(opened.kind).toBe('ok');
    if (opened.kind !== 'ok') return;
    // The unfinished transaction is gone, the committed row is there.
    expect(opened.db.prepare(`SELECT y FROM keep`).pluck().all()).toEqual(['tetap']);
    opened.db.close();
  });

  it('still refuses a newer file after the roll-back, and moves nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rakor-kla.sqlite');
    hotJournal(file);
    expect(() => probeDatabase(file, -1)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(fs.readdirSync(dir)).toEqual(['rakor-kla.sqlite']);
  });
});

describe('what the start-up check tells the log', () => {
  it('keeps the first five lines of the problems SQLite found, one per damaged page', () => {
    const file = path.join(tempDir(), 'rakor-kla.sqlite');
    freelistDamaged(file);
    // No freelist at all in the header: every free page is then "never used".
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32BE(0, 32);
    bytes.writeUInt32BE(0, 36);
    fs.writeFileSync(file, bytes);
    const problem = probeDatabase(file, 1) ?? '';
    const lines = problem.split('; ');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('*** in database main ***');
    for (const line of lines.slice(1)) expect(line).toMatch(/^Page \d+: never used$/);
  });
});

describe('start-up check defaults', () => {
  it('stamps the recovery with the current time when no clock is given', () => {
    const file = path.join(tempDir(), 'rakor-kla.sqlite');
    freelistDamaged(file);
    const before = Date.now();
    const result = openChecked(file, tiny);
    expect(result.kind).toBe('recovery');
    if (result.kind !== 'recovery') return;
    expect(Date.parse(result.detectedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(result.movedTo[0]).toMatch(/rakor-kla\.rusak-\d{8}-\d{6}\.sqlite$/);
  });

  it('opens a new file with no migrations at all', () => {
    const opened = openChecked(path.join(tempDir(), 'kosong.sqlite'), []);
    expect(opened.kind).toBe('ok');
    if (opened.kind === 'ok') opened.db.close();
  });

  it('never removes the database file itself, even an empty one', () => {
    const file = path.join(tempDir(), 'rakor-kla.sqlite');
    fs.writeFileSync(file, '');
    expect(probeDatabase(file, 1)).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('full health check', () => {
  it('is not ok on a file whose damage only the integrity check sees', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    freelistDamaged(file);
    const db = new Database(file, { readonly: true });
    const report = checkHealth(db);
    db.close();
    expect(report.ok).toBe(false);
    expect(report.foreignKeyProblems).toBe(0);
    expect(report.integrity.join('\n')).toMatch(/Freelist: size is \d+ but should be \d+/);
  });
});
