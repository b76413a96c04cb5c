import fs from 'node:fs';
import { AppError, type ApiResult } from '../../shared/errors';
import { t } from '../../shared/messages';
import { parseInput } from '../../shared/api/validate';
import { RECOVERY_OPS, type backupOps, type BackupInfo, type BackupReason, type RecoveryStatus } from '../../shared/api/backup';
import { databasePath, openDatabase, SCHEMA_VERSION, type Db } from './db/database';
import { acquireDataLock } from './db/lock';
import { openChecked, type OpenChecked } from './db/open-checked';
import { isAsyncHandler, type CoreContext, type HandlerMap } from './handler-types';
import { APP_VERSION } from './version';
import { backupHandlers, type BackupHost } from './backup/handlers';
import { createBackup, infoFromMetadata, lastBackupTime, listBackups } from './backup/backup';
import { discardStaged, installStaged, stageRestore } from './backup/restore';
import { readBackupSettings } from './backup/settings';
import { closesMeeting } from './backup/triggers';
import { systemHandlers } from './system/handlers';
import { profileHandlers } from './profile/handlers';
import { referenceHandlers } from './reference/handlers';
import { agencyHandlers } from './agency/handlers';
import { rakorHandlers } from './meeting/register';
import { exportHandlers } from './export/handlers';

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
  /** Save dialog of the desktop shell, used by 'file.save'. */
  saveFile?: CoreContext['saveFile'];
}

