import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zip, type AsyncZippable } from 'fflate';
import type { Db } from '../db/database';
import { schemaVersionOf } from '../db/database';
import { rowCounts } from '../db/health';
import { APP_VERSION } from '../version';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import type { BackupInfo, BackupList, BackupReason } from '../../../shared/api/backup';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  METADATA_ENTRY,
  parseMetadata,
  type BackupMetadata,
} from './metadata';
import { backupFileName, backupsIn, rotateBackups } from './rotation';
import { readZipEntry } from './zip-entry';

// A backup is taken with SQLite's online backup API (a consistent snapshot even while the app
// writes; a raw copy of an open WAL database can miss or tear the latest commits), then
// zipped with its metadata and renamed into place only when complete, so a half-written zip
// never looks like a backup.

/** Hashes in slices, yielding between them, so a large database does not freeze the app. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const hash = crypto.createHash('sha256');
  const slice = 4 * 1024 * 1024;
  for (let i = 0; i < bytes.length; i += slice) {
    hash.update(bytes.subarray(i, i + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** Compresses in a worker; `consume` hands the buffers over instead of copying them. */
function zipAsync(files: AsyncZippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => zip(files, { consume: true }, (error, data) => (error ? reject(error) : resolve(data))));
}

function writeDurably(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function infoFromMetadata(file: string, metadata: BackupMetadata | null): BackupInfo {
  let sizeBytes = 0;
  try {
    sizeBytes = fs.statSync(file).size;
  } catch {
    /* gone meanwhile */
  }
  return {
    file,
    name: path.basename(file),
    sizeBytes,
    createdAt: metadata?.createdAt ?? null,
    appVersion: metadata?.appVersion ?? null,
    schemaVersion: metadata?.schemaVersion ?? null,
    reason: metadata?.reason ?? null,
    rowCounts: metadata?.rowCounts ?? {},
    readable: metadata !== null,
  };
}

/** What a backup file says about itself, reading only its metadata entry. */
export function readBackupInfo(file: string): BackupInfo {
  const bytes = readZipEntry(file, METADATA_ENTRY);
  return infoFromMetadata(file, bytes ? parseMetadata(bytes) : null);
}

export function listBackups(folder: string): BackupList {
  let folderAvailable = true;
  try {
    folderAvailable = fs.statSync(folder).isDirectory();
  } catch {
    folderAvailable = false;
  }
  const backups = backupsIn(folder).map((b) => readBackupInfo(path.join(folder, b.name)));
  return { folder, backups, folderAvailable };
}

/** The newest backup's time from its name (cheap: no file is opened), or null. */
export function lastBackupTime(folder: string): Date | null {
  return backupsIn(folder)[0]?.time ?? null;
}

export interface CreateBackupOptions {
  folder: string;
  reason: BackupReason;
  now?: Date;
  /** Level 1 is several times faster than 6 on a large file for a few percent more bytes. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export async function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const { folder } = options;
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('IO', t('backup.folderUnavailable', { folder }));
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-cadangan-'));
  try {
    const snapshot = path.join(work, DATABASE_ENTRY);
    await db.backup(snapshot);
    const bytes = await fs.promises.readFile(snapshot);
    const copy = new Database(snapshot, { readonly: true, fileMustExist: true });
    let counts: Record<string, number>;
    let schemaVersion: number;
    try {
      counts = rowCounts(copy);
      schemaVersion = schemaVersionOf(copy);
    } finally {
      copy.close();
    }
    const metadata: BackupMetadata = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      schemaVersion,
      createdAt: now.toISOString(),
      reason: options.reason,
      databaseEntry: DATABASE_ENTRY,
      databaseBytes: bytes.length,
      sha256: await sha256(bytes),
      rowCounts: counts,
    };
    const zipped = await zipAsync({
      [METADATA_ENTRY]: [strToU8(JSON.stringify(metadata, null, 2)), { level: 0 }],
      [DATABASE_ENTRY]: [bytes, { level: options.level ?? 6 }],
    });
    let name = backupFileName(now);
    for (let n = 1; fs.existsSync(path.join(folder, name)); n++) name = backupFileName(now, n);
    const target = path.join(folder, name);
    const partial = path.join(folder, `.${name}.sebagian`);
    try {
      writeDurably(partial, zipped);
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new AppError('IO', t('backup.writeFailed', { folder, reason: (error as Error).message }));
    }
    rotateBackups(folder, now);
    return infoFromMetadata(target, metadata);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
