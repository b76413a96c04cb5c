import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, type ApiResult } from '../../shared/errors';
import { t } from '../../shared/messages';
import { parseInput } from '../../shared/api/validate';
import { isRecoveryOp, type backupOps } from '../../shared/api/backup';
import { isOpName, isReadOp, type OpName } from '../../shared/api/contract';
import { databasePath, openDatabaseReadOnly, type Db } from './db/database';
import { acquireDataLock } from './db/lock';
import { openChecked, type OpenChecked } from './db/open-checked';
import { isAsyncHandler, type CoreContext, type HandlerMap } from './handler-types';
import { APP_VERSION } from './version';
import { LiveDatabase } from './live-database';
import { backupHandlers } from './backup/handlers';
import { createBackupService } from './backup/host';
import { inWorker, type WorkerEntry } from './backup/off-thread';
import { closesMeeting } from './backup/triggers';
import { cleanDataFolderLeftovers, cleanPartialBackups } from './backup/leftovers';
import { recoverInterruptedRestore } from './backup/restore';
import { readBackupSettings } from './backup/settings';
import { systemHandlers } from './system/handlers';
import { regionProfileHandlers } from './region-profile/handlers';
import { referenceHandlers } from './reference/handlers';
import { agencyHandlers } from './agency/handlers';
import { agencyGroupHandlers } from './agency-group/handlers';
import { meetingHandlers } from './meeting/handlers';
import { snapshotHandlers } from './snapshot/handlers';
import { snapshotMissing } from './snapshot/close';
import { trashHandlers } from './trash/handlers';
import { pruneRequestLog, requestIdOf, runOnce } from './db/request-log';
import { agendaItemHandlers } from './agenda-item/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { indicatorReviewHandlers } from './indicator-review/handlers';
import { assignmentHandlers } from './assignment/handlers';
import { budgetLineHandlers } from './budget/handlers';
import { actionItemHandlers } from './action-item/handlers';
import { trackerHandlers } from './tracker/handlers';
import { followUpHandlers } from './follow-up/handlers';
import { decisionHandlers } from './decision/handlers';
import { exportHandlers } from './export/handlers';
import { scoreHandlers } from './score/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { cleanStoreLeftovers, evidenceFiles, readIntactFile } from './evidence/file-store';
import { boardHandlers } from './board/handlers';
import { agencyRecapHandlers } from './agency-recap/handlers';

type BackupOpName = keyof typeof backupOps;

export interface Backend {
  /** The live database. Throws RECOVERY_NEEDED while a damaged one awaits recovery. */
  readonly db: Db;
  readonly dataDir: string;
  /** Validates, runs and answers one operation. Never throws: errors come back as data. */
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** True when the start-up check found the database damaged (it was moved aside). */
  recoveryNeeded(): boolean;
  /** Waits for background work (automatic backups) to finish; for tests and orderly exits. */
  settle(): Promise<void>;
  close(): void;
}

export interface BackendOptions {
  dataDir: string;
  runtime: CoreContext['runtime'];
  /** Where unexpected errors are reported (stderr by default); users see only a plain message. */
  log?: (message: string, error: unknown) => void;
  /** Daily backup shortly after start and a backup after each closed meeting. The app and the
   * web runtime turn this on; tests and one-shot CLI commands leave it off. */
  autoBackup?: boolean;
  autoBackupDelayMs?: number;
  /** Take the data-folder lock (default true). */
  lock?: boolean;
  /**
   * Read only (`cli check`, command-line exports): opens the existing file without the lock and
   * without migrating, and runs only operations the contract declares as reads.
   */
  readOnly?: boolean;
  /** Take over a lock held by another computer (the user asked for it: `--ambil-alih`). */
  takeOverLock?: boolean;
  /** Save dialog of the desktop shell, used by 'file.save'. */
  saveFile?: CoreContext['saveFile'];
  /** False keeps backup and restore checks on this thread (default: a worker thread when available). */
  backupWorker?: boolean;
  /** Print-to-PDF of the desktop shell, used by 'export.pdf'. */
  printPdf?: CoreContext['printPdf'];
  /** System viewer of the desktop shell, used by 'evidence.open'. */
  openFile?: CoreContext['openFile'];
  /** Save dialog that only asks for a path, used by 'evidence.savePackage'. */
  chooseSavePath?: CoreContext['chooseSavePath'];
}

