import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { inWorker } from '../../src-main/core/backup/off-thread';
import type { BackupInfo } from '../../shared/api/backup';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { strictLog } from '../support/strict-log';
import { timeLimit } from '../support/time-limit';

// The worker thread that runs backup and restore checks: results, progress and Indonesian
// refusals cross the thread intact, tasks queue on one worker, and a backend's close ends it.

const worker = inWorker({ file: path.resolve(__dirname, '../../src-main/core/backup-worker.ts'), typescript: true });
afterAll(() => worker.close());

describe('backup tasks in a worker thread', () => {
  it('verifies and stages a real backup there, reporting progress, and refuses a bad one in Indonesian', async () => {
    const dir = tempDir();
    const b = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog([]), backupWorker: false });
    const created = await b.invoke('backup.create', {});
    b.close();
    if (!created.ok) throw new Error(created.error.message);
    const file = (created.data as BackupInfo).file;

    const progress: number[] = [];
    const [verified, staged] = await Promise.all([
      worker.run('verifyZip', { file }, (f) => progress.push(f)),
      worker.run('stage', { file, dataDir: tempDir() }),
    ]);
    expect(verified).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fs.existsSync(staged.stagedFile)).toBe(true);
    expect(staged.metadata.rowCounts.agency).toBeGreaterThan(0);

    const junk = path.join(tempDir(), 'bukan.zip');
    fs.writeFileSync(junk, 'ini bukan zip');
    const refused = await worker.run('stage', { file: junk, dataDir: tempDir() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('INVALID_BACKUP');
    expect((refused as AppError).message).toBe(t('backup.notZip'));
  }, timeLimit(60_000));
});

describe('a backup worker that dies', () => {
  /** A worker script (plain JavaScript) that does `body` on the first request it gets. */
  function dyingWorker(body: string): string {
    const file = path.join(tempDir(), 'pekerja.cjs');
    fs.writeFileSync(file, `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', () => { ${body} });\n`);
    return file;
  }

  it('fails the running task with its exit, and the next task starts a new worker', async () => {
    const dying = inWorker({ file: dyingWorker('process.exit(3);'), typescript: false });
    try {
      const first = await dying.run('verifyZip', { file: 'a.zip' }).catch((e: unknown) => e);
      expect((first as Error).message).toBe('backup worker exited with code 3');
      const second = await dying.run('verifyZip', { file: 'b.zip' }).catch((e: unknown) => e);
      expect((second as Error).message).toBe('backup worker exited with code 3');
    } finally {
      await dying.close();
    }
  }, timeLimit(30_000));

  it('fails the running task with the error that ended the worker', async () => {
    const throwing = inWorker({ file: dyingWorker("throw new Error('pekerja rusak');"), typescript: false });
    try {
      const failed = await throwing.run('verifyZip', { file: 'a.zip' }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect((failed as Error).message).toBe('pekerja rusak');
    } finally {
      await throwing.close();
    }
  }, timeLimit(30_000));

  it('takes a worker ending while idle calmly: the answered task stands, the next one starts a new worker', async () => {
    const file = path.join(tempDir(), 'pekerja.cjs');
    fs.writeFileSync(file, "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { parentPort.postMessage({ id: m.id, result: true }); setTimeout(() => process.exit(0), 20); });\n");
    const brief = inWorker({ file, typescript: false });
    try {
      expect(await brief.run('verifyZip', { file: 'a.zip' })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await brief.run('verifyZip', { file: 'b.zip' })).toBe(true);
    } finally {
      await brief.close();
    }
  }, timeLimit(30_000));

  it('keeps one worker for task after task, and close ends it', async () => {
    // Answers with its thread id, and ticks into a file while it lives.
    const dir = tempDir();
    const file = path.join(dir, 'pekerja.cjs');
    const ticks = path.join(dir, 'detak.txt');
    fs.writeFileSync(file, [
      "const { parentPort, threadId } = require('node:worker_threads');",
      "const fs = require('node:fs');",
      `setInterval(() => fs.appendFileSync(${JSON.stringify(ticks)}, '.'), 5).unref();`,
      'parentPort.on(\'message\', (m) => parentPort.postMessage({ id: m.id, result: threadId }));',
    ].join('\n'));
    const kept = inWorker({ file, typescript: false });
    const first = await kept.run('verifyZip', { file: 'a.zip' });
    expect(await kept.run('verifyZip', { file: 'b.zip' })).toBe(first);
    const size = () => (fs.existsSync(ticks) ? fs.statSync(ticks).size : 0);
    await expect.poll(size, { timeout: 5000 }).toBeGreaterThan(0);
    await kept.close();
    // Once closed, the worker no longer ticks (an idle worker left running would, unseen).
    const atClose = size();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(size()).toBe(atClose);
  }, timeLimit(30_000));

  it('closes quietly when no task ever started a worker', async () => {
    const idle = inWorker({ file: dyingWorker('process.exit(3);'), typescript: false });
    await expect(idle.close()).resolves.toBeUndefined();
  });
});
