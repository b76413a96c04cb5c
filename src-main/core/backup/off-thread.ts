import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { deserializeError, type BackupTaskMap, type BackupTaskName, type Progress, type SerializedError, type TaskRunner } from './tasks';

// Runs backup tasks (tasks.ts) in a worker thread, one worker per task, so the event loop that
// answers the UI never waits for an integrity check or an inflate. The worker's script is the
// bundled dist/main/backup-worker.cjs in the app; from the TypeScript sources (CLI, web runtime
// in development, tests) the .ts entry is loaded through tsx. Progress arrives as messages.

export interface WorkerEntry {
  file: string;
  /** A TypeScript source file, loaded through tsx's require hook. */
  typescript: boolean;
}

export interface WorkerMessage {
  progress?: number;
  result?: unknown;
  error?: SerializedError;
}

function start(entry: WorkerEntry, workerData: unknown): Worker {
  if (!entry.typescript) return new Worker(entry.file, { workerData });
  const tsx = createRequire(entry.file).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry.file)});`;
  return new Worker(code, { eval: true, workerData });
}

export function inWorker(entry: WorkerEntry): TaskRunner {
  return <K extends BackupTaskName>(name: K, input: BackupTaskMap[K]['input'], onProgress?: Progress) =>
    new Promise<BackupTaskMap[K]['output']>((resolve, reject) => {
      const worker = start(entry, { name, input });
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.progress !== undefined) onProgress?.(message.progress);
        else if (message.error) {
          settled = true;
          reject(deserializeError(message.error));
        } else {
          settled = true;
          resolve(message.result as BackupTaskMap[K]['output']);
        }
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`backup worker exited with code ${code}`));
      });
    });
}
