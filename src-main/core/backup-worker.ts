import { parentPort } from 'node:worker_threads';
import { backupTasks, serializeError, type BackupTasks } from './backup/tasks';
import type { WorkerMessage, WorkerRequest } from './backup/off-thread';
import { evidenceFiles } from './evidence/file-store';

// The worker thread of backup and restore (backup/off-thread.ts): runs the tasks it is sent, one
// at a time, posting progress (at most every percent) and then the result or the error.

const tasks = backupTasks(evidenceFiles);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.on('message', ({ id, name, input }: WorkerRequest) => {
  let last = -1;
  const task = tasks[name] as BackupTasks['stage'];
  task(input as never, (fraction) => {
    if (fraction - last < 0.01 && fraction < 1) return;
    last = fraction;
    post({ id, progress: fraction });
  }).then(
    (result) => post({ id, result }),
    (error: unknown) => post({ id, error: serializeError(error) }),
  );
});
