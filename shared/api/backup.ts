import { z } from 'zod';
import { op, query } from './define';
import { empty } from '../schemas/common';
import { t } from '../messages';

// Backups (cadangan), restore, and the recovery offered when the start-up check finds the
// database damaged.

export type BackupReason = 'start' | 'meeting-closed' | 'manual' | 'before-restore' | 'cli';

export const BACKUP_REASON_LABEL: Record<BackupReason, string> = {
  start: 'Otomatis (harian)',
  'meeting-closed': 'Otomatis (rapat ditutup)',
  manual: 'Manual',
  'before-restore': 'Sebelum pemulihan',
  cli: 'Baris perintah',
};

export interface BackupInfo {
  /** Full path of the .zip. */
  file: string;
  name: string;
  sizeBytes: number;
  /** From the metadata inside; null when the file is not a readable backup. */
  createdAt: string | null;
  appVersion: string | null;
  schemaVersion: number | null;
  reason: BackupReason | null;
  rowCounts: Record<string, number>;
  /** Evidence files the backup's database refers to (kept in the folder's berkas/); null before format 2. */
  evidenceFiles: number | null;
  evidenceBytes: number | null;
  /** False: listed so the user sees it, but it cannot be restored. */
  readable: boolean;
}

export interface BackupList {
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** False when the folder cannot be reached (e.g. a flash drive that is not plugged in). */
  folderAvailable: boolean;
}

export interface BackupSettings {
  folder: string;
  defaultFolder: string;
  isDefault: boolean;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The backup of the database as it was just before the restore; null in recovery. */
  safetyBackup: BackupInfo | null;
}

export interface RecoveryStatus {
  needed: boolean;
  /** What the check found, in SQLite's words (for support), e.g. "file is not a database". */
  problem: string;
  /** Where the damaged file and its -wal/-shm were moved to (kept, never deleted). */
  movedTo: string[];
  detectedAt: string | null;
  /** Readable backups, newest first: the first is what the screen offers. */
  backups: BackupInfo[];
  folder: string;
}

/** The backup or restore in progress (null when none), for the progress bar. */
export interface BackupProgress {
  task: 'backup' | 'restore' | null;
  /** 0..1 */
  fraction: number;
}

const MAX_PATH = 4096;

export const backupFile = z
  .string()
  .max(MAX_PATH, { error: t('field.tooLong', { max: MAX_PATH }) })
  .refine((v) => v.trim() !== '' && !v.includes('\0'), { error: t('field.required') })
  .refine((v) => v.toLowerCase().endsWith('.zip'), { error: t('backup.notZipName') });

export const backupFolder = z
  .string()
  .max(1000, { error: t('field.tooLong', { max: 1000 }) })
  .refine((v) => !v.includes('\0'), { error: t('backup.folderInvalid') });

export const backupOps = {
  'backup.list': query<BackupList>()(empty),
  'backup.create': op<BackupInfo>()(empty),
  'backup.restore': op<RestoreResult>()(z.strictObject({ file: backupFile })),
  'backup.settings.get': query<BackupSettings>()(empty),
  /** '' puts the folder back to the default (<folder data>/cadangan). */
  'backup.settings.set': op<BackupSettings>()(z.strictObject({ folder: backupFolder })),
  'backup.recovery.status': query<RecoveryStatus>()(empty),
  /** Gives up on the damaged database (kept aside) and starts with an empty one. */
  'backup.recovery.startFresh': op<RecoveryStatus>()(empty),
  /** Answered at once, even while a restore holds the database: the UI polls it for its bar. */
  'backup.progress': query<BackupProgress>()(empty),
};

/** Ops that work while the database is damaged and awaits recovery (typed: a rename breaks the build). */
export const RECOVERY_OPS: readonly (keyof typeof backupOps)[] = [
  'backup.list',
  'backup.restore',
  'backup.settings.get',
  'backup.recovery.status',
  'backup.recovery.startFresh',
  'backup.progress',
];

export function isRecoveryOp(name: string): boolean {
  return (RECOVERY_OPS as readonly string[]).includes(name);
}
