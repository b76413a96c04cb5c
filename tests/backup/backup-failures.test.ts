import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../../src-main/core/backup/backup';
import { backupTasks, inThisThread, type TaskRunner } from '../../src-main/core/backup/tasks';
import { databasePath } from '../../src-main/core/db/database';
import { evidenceFiles } from '../../src-main/core/evidence/file-store';
import type { BackupInfo, BackupProgress } from '../../shared/api/backup';
import { t } from '../../shared/messages';
import { dataChecksum, tempDir } from '../support/backup-helpers';
import { backendsClosedAfterEach, resultData } from '../support/closing-backends';

// A backup that cannot be written where it should go, and a restore of a file that is not there,
// end with a message in Indonesian, the old backups untouched and nothing half-written left;
// and the progress the app polls names the running task and falls back to idle after it.

const open = backendsClosedAfterEach();
const real = inThisThread(backupTasks(evidenceFiles));

/** Runs the real tasks, doing `before` to the written zip before it is read back. */
function beforeReadBack(before: (partial: string) => void): TaskRunner {
  return ((name, input, onProgress) => {
    if (name === 'verifyZip') before((input as { file: string }).file);
    return real(name, input, onProgress);
  }) as TaskRunner;
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

/** The data folder's entries a backup may leave only while it runs. */
const workFolders = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.cadangan-sementara-'));

describe('a backup that cannot be written', () => {
  it('into a backup folder that is a file (a stick mounted elsewhere): refused by name, nothing written', async () => {
    const dir = tempDir('rakor-backup-fail-');
    const b = open(dir);
    const folder = path.join(dir, 'cadangan');
    fs.writeFileSync(folder, 'bukan folder');
    const message = await refusal(createBackup(b.db, { folder, dataDir: dir, reason: 'manual', evidence: evidenceFiles }));
    expect(message).toBe(t('backup.folderUnavailable', { folder }));
    expect(fs.readFileSync(folder, 'utf8')).toBe('bukan folder');
    expect(workFolders(dir)).toEqual([]);
  });

  it('that reads back other bytes than were written (a failing stick): removed, the older backup kept', async () => {
    const dir = tempDir('rakor-backup-fail-');
    const b = open(dir);
    const folder = path.join(dir, 'cadangan');
    const first = await resultData<BackupInfo>(b.invoke('backup.create', {}));
    const firstBytes = fs.readFileSync(first.file);
    const tasks = beforeReadBack((partial) => {
      // The middle of the database entry comes back as zeros.
      const bytes = fs.readFileSync(partial);
      bytes.fill(0, Math.floor(bytes.length / 3), Math.floor((2 * bytes.length) / 3));
      fs.writeFileSync(partial, bytes);
    });
    const message = await refusal(createBackup(b.db, { folder, dataDir: dir, reason: 'manual', now: new Date(Date.now() + 5000), evidence: evidenceFiles, tasks }));
    expect(message).toBe(t('backup.verifyFailed', { folder }));
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.zip') || n.endsWith('.sebagian'))).toEqual([first.name]);
    expect(fs.readFileSync(first.file)).toEqual(firstBytes);
    expect(workFolders(dir)).toEqual([]);
  });

  it('whose name was taken meanwhile (another computer on a shared folder): the reason is named, nothing half-written stays', async () => {
    const dir = tempDir('rakor-backup-fail-');
    const b = open(dir);
    const folder = path.join(dir, 'cadangan');
    let taken = '';
    const tasks = beforeReadBack((partial) => {
      // `.<name>.sebagian` is published as `<name>`: something else now sits there.
      taken = path.join(folder, path.basename(partial).slice(1).replace(/\.sebagian$/, ''));
      fs.mkdirSync(taken);
      fs.writeFileSync(path.join(taken, 'isi'), 'milik komputer lain');
    });
    const message = await refusal(createBackup(b.db, { folder, dataDir: dir, reason: 'manual', evidence: evidenceFiles, tasks }));
    const [before, after] = t('backup.writeFailed', { folder, reason: '\u0000' }).split('\u0000');
    expect(message.startsWith(before) && message.endsWith(after) && message.length > before.length + after.length).toBe(true);
    expect(fs.readdirSync(folder).filter((n) => n !== 'berkas')).toEqual([path.basename(taken)]);
    expect(fs.readFileSync(path.join(taken, 'isi'), 'utf8')).toBe('milik komputer lain');
    expect(workFolders(dir)).toEqual([]);
  });
});

describe('a restore of a file that is not there', () => {
  it('is refused naming the file, whether it is missing or a folder, and changes nothing', async () => {
    const dir = tempDir('rakor-restore-missing-');
    const b = open(dir);
    await resultData(b.invoke('agency.create', { kind: 'opd', name: 'Penanda Lama' }));
    const before = dataChecksum(databasePath(dir));
    const elsewhere = tempDir('rakor-restore-missing-zip-');
    const missing = path.join(elsewhere, 'cadangan-hilang.zip');
    const folder = path.join(elsewhere, 'folder.zip');
    fs.mkdirSync(folder);
    for (const file of [missing, folder]) {
      const r = await b.invoke('backup.restore', { file });
      expect(r.ok ? null : { code: r.error.code, message: r.error.message }).toEqual({ code: 'INVALID_BACKUP', message: t('backup.notFound', { file }) });
    }
    expect(dataChecksum(databasePath(dir))).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.pemulihan'))).toEqual([]);
  });
});

describe('backup progress', () => {
  /** Polls the progress until `work` settles: every state seen, in order. */
  async function watch(b: ReturnType<typeof open>, work: Promise<unknown>): Promise<BackupProgress[]> {
    let done = false;
    void work.finally(() => (done = true)).catch(() => undefined);
    const seen: BackupProgress[] = [];
    while (!done) {
      seen.push(await resultData<BackupProgress>(b.invoke('backup.progress', {})));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await work;
    return seen;
  }

  function expectRising(seen: BackupProgress[], task: 'backup' | 'restore'): void {
    const fractions = seen.filter((p) => p.task === task).map((p) => p.fraction);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    // It moves: the last one seen is past the first.
    expect(fractions[fractions.length - 1]).toBeGreaterThan(fractions[0]);
    expect(seen.every((p) => p.task === task || (p.task === null && p.fraction === 0))).toBe(true);
  }

  it('names the running backup or restore with a rising fraction, and is idle before and after', async () => {
    const dir = tempDir('rakor-progress-');
    const b = open(dir);
    const idle: BackupProgress = { task: null, fraction: 0 };
    expect(await resultData<BackupProgress>(b.invoke('backup.progress', {}))).toEqual(idle);
    const running = resultData<BackupInfo>(b.invoke('backup.create', {}));
    expectRising(await watch(b, running), 'backup');
    expect(await resultData<BackupProgress>(b.invoke('backup.progress', {}))).toEqual(idle);

    const info = await running;
    expectRising(await watch(b, resultData(b.invoke('backup.restore', { file: info.file }))), 'restore');
    expect(await resultData<BackupProgress>(b.invoke('backup.progress', {}))).toEqual(idle);
  });
});