/** Every feature's handlers except backup (which the backend wires to the live database itself). */
function buildHandlers(ctx: CoreContext): Omit<HandlerMap, BackupOpName> {
  return {
    ...systemHandlers(ctx),
    ...profileHandlers(ctx),
    ...referenceHandlers(ctx),
    ...agencyHandlers(ctx),
    ...rakorHandlers(ctx),
    ...exportHandlers(ctx),
  };
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

const DAY_MS = 24 * 60 * 60 * 1000;
/** Replace the live database; they wait for running async ops, so they are not counted as one. */
const REPLACING_OPS = new Set(['backup.restore', 'backup.recovery.startFresh']);

export function createBackend(options: BackendOptions): Backend {
  const { dataDir, runtime } = options;
  const log = options.log ?? ((message, error) => console.error(`[rakor] ${message}:`, error));
  fs.mkdirSync(dataDir, { recursive: true });
  // One writer per data folder: a second web runtime or CLI on the same folder is refused.
  const lock = options.lock === false ? null : acquireDataLock(dataDir);
  const file = databasePath(dataDir);
  let opened: OpenChecked;
  try {
    opened = openChecked(file);
  } catch (error) {
    lock?.release();
    throw error;
  }

  // The live database can be replaced (restore, fresh start after damage), so handlers are
  // built from the current one and rebuilt on replacement rather than capturing it for good.
  let db: Db | null = opened.kind === 'ok' ? opened.db : null;
  let damage: Extract<OpenChecked, { kind: 'recovery' }> | null = opened.kind === 'recovery' ? opened : null;
  if (damage) log('database damaged, moved aside', `${damage.problem} -> ${damage.movedTo.join(', ')}`);
  let handlers: Partial<HandlerMap> = {};
  let closed = false;

  // Operations that replace the database run alone: new calls wait for them, and they wait
  // for async calls already running (a backup or an export mid-way).
  let exclusive: Promise<unknown> | null = null;
  const running = new Set<Promise<unknown>>();
  async function runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (exclusive) await exclusive.catch(() => undefined);
    const task = (async () => {
      await Promise.allSettled([...running]);
      return fn();
    })();
    exclusive = task;
    try {
      return await task;
    } finally {
      exclusive = null;
    }
  }

  const backupFolder = () => readBackupSettings(dataDir, db).folder;
  let backupInFlight: Promise<BackupInfo> | null = null;
  function backupNow(reason: BackupReason): Promise<BackupInfo> {
    if (!db) return Promise.reject(AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded'));
    const current = db;
    const task = createBackup(current, { folder: backupFolder(), reason }).finally(() => {
      running.delete(task);
      if (backupInFlight === task) backupInFlight = null;
    });
    running.add(task);
    backupInFlight = task;
    return task;
  }

  function recoveryStatus(): RecoveryStatus {
    const folder = backupFolder();
    return {
      needed: damage !== null,
      problem: damage?.problem ?? '',
      movedTo: damage?.movedTo ?? [],
      detectedAt: damage?.detectedAt ?? null,
      backups: damage ? listBackups(folder).backups.filter((b) => b.readable && (b.schemaVersion ?? 0) <= SCHEMA_VERSION) : [],
      folder,
    };
  }

  const host: BackupHost = {
    dataDir,
    db: () => db,
    recoveryStatus,
    backup: (reason) => backupNow(reason),
    restore: (target) =>
      runExclusive(async () => {
        // Verify everything first: a bad file is refused before anything changes.
        const staged = stageRestore(target, dataDir);
        try {
          const safetyBackup = db ? await createBackup(db, { folder: backupFolder(), reason: 'before-restore' }) : null;
          if (db?.open) db.close();
          db = null;
          try {
            db = installStaged(dataDir, staged.stagedFile);
          } catch (error) {
            // The previous file is back in place: reopen it, so a failed restore changes nothing.
            if (!damage) db = openDatabase(file);
            throw error;
          }
          damage = null;
          rebuild();
          return { restored: infoFromMetadata(target, staged.metadata), safetyBackup };
        } finally {
          discardStaged(staged.stagedFile);
        }
      }),
    startFresh: () =>
      runExclusive(async () => {
        if (damage && !db) {
          // The damaged file was moved aside at start; an empty database takes its place.
          db = openDatabase(file);
          damage = null;
          rebuild();
        }
        return recoveryStatus();
      }),
  };
  const backupOpHandlers = backupHandlers(host);

  function rebuild(): void {
    const base = db ? buildHandlers({ db, dataDir, runtime, appVersion: APP_VERSION, saveFile: options.saveFile }) : {};
    handlers = { ...base, ...backupOpHandlers } as Partial<HandlerMap>;
  }
  rebuild();

  let startupTimer: NodeJS.Timeout | null = null;
  if (options.autoBackup && db) {
    // After the window or server is up, not before: a large database takes seconds to zip.
    startupTimer = setTimeout(() => {
      startupTimer = null;
      const last = lastBackupTime(backupFolder());
      if (last && Date.now() - last.getTime() < DAY_MS) return;
      backupNow('start').catch((error) => log('automatic backup failed', error));
    }, options.autoBackupDelayMs ?? 3000);
    startupTimer.unref?.();
  }

  async function invoke(name: string, input: unknown): Promise<ApiResult<unknown>> {
    try {
      if (closed) throw AppError.of('INTERNAL', 'error.internal');
      while (exclusive) await exclusive.catch(() => undefined);
      const parsed = parseInput(name, input);
      if (!db && !RECOVERY_OPS.includes(name)) throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
      const handler = handlers[name as keyof HandlerMap] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw AppError.of('UNKNOWN_OPERATION', 'error.unknownOperation');
      let data: unknown;
      if (isAsyncHandler(handler) && REPLACING_OPS.has(name)) {
        data = await handler(parsed);
      } else if (isAsyncHandler(handler)) {
        const task = Promise.resolve(handler(parsed));
        running.add(task);
        try {
          data = await task;
        } finally {
          running.delete(task);
        }
      } else if (db) {
        // One transaction per sync operation: a multi-row change lands whole or not at all, and
        // the caller hears "ok" only after COMMIT (synchronous=FULL) has returned.
        const current = db;
        data = current.transaction(() => handler(parsed)).immediate();
      } else {
        data = handler(parsed);
      }
      if (options.autoBackup && closesMeeting(name, parsed)) {
        backupNow('meeting-closed').catch((error) => log('automatic backup failed', error));
      }
      return { ok: true, data };
    } catch (error) {
      return toApiError(error, log);
    }
  }

  return {
    get db(): Db {
      if (!db) throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
      return db;
    },
    dataDir,
    invoke,
    recoveryNeeded: () => damage !== null,
    async settle() {
      if (startupTimer) clearTimeout(startupTimer);
      startupTimer = null;
      await Promise.allSettled([...running]);
    },
    close() {
      closed = true;
      if (startupTimer) clearTimeout(startupTimer);
      if (db?.open) db.close();
      lock?.release();
    },
  };
}
