import { parentPort } from 'node:worker_threads';
import { backupTasks } from './backup/tasks';
import { answerRequest, type WorkerMessage, type WorkerRequest } from './backup/off-thread';
import { evidenceFiles } from './evidence/file-store';

// The worker thread of backup and restore (backup/off-thread.ts): runs the tasks it is sent, one
// at a time (answerRequest: progress, then the result or the error).

const tasks = backupTasks(evidenceFiles);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.on('message', (request: WorkerRequest) => void answerRequest(tasks, request, post));
