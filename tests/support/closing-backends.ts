import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../src-main/core/backend';
import type { ApiResult } from '../../shared/errors';
import type { BackupProgress } from '../../shared/api/backup';
import { strictLog } from './strict-log';

// Backends on data folders a test makes itself (backups, restores, paket), as the CLI opens them.

/**
 * Call once at the top of a test file: returns an opener whose backends are closed after each
 * test, so a failing test never leaves a data folder locked for the next one.
 */
export function backendsClosedAfterEach(): (dataDir: string, expectedReports?: RegExp[]) => Backend {
  const open: Backend[] = [];
  afterEach(() => {
    for (const b of open.splice(0)) b.close();
  });
  return (dataDir, expectedReports = []) => {
    const b = createBackend({ dataDir, runtime: 'cli', log: strictLog(expectedReports) });
    open.push(b);
    return b;
  };
}

/** The data of a result, or the test fails with the error's code and message. */
export async function resultData<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

/**
 * The result of `run` and every progress state the backend showed while it ran (polled each turn
 * of the event loop; a repeated fraction is kept once).
 */
export async function progressWhile<T>(backend: Backend, run: Promise<ApiResult<unknown>>): Promise<{ result: T; seen: BackupProgress[] }> {
  let done = false;
  const running = resultData<T>(run).finally(() => {
    done = true;
  });
  const seen: BackupProgress[] = [];
  while (!done) {
    const now = await resultData<BackupProgress>(backend.invoke('backup.progress', {}));
    if (now.task !== null && seen.at(-1)?.fraction !== now.fraction) seen.push(now);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await running, seen };
}
