import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../src-main/core/db/database';
import { STAGED_PREFIX } from '../../src-main/core/backup/restore';
import type { RestoreResult } from '../../shared/api/backup';
import { t as t_ } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { progressWhile } from '../support/closing-backends';
import { openHandlesOn } from '../support/open-handles';

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
