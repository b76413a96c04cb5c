import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { answerRequest, type WorkerMessage } from '../../src-main/core/backup/off-thread';
import { backupTasks, type BackupTasks } from '../../src-main/core/backup/tasks';
import { evidenceFiles } from '../../src-main/core/evidence/file-store';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';

// The backup worker's answer to one request, run in this thread: the progress bar of a backup or
// restore gets a step per percent at most (and always the end), then the result or the error;
// an AppError crosses the thread with its code and Indonesian message.

/** A task that reports the given fractions, then answers `result` (or throws `error`). */
function reporting(fractions: number[], outcome: { result?: unknown; error?: unknown }): BackupTasks {
  const task = async (_input: unknown, onProgress: (f: number) => void) => {
    for (const f of fractions) onProgress(f);
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.result;
  };
  return { checkSnapshot: task, verifyZip: task, stage: task } as unknown as BackupTasks;
}

async function answers(tasks: BackupTasks, name: 'checkSnapshot' | 'verifyZip' | 'stage', input: unknown): Promise<WorkerMessage[]> {
  const posted: WorkerMessage[] = [];
  await answerRequest(tasks, { id: 7, name, input }, (m) => posted.push(m));
  return posted;
}

describe('a backup worker request', () => {
  it('posts progress at most once per percent, always the end, then the result', async () => {
    const posted = await answers(reporting([0, 0.004, 0.009, 0.01, 0.0195, 0.02, 0.5, 0.505, 0.999, 1], { result: { ok: true } }), 'stage', {});
    expect(posted).toEqual([
      { id: 7, progress: 0 },
      { id: 7, progress: 0.01 },
      { id: 7, progress: 0.02 },
      { id: 7, progress: 0.5 },
      { id: 7, progress: 0.999 },
      { id: 7, progress: 1 },
      { id: 7, result: { ok: true } },
    ]);
  });

  it('posts the end even when it comes less than a percent after the last step', async () => {
    expect(await answers(reporting([0.995, 1], { result: true }), 'verifyZip', {})).toEqual([
      { id: 7, progress: 0.995 },
      { id: 7, progress: 1 },
      { id: 7, result: true },
    ]);
  });

  it('posts an AppError with its code and message, anything else as INTERNAL', async () => {
    expect(await answers(reporting([], { error: new AppError('IO', 'Disk penuh.') }), 'stage', {})).toEqual([
      { id: 7, error: { appError: true, code: 'IO', message: 'Disk penuh.' } },
    ]);
    expect(await answers(reporting([0.5], { error: new RangeError('terlalu jauh') }), 'checkSnapshot', {})).toEqual([
      { id: 7, progress: 0.5 },
      { id: 7, error: { appError: false, code: 'INTERNAL', message: 'RangeError: terlalu jauh' } },
    ]);
  });

  it('runs the real task it names: a file that is not a backup is refused in Indonesian', async () => {
    const file = path.join(tempDir(), 'bukan-cadangan.zip');
    fs.writeFileSync(file, 'ini bukan zip');
    const posted = await answers(backupTasks(evidenceFiles), 'stage', { file, dataDir: tempDir() });
    expect(posted.at(-1)).toEqual({ id: 7, error: { appError: true, code: 'INVALID_BACKUP', message: t('backup.notZip') } });
  });
});