/**
 * Every feature's handlers except backup (which the backend wires to the live database itself).
 * The backend is the one place that composes features: a feature never imports another's handlers.
 */
function buildHandlers(ctx: CoreContext): Omit<HandlerMap, BackupOpName> {
  return {
    ...systemHandlers(ctx),
    ...regionProfileHandlers(ctx),
    ...referenceHandlers(ctx),
    ...agencyHandlers(ctx),
    ...agencyGroupHandlers(ctx),
    ...meetingHandlers(ctx),
    ...snapshotHandlers(ctx),
    ...agendaItemHandlers(ctx),
    ...attendanceHandlers(ctx),
    ...indicatorReviewHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...budgetLineHandlers(ctx),
    ...actionItemHandlers(ctx),
    ...trackerHandlers(ctx),
    ...followUpHandlers(ctx),
    ...decisionHandlers(ctx),
    ...exportHandlers(ctx, (sha256) => readIntactFile(ctx.dataDir, sha256)),
    ...trashHandlers(ctx),
    ...scoreHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...boardHandlers(ctx),
    ...agencyRecapHandlers(ctx),
  };
}

/**
 * Upkeep at start (and after a restore replaced the database): forget create answers older than
 * 30 days, and snapshot closed meetings that have none yet (closed before snapshots existed).
 */
function prepareRecords(db: Db, log: NonNullable<BackendOptions['log']>): void {
  try {
    pruneRequestLog(db);
    snapshotMissing(db);
  } catch (error) {
    // Never keeps the app from starting: exports of such a meeting fall back to its live rows.
    log('record upkeep failed', error);
  }
}

export function toApiError(error: unknown, log: BackendOptions['log']): ApiResult<never> {
  if (error instanceof AppError) return { ok: false, error: error.toApiError() };
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { ok: false, error: { code: 'CONFLICT', message: t('error.conflict') } };
  }
  log?.('unexpected error', error);
  return { ok: false, error: { code: 'INTERNAL', message: t('error.internal') } };
}

/** Answered at once, also while a restore replaces the database (they do not touch it). */
const UNWAITED_OPS: ReadonlySet<string> = new Set<OpName>(['backup.progress']);

/**
 * The worker script of backup and restore: dist/main/backup-worker.cjs beside the bundle, or the
 * TypeScript entry beside this file when running from the sources. Null (work stays on this
 * thread) where neither is found, e.g. in a test's one-file bundle.
 */
function backupWorkerEntry(): WorkerEntry | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'backup-worker.cjs');
  if (fs.existsSync(bundled)) return { file: bundled, typescript: false };
  const source = path.join(here, 'backup-worker.ts');
  if (fs.existsSync(source)) return { file: source, typescript: true };
  return null;
}

/** Replace the live database; they wait for running async ops, so they are not counted as one. */
const REPLACING_OPS: ReadonlySet<string> = new Set<OpName>(['backup.restore', 'backup.recovery.startFresh']);

