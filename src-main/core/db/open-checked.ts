import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { openDatabase, schemaVersionOf, type Db } from './database';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

// The start-up check. A database that fails PRAGMA quick_check (or is not a database at all)
// must neither crash the app nor be lost: it is moved aside, with its -wal and -shm, under a
// timestamped name in the same folder, and the caller is told to offer a backup or a fresh
// start. A file from a newer app is refused untouched; that is not damage.

export const SIDE_FILES = ['', '-wal', '-shm'] as const;

export type OpenChecked =
  | { kind: 'ok'; db: Db }
  | { kind: 'recovery'; problem: string; movedTo: string[]; detectedAt: string };

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

/**
 * Reads the schema version and runs quick_check through a read-only connection, so nothing
 * is written to the file (a newer app's database stays byte-identical). Returns the problem
 * found, or null when the file is sound. Throws DB_TOO_NEW, and rethrows errors that are not
 * damage (locked, no permission): those are not a reason to move the file.
 */
export function probeDatabase(file: string, latest: number): string | null {
  try {
    return probeReadOnly(file, latest);
  } catch (error) {
    // A process killed mid-write leaves a WAL that needs recovery, which a read-only
    // connection may not run (SQLITE_READONLY_RECOVERY and kin). Let SQLite recover it on a
    // read-write connection, exactly as any later open would, then look again read-only.
    if (!isReadOnlyRecoveryError(error)) throw error;
    recoverWal(file);
    return probeReadOnly(file, latest);
  }
}

function isReadOnlyRecoveryError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

function recoverWal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Reading the schema runs WAL recovery; nothing is written by us.
    db.prepare(`SELECT count(*) FROM sqlite_master`).get();
  } finally {
    db.close();
  }
}

function probeReadOnly(file: string, latest: number): string | null {
  const existedBefore = SIDE_FILES.slice(1).filter((s) => fs.existsSync(file + s));
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    if (schemaVersionOf(db) > latest) throw AppError.of('DB_TOO_NEW', 'error.dbTooNew');
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    // SQLite answers one row per database, its problems on separate lines within it: split them,
    // so the log keeps the first five instead of a line per damaged page.
    const lines = rows.flatMap((r) => r.quick_check.split('\n'));
    return lines.length === 1 && lines[0] === 'ok' ? null : lines.slice(0, 5).join('; ');
  } catch (error) {
    if (isCorruptionError(error)) return (error as Error).message;
    throw error;
  } finally {
    db?.close();
    // A read-only look at a WAL database leaves empty -wal/-shm behind; remove only those it made.
    for (const suffix of SIDE_FILES.slice(1)) {
      if (existedBefore.includes(suffix)) continue;
      try {
        if (fs.statSync(file + suffix).size === 0 || suffix === '-shm') fs.rmSync(file + suffix, { force: true });
      } catch {
        /* not there */
      }
    }
  }
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** Moves the database and its -wal/-shm aside as "<name>.rusak-<time>…"; never deletes. */
export function moveAside(file: string, now = new Date()): string[] {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  let target = path.join(dir, `${base}.rusak-${stamp(now)}${ext}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}.rusak-${stamp(now)}-${n}${ext}`);
  const moved: string[] = [];
  for (const suffix of SIDE_FILES) {
    if (!fs.existsSync(file + suffix)) continue;
    fs.renameSync(file + suffix, target + suffix);
    moved.push(target + suffix);
  }
  return moved;
}

/** Opens, checks and migrates the database, or moves a damaged one aside and says so. */
export function openChecked(file: string, migrations: Migration[] = MIGRATIONS, now = () => new Date()): OpenChecked {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (fs.existsSync(file)) {
    const problem = probeDatabase(file, latest);
    if (problem !== null) return { kind: 'recovery', problem, movedTo: moveAside(file, now()), detectedAt: now().toISOString() };
  }
  try {
    return { kind: 'ok', db: openDatabase(file, migrations) };
  } catch (error) {
    // Damage quick_check cannot see (it skips some index checks) can still surface here.
    if (!isCorruptionError(error)) throw error;
    return { kind: 'recovery', problem: (error as Error).message, movedTo: moveAside(file, now()), detectedAt: now().toISOString() };
  }
}
