import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zip, type AsyncZippable } from 'fflate';
import type { Db } from '../db/database';
import { crashPoint } from '../crash-point';
import { writeDurably } from './durable';
import { backupTasks, inThisThread, type TaskRunner } from './tasks';
import { encodeManifest, type EvidenceFiles, type ManifestFile, type ReferencedFile } from './evidence-manifest';
import { BACKUP_STORE, backupStorePath, copyVerified } from './evidence-store';
import { APP_VERSION } from '../version';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import type { BackupInfo, BackupList, BackupReason } from '../../../shared/api/backup';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  MANIFEST_ENTRY,
  METADATA_ENTRY,
  parseMetadata,
  type BackupMetadata,
} from './metadata';
import { backupFileName, backupsIn, rotateBackups } from './rotation';
import { readZipEntry } from './zip-entry';

// A backup is taken with SQLite's online backup API (a consistent snapshot even while the app
// writes; a raw copy of an open WAL database can miss or tear the latest commits) into a
// work folder inside the data folder (not the system temp: a kill must not leave a copy of
// the data where nobody cleans it; start-up removes leftovers here). The snapshot must pass a
// full integrity and foreign-key check before it is zipped, and the written zip is read back
// and verified before it is renamed into place and before rotation may delete an older one:
// a damaged database never pushes good backups out. One backup runs at a time.
// Evidence files travel beside the zip, in the backup folder's shared store (evidence-store.ts):
// only files the store does not hold yet are copied, each verified against its hash as it is
// read, and all of them are in place before the zip that lists them is written.

/** Work folders of backups in progress, inside the data folder. */
export const BACKUP_WORK_PREFIX = '.cadangan-sementara-';
/** A zip being written into the backup folder: `.<name>.sebagian` until it is complete. */
export const PARTIAL_SUFFIX = '.sebagian';

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
    evidenceFiles: metadata?.evidenceFiles ?? null,
    evidenceBytes: metadata?.evidenceBytes ?? null,
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
  /** The data folder: the snapshot is taken into a work folder inside it. */
  dataDir: string;
  reason: BackupReason;
  now?: Date;
  /** Level 1 is several times faster than 6 on a large file for a few percent more bytes. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Which evidence files the database refers to and where the data folder keeps them. */
  evidence: EvidenceFiles;
  /** Where the integrity check and the read-back run (a worker in the app); this thread if not given. */
  tasks?: TaskRunner;
  /** Fraction done, 0..1 (evidence copying is most of the work when there is much of it). */
  onProgress?: (fraction: number) => void;
}

/** The live database failed the check a backup makes first: no backup was written. */
export class SourceDamagedError extends AppError {
  constructor() {
    super('IO', t('backup.sourceDamaged'));
  }
}

/** Backups queue here: two at once would race on names, rotation and the disk. */
let queue: Promise<unknown> = Promise.resolve();

export function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupInfo> {
  const run = queue.then(() => createBackupNow(db, options));
  queue = run.catch(() => undefined);
  return run;
}

async function createBackupNow(db: Db, options: CreateBackupOptions): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const { folder } = options;
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('IO', t('backup.folderUnavailable', { folder }));
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(options.dataDir, BACKUP_WORK_PREFIX));
  try {
    const snapshot = path.join(work, DATABASE_ENTRY);
    await db.backup(snapshot);
    crashPoint('backup:snapshot');
    const tasks = options.tasks ?? inThisThread(backupTasks(options.evidence));
    const check = await tasks('checkSnapshot', { snapshot });
    if (!check.ok) throw new SourceDamagedError();
    const { counts, schemaVersion, referenced } = check;
    options.onProgress?.(0.05);
    const files = await storeEvidence(options, referenced, now, (f) => options.onProgress?.(0.05 + 0.8 * f));
    crashPoint('backup:evidence-stored');
    const manifest = encodeManifest({ files });
    const bytes = await fs.promises.readFile(snapshot);
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
      manifestSha256: manifest.sha256,
      evidenceFiles: files.length,
      evidenceBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    };
    const zipped = await zipAsync({
      [METADATA_ENTRY]: [strToU8(JSON.stringify(metadata, null, 2)), { level: 0 }],
      [MANIFEST_ENTRY]: [manifest.bytes, { level: 6 }],
      [DATABASE_ENTRY]: [bytes, { level: options.level ?? 6 }],
    });
    options.onProgress?.(0.9);
    let name = backupFileName(now);
    for (let n = 1; fs.existsSync(path.join(folder, name)); n++) name = backupFileName(now, n);
    const target = path.join(folder, name);
    const partial = path.join(folder, `.${name}${PARTIAL_SUFFIX}`);
    try {
      writeDurably(partial, zipped);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new AppError('IO', t('backup.writeFailed', { folder, reason: (error as Error).message }));
    }
    crashPoint('backup:partial-written');
    // Read back what the disk (often a USB stick) now holds before it counts as a backup.
    try {
      await tasks('verifyZip', { file: partial }, (f) => options.onProgress?.(0.9 + 0.09 * f));
    } catch {
      fs.rmSync(partial, { force: true });
      throw new AppError('IO', t('backup.verifyFailed', { folder }));
    }
    try {
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new AppError('IO', t('backup.writeFailed', { folder, reason: (error as Error).message }));
    }
    crashPoint('backup:renamed');
    rotateBackups(folder, now);
    options.onProgress?.(1);
    return infoFromMetadata(target, metadata);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes sure the backup folder's store holds every referenced file and returns the manifest.
 * A file the store already has (same name, same size) is only touched, so that rotation on
 * another computer sharing the folder does not collect it before our zip lists it. A file that is
 * missing or altered in the data folder is listed as absent: the backup still saves the database,
 * and `check` after a restore reports the file as it does now.
 */
async function storeEvidence(options: CreateBackupOptions, referenced: ReferencedFile[], now: Date, progress: (fraction: number) => void): Promise<ManifestFile[]> {
  const { folder, dataDir, evidence } = options;
  const totalBytes = referenced.reduce((sum, f) => sum + f.bytes, 0) || 1;
  let doneBytes = 0;
  const files: ManifestFile[] = [];
  const tempDir = path.join(folder, BACKUP_STORE);
  for (const file of referenced) {
    const target = backupStorePath(folder, file.sha256);
    let present = false;
    try {
      present = fs.statSync(target).size === file.bytes;
      if (present) fs.utimesSync(target, now, now);
    } catch {
      present = false;
    }
    let outcome = present ? 'ok' : null;
    if (!present) {
      try {
        outcome = await copyVerified(evidence.pathOf(dataDir, file.sha256), target, file.sha256, file.bytes, tempDir);
      } catch (error) {
        throw new AppError('IO', t('backup.writeFailed', { folder, reason: (error as Error).message }));
      }
    }
    files.push(outcome === 'ok' ? { sha256: file.sha256, bytes: file.bytes } : { sha256: file.sha256, bytes: file.bytes, absent: true });
    doneBytes += file.bytes;
    progress(doneBytes / totalBytes);
  }
  return files;
}