export function createBackend(options: BackendOptions): Backend {
  // Absolute from here on: backup paths, lock files and what the user is shown stay meaningful
  // whatever the caller's working directory.
  const dataDir = path.resolve(options.dataDir);
  const { runtime } = options;
  const log = options.log ?? ((message, error) => console.error(`[rakor] ${message}:`, error));
  const readOnly = options.readOnly === true;
  const file = databasePath(dataDir);
  if (!readOnly) fs.mkdirSync(dataDir, { recursive: true });
  // One writer per data folder: a second web runtime or CLI on the same folder is refused. A
  // reader takes no lock: WAL lets it read while the app writes.
  const lock = readOnly || options.lock === false ? null : acquireDataLock(dataDir, { takeOver: options.takeOverLock });
  let opened: OpenChecked;
  try {
    if (readOnly) {
      opened = { kind: 'ok', db: openDatabaseReadOnly(file) };
    } else {
      // A restore killed half-way is finished first, so the check below sees the old or the new
      // database, never a gap that would start an empty one; then leftovers of killed work go.
      const recovered = recoverInterruptedRestore(dataDir);
      if (recovered) log('interrupted restore completed at start-up', recovered);
      cleanDataFolderLeftovers(dataDir);
      cleanStoreLeftovers(dataDir);
      opened = openChecked(file);
    }
  } catch (error) {
    lock?.release();
    throw error;
  }

  const live = new LiveDatabase(opened);
  if (live.damage) log('database damaged, moved aside', `${live.damage.problem} -> ${live.damage.movedTo.join(', ')}`);
  if (!readOnly) cleanPartialBackups(readBackupSettings(dataDir, live.db).folder);
  // RAKOR_BACKUP_WORKER=0 keeps the work on this thread for a whole run: the mutation run sets it
  // (vitest.mutation.config.ts), since a mutant is active only on the thread that runs the tests.
  const workerEntry = options.backupWorker === false || process.env.RAKOR_BACKUP_WORKER === '0' ? null : backupWorkerEntry();
  const worker = workerEntry ? inWorker(workerEntry) : null;
  const backups = createBackupService(live, dataDir, file, evidenceFiles, worker?.run);
  const backupOpHandlers = backupHandlers(backups);
  let handlers: Partial<HandlerMap> = {};
  let closed = false;

  // Handlers are built from the current database and rebuilt when a restore or a fresh start
  // replaces it, rather than capturing one database for good.
  live.onReplaced = rebuild;
  function rebuild(): void {
    const db = live.db;
    if (db && !readOnly) prepareRecords(db, log);
    const base = db ? buildHandlers({ db, dataDir, runtime, appVersion: APP_VERSION, saveFile: options.saveFile, printPdf: options.printPdf, openFile: options.openFile, chooseSavePath: options.chooseSavePath }) : {};
    handlers = { ...base, ...backupOpHandlers } as Partial<HandlerMap>;
  }
  rebuild();

  const cancelDailyBackup = options.autoBackup && live.db ? backups.scheduleDaily(options.autoBackupDelayMs ?? 3000, log) : () => undefined;

  async function invoke(name: string, input: unknown): Promise<ApiResult<unknown>> {
    try {
      if (closed) throw AppError.of('INTERNAL', 'error.internal');
      // The progress of a restore is asked for while the restore holds the database.
      if (!UNWAITED_OPS.has(name)) await live.whenFree();
      const parsed = parseInput(name, input);
      const reads = isOpName(name) && isReadOp(name);
      if (readOnly && !reads) throw AppError.of('CONFLICT', 'error.readOnly');
      const db = live.db;
      if (!db && !isRecoveryOp(name)) throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
      const handler = handlers[name as keyof HandlerMap] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw AppError.of('UNKNOWN_OPERATION', 'error.unknownOperation');
      let data: unknown;
      if (isAsyncHandler(handler) && REPLACING_OPS.has(name)) {
        data = await handler(parsed);
      } else if (isAsyncHandler(handler)) {
        data = await live.track(Promise.resolve(handler(parsed)));
      } else if (db && reads) {
        // A read sees one consistent state and takes no write lock.
        data = db.transaction(() => handler(parsed)).deferred();
      } else if (db) {
        // One transaction per sync operation: a multi-row change lands whole or not at all, and
        // the caller hears "ok" only after COMMIT (synchronous=FULL) has returned.
        // A create sent with a requestId runs once; a repeat gets the first answer (db/request-log).
        const requestId = requestIdOf(parsed);
        data = db.transaction(() => (requestId ? runOnce(db, name, requestId, () => handler(parsed)) : handler(parsed))).immediate();
      } else {
        data = handler(parsed);
      }
      if (options.autoBackup && closesMeeting(name)) {
        backups.backup('meeting-closed').catch((error) => log('automatic backup failed', error));
      }
      return { ok: true, data };
    } catch (error) {
      return toApiError(error, log);
    }
  }

  return {
    get db(): Db {
      const db = live.db;
      if (!db) throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
      return db;
    },
    dataDir,
    invoke,
    recoveryNeeded: () => live.damage !== null,
    async settle() {
      cancelDailyBackup();
      await live.settle();
    },
    close() {
      closed = true;
      void worker?.close();
      cancelDailyBackup();
      live.close();
      lock?.release();
    },
  };
}
