import { parentPort, workerData } from 'node:worker_threads';
import { backupTasks, serializeError, type BackupTaskName, type BackupTasks } from './backup/tasks';
import type { WorkerMessage } from './backup/off-thread';
import { evidenceFiles } from './evidence/file-store';

// The worker thread of backup and restore (backup/off-thread.ts): runs the one task it was started
// for, posts its progress (at most every percent) and its result or error, then ends.

const { name, input } = workerData as { name: BackupTaskName; input: never };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
let last = -1;
const task = backupTasks(evidenceFiles)[name] as BackupTasks['stage'];
task(input, (fraction) => {
  if (fraction - last < 0.01 && fraction < 1) return;
  last = fraction;
  post({ progress: fraction });
}).then(
  (result) => post({ result }),
  (error: unknown) => post({ error: serializeError(error) }),
);
