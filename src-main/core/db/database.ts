import Database from 'better-sqlite3';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;
export const DB_FILE_NAME = 'rakor-kla.sqlite';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** The schema version recorded in the file, 0 for a new file. Reads only. */
export function schemaVersionOf(db: Db): number {
  if (!hasTable(db, 'schema_migrations')) return 0;
  const row = db.prepare(`SELECT max(version) AS v FROM schema_migrations`).get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Opens (creating if needed) and migrates the database. A file from a newer app is refused
 * before anything is written to it, not even the WAL switch.
 */
export function openDatabase(file: string, migrations: Migration[] = MIGRATIONS): Db {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (schemaVersionOf(db) > latest) throw AppError.of('DB_TOO_NEW', 'error.dbTooNew');
    // WAL + FULL: a commit is on disk before it is acknowledged, and a power cut cannot tear it.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing database for reading only (`cli check`, exports from the command line):
 * no lock, no WAL switch, no migration, so the app may keep the folder open meanwhile. A file
 * whose schema is not exactly this build's is refused rather than read with the wrong shape.
 */
export function openDatabaseReadOnly(file: string): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw AppError.of('NOT_FOUND', 'error.databaseMissing', { file });
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) throw AppError.of('DB_TOO_NEW', 'error.dbTooNew');
    if (version < SCHEMA_VERSION) throw AppError.of('CONFLICT', 'error.dbNeedsUpgrade');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies each pending migration in its own transaction, recording it in schema_migrations. */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS): number[] {
  const current = schemaVersionOf(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const record = db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.map((m) => m.version);
}

export { SCHEMA_VERSION };
