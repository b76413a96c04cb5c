import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/messages';
import { databasePath, openDatabase, schemaVersionOf, type Db } from '../db/database';
import { SCHEMA_VERSION } from '../db/migrations';
import { SIDE_FILES } from '../db/open-checked';
import { DATABASE_ENTRY, METADATA_ENTRY, parseMetadata, type BackupMetadata } from './metadata';

// Restore in two steps. First the file is checked completely (zip, metadata, checksum,
// schema version, quick_check) and staged beside the live database; a file that fails any
// check is refused and nothing has changed. Only then is the live file swapped, keeping the
// old one until the restored database has opened.

export interface StagedRestore {
  metadata: BackupMetadata;
  /** The verified database, written next to the live one, ready to be renamed into place. */
  stagedFile: string;
}

function refuse(key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('INVALID_BACKUP', t(key, params));
}

export function stageRestore(file: string, dataDir: string): StagedRestore {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw refuse('backup.notFound', { file });
  }
  if (!stat.isFile()) throw refuse('backup.notFound', { file });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(file));
  } catch {
    throw refuse('backup.notZip');
  }
  const metadataBytes = entries[METADATA_ENTRY];
  const dbBytes = entries[DATABASE_ENTRY];
  if (!metadataBytes || !dbBytes) throw refuse('backup.notOurs');
  const metadata = parseMetadata(metadataBytes);
  if (!metadata) throw refuse('backup.notOurs');
  const digest = crypto.createHash('sha256').update(dbBytes).digest('hex');
  if (digest !== metadata.sha256 || dbBytes.length !== metadata.databaseBytes) throw refuse('backup.checksum');
  if (metadata.schemaVersion > SCHEMA_VERSION) throw refuse('backup.tooNew', { version: metadata.appVersion });

  fs.mkdirSync(dataDir, { recursive: true });
  const stagedFile = path.join(dataDir, `.pemulihan-${process.pid}-${Date.now()}.sqlite`);
  fs.writeFileSync(stagedFile, dbBytes);
  try {
    const db = new Database(stagedFile, { fileMustExist: true });
    try {
      const version = schemaVersionOf(db);
      const check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
      if (version !== metadata.schemaVersion || check.length !== 1 || check[0] !== 'ok') throw refuse('backup.damaged');
      // Leave a self-contained file: no -wal beside it when it is renamed into place.
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    const fd = fs.openSync(stagedFile, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return { metadata, stagedFile };
  } catch (error) {
    discardStaged(stagedFile);
    if (error instanceof AppError) throw error;
    throw refuse('backup.damaged');
  }
}

export function discardStaged(stagedFile: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(stagedFile + suffix, { force: true });
}

/**
 * Puts the staged database in place of the live one (which must be closed) and opens it,
 * migrating an older schema. If it cannot be opened, the previous file is put back.
 */
export function installStaged(dataDir: string, stagedFile: string): Db {
  const live = databasePath(dataDir);
  const previous = `${live}.sebelum-pemulihan`;
  for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
  const hadPrevious = fs.existsSync(live);
  for (const suffix of SIDE_FILES) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, previous + suffix);
  fs.renameSync(stagedFile, live);
  try {
    const db = openDatabase(live);
    for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
    return db;
  } catch (error) {
    for (const suffix of SIDE_FILES) fs.rmSync(live + suffix, { force: true });
    if (hadPrevious) for (const suffix of SIDE_FILES) if (fs.existsSync(previous + suffix)) fs.renameSync(previous + suffix, live + suffix);
    throw error;
  }
}
