import type { BackupInfo, BackupProgress, BackupReason, RecoveryStatus } from '../../../shared/api/backup';
import { AppError } from '../../../shared/errors';
import { openDatabase, SCHEMA_VERSION } from '../db/database';
import type { LiveDatabase } from '../live-database';
import { crashPoint } from '../crash-point';
import { moveAside } from '../db/open-checked';
import { createBackup, infoFromMetadata, lastBackupTime, listBackups, SourceDamagedError } from './backup';
import type { BackupHost } from './handlers';
import { discardStaged, installStaged } from './restore';
import { readBackupSettings } from './settings';
import type { EvidenceFiles } from './evidence-manifest';
import { backupTasks, inThisThread, type TaskRunner } from './tasks';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupService extends BackupHost {
  /**
   * The daily backup, `delayMs` after start (after the window or server is up, not before: a
   * large database takes seconds to zip). Returns a function that cancels it if still waiting.
   */
  scheduleDaily(delayMs: number, log: (message: string, error: unknown) => void): () => void;
}

/**
 * Backups, restore and recovery of the live database of one data folder. `tasks` runs the heavy
 * checks (a worker thread in the app, see off-thread.ts); by default this thread.
 */
export function createBackupService(live: LiveDatabase, dataDir: string, file: string, evidence: EvidenceFiles, tasks: TaskRunner = inThisThread(backupTasks(evidence))): BackupService {
  const folder = () => readBackupSettings(dataDir, live.db).folder;
  // What runs now, for the progress bar (backups queue, so one at a time is reported).
  let progress: BackupProgress = { task: null, fraction: 0 };
  const report = (task: BackupProgress['task'], fraction: number) => {
    progress = { task, fraction: Math.max(0, Math.min(1, fraction)) };
  };
  async function reporting<T>(task: NonNullable<BackupProgress['task']>, work: () => Promise<T>): Promise<T> {
    report(task, 0);
    try {
      return await work();
    } finally {
      report(null, 0);
    }
  }

  function backup(reason: BackupReason): Promise<BackupInfo> {
    const db = live.db;
    if (!db) return Promise.reject(AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded'));
    return live.track(reporting('backup', () => createBackup(db, { folder: folder(), dataDir, reason, evidence, tasks, onProgress: (f) => report('backup', f) })));
  }

  function recoveryStatus(): RecoveryStatus {
    const damage = live.damage;
    const where = folder();
    return {
      needed: damage !== null,
      problem: damage?.problem ?? '',
      movedTo: damage?.movedTo ?? [],
      detectedAt: damage?.detectedAt ?? null,
      backups: damage ? listBackups(where).backups.filter((b) => b.readable && (b.schemaVersion ?? 0) <= SCHEMA_VERSION) : [],
      folder: where,
    };
  }

  return {
    dataDir,
    db: () => live.db,
    recoveryStatus,
    backup,
    progress: () => progress,
    restore: (target) =>
      reporting('restore', async () => {
        // Verify everything first, in the worker and while the app keeps answering (the live
        // database is not touched): a bad file is refused before anything changes.
        const staged = await tasks('stage', { file: target, dataDir }, (f) => report('restore', 0.8 * f));
        try {
          return await live.runExclusive(async () => {
            crashPoint('restore:staged');
            let safetyBackup: BackupInfo | null = null;
            let keepAside = false;
            if (live.db) {
              try {
                safetyBackup = await createBackup(live.db, { folder: folder(), dataDir, reason: 'before-restore', evidence, tasks, onProgress: (f) => report('restore', 0.8 + 0.15 * f) });
              } catch (error) {
                // A live database that fails the check cannot be backed up: keep its file instead.
                if (!(error instanceof SourceDamagedError)) throw error;
                keepAside = true;
              }
            }
            crashPoint('restore:safety-backup');
            const wasDamaged = live.damage !== null;
            live.detach();
            if (keepAside) moveAside(file);
            let restored;
            try {
              restored = installStaged(dataDir, staged);
            } catch (error) {
              // The previous file is back in place: reopen it, so a failed restore changes nothing.
              if (!wasDamaged && !keepAside) live.replace(openDatabase(file));
              throw error;
            }
            live.replace(restored);
            report('restore', 1);
            return { restored: infoFromMetadata(target, staged.metadata), safetyBackup };
          });
        } finally {
          discardStaged(staged);
        }
      }),
    startFresh: () =>
      live.runExclusive(async () => {
        // The damaged file was moved aside at start; an empty database takes its place.
        if (live.damage && !live.db) live.replace(openDatabase(file));
        return recoveryStatus();
      }),
    scheduleDaily(delayMs, log) {
      const timer = setTimeout(() => {
        const last = lastBackupTime(folder());
        if (last && Date.now() - last.getTime() < DAY_MS) return;
        backup('start').catch((error) => log('automatic backup failed', error));
      }, delayMs);
      timer.unref?.();
      return () => clearTimeout(timer);
    },
  };
}
