import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../src-main/core/db/database';
import { RESTORE_JOURNAL, STAGED_PREFIX } from '../../src-main/core/backup/restore';
import type { BackupInfo, RecoveryStatus, RestoreResult } from '../../shared/api/backup';
import { t as t_ } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { backendsClosedAfterEach, progressWhile, resultData } from '../support/closing-backends';
import { openHandlesOn } from '../support/open-handles';
import { DAMAGE_REPORT } from '../support/strict-log';

// A restore through the backup service, in this process: the progress bar shows the restore
// climbing steadily, a restore that cannot take its safety backup changes nothing, and one that
// succeeds leaves no staged copy, no file moved aside and no second connection behind.

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith(STAGED_PREFIX) || n.includes('.rusak-'));

describe('restoring through the backup service', () => {
  const b = backendPerTest();

  /** A backup of the data as it is now, copied out of the backup folder (its store beside it). */
  async function backupElsewhere(): Promise<string> {
    const info = await b.call('backup.create', {});
    const out = tempDir('rakor-restore-zip-');
    fs.copyFileSync(info.file, path.join(out, info.name));
    const store = path.join(path.dirname(info.file), 'berkas');
    if (fs.existsSync(store)) fs.cpSync(store, path.join(out, 'berkas'), { recursive: true });
    return path.join(out, info.name);
  }

  it('reports the restore climbing from staging to the end, and leaves no staged copy, aside file or extra connection', async () => {
    // Over 1 MiB, so staging reports several steps.
    b.backend.db.prepare(`INSERT INTO app_meta (key, value) VALUES ('uji.isi', ?)`).run(randomBytes(1024 * 1024).toString('hex'));
    const zip = await backupElsewhere();
    await b.call('agency.create', { kind: 'opd', name: 'Sesudah Cadangan' });
    const handlesBefore = openHandlesOn(databasePath(b.dir)).length;

    const { result, seen } = await progressWhile<RestoreResult>(b.backend, b.backend.invoke('backup.restore', { file: zip }));
    expect(result.safetyBackup?.reason).toBe('before-restore');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.task === 'restore')).toBe(true);
    expect(seen.every((p, i) => i === 0 || p.fraction >= seen[i - 1].fraction)).toBe(true);
    expect(seen.some((p) => p.fraction > 0 && p.fraction < 0.8)).toBe(true);

    const names = (await b.call('agency.list', {})).map((a) => a.name);
    expect(names).not.toContain('Sesudah Cadangan');
    expect(leftovers(b.dir)).toEqual([]);
    expect(openHandlesOn(databasePath(b.dir)).length).toBe(handlesBefore);
  });

  it('changes nothing when the safety backup cannot be written', async () => {
    const folder = tempDir('rakor-cadangan-');
    await b.call('backup.settings.set', { folder });
    const zip = await backupElsewhere();
    await b.call('agency.create', { kind: 'opd', name: 'Sesudah Cadangan' });
    // The backup folder is a file now (a stick's drive letter reused): no safety backup can go there.
    fs.rmSync(folder, { recursive: true, force: true });
    fs.writeFileSync(folder, 'bukan folder');
    const before = storedData(b);

    const error = await b.fail('backup.restore', { file: zip });
    expect(error).toMatchObject({ code: 'IO', message: t_('backup.folderUnavailable', { folder }) });
    expect(storedData(b)).toBe(before);
    expect((await b.call('agency.list', {})).map((a) => a.name)).toContain('Sesudah Cadangan');
    expect(leftovers(b.dir)).toEqual([]);
  });

  it('a fresh start on a sound database keeps it and opens no second connection', async () => {
    await b.call('agency.create', { kind: 'opd', name: 'Tetap Ada' });
    const handlesBefore = openHandlesOn(databasePath(b.dir)).length;
    const status = await b.call('backup.recovery.startFresh', {});
    expect(status.needed).toBe(false);
    expect((await b.call('agency.list', {})).map((a) => a.name)).toContain('Tetap Ada');
    expect(openHandlesOn(databasePath(b.dir)).length).toBe(handlesBefore);
  });
});

describe('a restore that fails while putting the backup in place', () => {
  const open = backendsClosedAfterEach();
  const UNEXPECTED = /^unexpected error$/;

  /** A backup of `dir`'s data copied out of its folder, and the data folder made unable to take
   * the restore's journal (a folder sits under its name), the first write of the install. */
  async function backupThenBlockInstall(dir: string, b: ReturnType<typeof open>): Promise<string> {
    const info = await resultData<BackupInfo>(b.invoke('backup.create', {}));
    const zip = path.join(tempDir('rakor-restore-zip-'), info.name);
    fs.copyFileSync(info.file, zip);
    fs.mkdirSync(path.join(dir, RESTORE_JOURNAL));
    return zip;
  }

  it('opens the previous database again and keeps serving it', async () => {
    const dir = tempDir();
    const b = open(dir, [UNEXPECTED]);
    const zip = await backupThenBlockInstall(dir, b);
    await resultData(b.invoke('agency.create', { kind: 'opd', name: 'Sesudah Cadangan' }));

    const failed = await b.invoke('backup.restore', { file: zip });
    expect(failed.ok ? '' : failed.error.code).toBe('INTERNAL');
    const names = (await resultData<{ name: string }[]>(b.invoke('agency.list', {}))).map((a) => a.name);
    expect(names).toContain('Sesudah Cadangan');
    expect((await resultData<RecoveryStatus>(b.invoke('backup.recovery.status', {}))).needed).toBe(false);
  });

  it('after a damaged start, leaves the app waiting for recovery instead of opening an empty database', async () => {
    const dir = tempDir();
    let b = open(dir);
    const info = await resultData<BackupInfo>(b.invoke('backup.create', {}));
    b.close();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(4096 * 3, 0x55));
    b = open(dir, [DAMAGE_REPORT, UNEXPECTED]);
    fs.mkdirSync(path.join(dir, RESTORE_JOURNAL));

    const failed = await b.invoke('backup.restore', { file: info.file });
    expect(failed.ok ? '' : failed.error.code).toBe('INTERNAL');
    expect((await resultData<RecoveryStatus>(b.invoke('backup.recovery.status', {}))).needed).toBe(true);
    expect(fs.existsSync(databasePath(dir))).toBe(false);
  });
});
