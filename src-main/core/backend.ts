import fs from 'node:fs';
import { AppError, type ApiResult } from '../../shared/errors';
import { t } from '../../shared/messages';
import { parseInput } from '../../shared/api/validate';
import { databasePath, openDatabase, type Db } from './db/database';
import { isAsyncHandler, type CoreContext, type HandlerMap } from './handler-types';
import { APP_VERSION } from './version';
import { systemHandlers } from './system/handlers';
import { profileHandlers } from './profile/handlers';
import { referenceHandlers } from './reference/handlers';
import { agencyHandlers } from './agency/handlers';

export interface Backend {
  readonly db: Db;
  readonly dataDir: string;
  /** Validates, runs and answers one operation. Never throws: errors come back as data. */
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
  close(): void;
}

export interface BackendOptions {
  dataDir: string;
  runtime: CoreContext['runtime'];
  /** Where unexpected errors are reported (stderr by default); users see only a plain message. */
  log?: (message: string, error: unknown) => void;
}

function buildHandlers(ctx: CoreContext): HandlerMap {
  return {
    ...systemHandlers(ctx),
    ...profileHandlers(ctx),
    ...referenceHandlers(ctx),
    ...agencyHandlers(ctx),
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

export function createBackend(options: BackendOptions): Backend {
  const { dataDir, runtime } = options;
  const log = options.log ?? ((message, error) => console.error(`[rakor] ${message}:`, error));
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(databasePath(dataDir));
  const ctx: CoreContext = { db, dataDir, runtime, appVersion: APP_VERSION };
  const handlers = buildHandlers(ctx);

  return {
    db,
    dataDir,
    async invoke(name, input) {
      try {
        const parsed = parseInput(name, input);
        const handler = handlers[name as keyof HandlerMap] as (input: unknown) => unknown;
        // One transaction per sync operation: a multi-row change lands whole or not at all, and
        // the caller hears "ok" only after COMMIT (synchronous=FULL) has returned.
        const data = isAsyncHandler(handler) ? await handler(parsed) : db.transaction(() => handler(parsed)).immediate();
        return { ok: true, data };
      } catch (error) {
        return toApiError(error, log);
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}
