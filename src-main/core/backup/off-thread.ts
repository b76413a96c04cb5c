import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { deserializeError, serializeError, type BackupTaskMap, type BackupTaskName, type BackupTasks, type Progress, type SerializedError, type TaskRunner } from './tasks';

// Runs backup tasks (tasks.ts) in a worker thread, so the event loop that answers the UI never
// waits for an integrity check or an inflate. One worker, started at the first task and kept
// (starting one costs about a second on a busy laptop: the bundle is parsed again), takes the
// tasks one at a time; it does not keep the process alive while idle, and a new one is started
// if it dies. Its script is the bundled dist/main/backup-worker.cjs in the app; from the
// TypeScript sources (CLI, web runtime in development, tests) the .ts entry, through tsx.

export interface WorkerEntry {
  file: string;
  /** A TypeScript source file, loaded through tsx's require hook. */
  typescript: boolean;
}

/** From the backend to the worker. */
export interface WorkerRequest {
  id: number;
  name: BackupTaskName;
  input: unknown;
}

/** From the worker: progress, then a result or an error, for the request `id`. */
export interface WorkerMessage {
  id: number;
  progress?: number;
  result?: unknown;
  error?: SerializedError;
}

/**
 * The worker's side of one request (backup-worker.ts only wires it to its port): runs the task,
 * posts its progress at most once per percent (the UI redraws on each) and always the end, then
 * the result or the error. A function of its own so that it is tested in this thread.
 */
export function answerRequest(tasks: BackupTasks, { id, name, input }: WorkerRequest, post: (message: WorkerMessage) => void): Promise<void> {
  let last = -1;
  const task = tasks[name] as BackupTasks['stage'];
  return task(input as never, (fraction) => {
    if (fraction - last < 0.01 && fraction < 1) return;
    last = fraction;
    post({ id, progress: fraction });
  }).then(
    (result) => post({ id, result }),
    (error: unknown) => post({ id, error: serializeError(error) }),
  );
}

function start(entry: WorkerEntry): Worker {
  if (!entry.typescript) return new Worker(entry.file);
  const tsx = createRequire(entry.file).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry.file)});`, { eval: true });
}

export interface WorkerRunner {
  run: TaskRunner;
  /** Ends the worker (the backend closes). */
  close(): Promise<void>;
}

export function inWorker(entry: WorkerEntry): WorkerRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let current: { id: number; onProgress?: Progress; resolve(value: unknown): void; reject(error: Error): void } | null = null;

  function failCurrent(error: Error): void {
    const task = current;
    current = null;
    worker = null;
    task?.reject(error);
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = start(entry);
    w.on('message', (message: WorkerMessage) => {
      const task = current;
      if (!task || message.id !== task.id) return;
      if (message.progress !== undefined) {
        task.onProgress?.(message.progress);
        return;
      }
      current = null;
      w.unref();
      if (message.error) task.reject(deserializeError(message.error));
      else task.resolve(message.result);
    });
    w.on('error', (error) => {
      if (worker === w) failCurrent(error);
    });
    w.on('exit', (code) => {
      if (worker === w) failCurrent(new Error(`backup worker exited with code ${code}`));
    });
    worker = w;
    return w;
  }

  function runNow(name: BackupTaskName, input: unknown, onProgress?: Progress): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const w = ensureWorker();
      const id = nextId++;
      current = { id, onProgress, resolve, reject };
      // Keeps the process alive while a task runs (a CLI restore awaits nothing else).
      w.ref();
      w.postMessage({ id, name, input } satisfies WorkerRequest);
    });
  }

  const run = (<K extends BackupTaskName>(name: K, input: BackupTaskMap[K]['input'], onProgress?: Progress) => {
    const task = queue.then(() => runNow(name, input, onProgress));
    queue = task.catch(() => undefined);
    return task as Promise<BackupTaskMap[K]['output']>;
  }) as TaskRunner;

  return {
    run,
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
