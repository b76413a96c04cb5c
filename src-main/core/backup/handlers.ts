import type { backupOps, BackupInfo, BackupProgress, BackupReason, RecoveryStatus, RestoreResult } from '../../../shared/api/backup';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import type { Db } from '../db/database';
import { asyncHandler, type HandlersOf } from '../handler-types';
import { listBackups } from './backup';
import { readBackupSettings, writeBackupSettings } from './settings';
import fs from 'node:fs';
import path from 'node:path';

/** What the backup handlers need from the backend that owns the live database. */
export interface BackupHost {
  dataDir: string;
  /** The open database, or null while recovery is pending. */
  db(): Db | null;
  recoveryStatus(): RecoveryStatus;
  /** Replaces the live database with a verified backup (exclusive: no other op runs meanwhile). */
  restore(file: string): Promise<RestoreResult>;
  startFresh(): Promise<RecoveryStatus>;
  /** Backs the live database up now (the UI's "Cadangkan sekarang", or an automatic trigger). */
  backup(reason: BackupReason): Promise<BackupInfo>;
  /** The backup or restore running now and how far it is. */
  progress(): BackupProgress;
}

function requireDb(host: BackupHost): Db {
  const db = host.db();
  if (!db) throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
  return db;
}

export function backupHandlers(host: BackupHost): HandlersOf<typeof backupOps> {
  return {
    'backup.list': () => listBackups(readBackupSettings(host.dataDir, host.db()).folder),
    'backup.create': asyncHandler(async () => host.backup('manual')),
    'backup.restore': asyncHandler(async ({ file }: { file: string }) => {
      // A bare name means a file in the backup folder (what the list shows).
      const folder = readBackupSettings(host.dataDir, host.db()).folder;
      return host.restore(path.isAbsolute(file) ? file : path.join(folder, path.basename(file)));
    }),
    'backup.settings.get': () => readBackupSettings(host.dataDir, host.db()),
    'backup.settings.set': ({ folder }) => {
      const db = requireDb(host);
      const trimmed = folder.trim();
      if (trimmed !== '') {
        if (!path.isAbsolute(trimmed)) throw new AppError('VALIDATION', t('error.validation'), [{ path: 'folder', message: t('backup.folderNotAbsolute') }]);
        try {
          fs.mkdirSync(trimmed, { recursive: true });
          fs.accessSync(trimmed, fs.constants.W_OK);
        } catch {
          throw new AppError('VALIDATION', t('error.validation'), [{ path: 'folder', message: t('backup.folderUnavailable', { folder: trimmed }) }]);
        }
      }
      return writeBackupSettings(host.dataDir, db, trimmed);
    },
    'backup.recovery.status': () => host.recoveryStatus(),
    'backup.progress': () => host.progress(),
    'backup.recovery.startFresh': asyncHandler(async () => host.startFresh()),
  };
}

