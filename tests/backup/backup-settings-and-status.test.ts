import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { databasePath, SCHEMA_VERSION } from '../../src-main/core/db/database';
import { METADATA_ENTRY } from '../../src-main/core/backup/metadata';
import { backupFileName } from '../../src-main/core/backup/rotation';
import { readBackupSettings, SETTINGS_MIRROR } from '../../src-main/core/backup/settings';
import type { BackupInfo, BackupProgress, BackupSettings, RecoveryStatus } from '../../shared/api/backup';
import { t as t_ } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { backendsClosedAfterEach, progressWhile, resultData } from '../support/closing-backends';
import { DAMAGE_REPORT } from '../support/strict-log';
import { backupHandlers } from '../../src-main/core/backup/handlers';
import { createBackupService } from '../../src-main/core/backup/host';
import { evidenceFiles } from '../../src-main/core/evidence/file-store';
import { LiveDatabase } from '../../src-main/core/live-database';
import { AppError } from '../../shared/errors';

// The backup folder setting (validated in Indonesian, nothing written when refused; the database
// is the truth, the mirror file beside it serves only recovery), the progress a backup shows from
// its first moment, and what recovery offers: the readable backups this app can restore.

const mirror = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, SETTINGS_MIRROR), 'utf8')) as { folder: string };
const storedSetting = (t: { backend: { db: import('better-sqlite3').Database } }) =>
  (t.backend.db.prepare(`SELECT value FROM app_meta WHERE key = 'backup.folder'`).get() as { value: string } | undefined)?.value;

describe('choosing the backup folder (settings)', () => {
  const t = backendPerTest();

  it('refuses a relative folder on the folder field in Indonesian and writes nothing', async () => {
    const before = storedData(t);
    const error = await t.fail('backup.settings.set', { folder: 'cadangan/flashdisk' });
    expect(error).toMatchObject({ code: 'VALIDATION', message: t_('error.validation'), fields: [{ path: 'folder', message: t_('backup.folderNotAbsolute') }] });
    expect(storedData(t)).toBe(before);
    expect(fs.existsSync(path.join(t.dir, SETTINGS_MIRROR))).toBe(false);
  });

  it('stores another folder in the database and the mirror, and the default one as empty', async () => {
    const defaultFolder = path.join(t.dir, 'cadangan');
    expect(await t.call('backup.settings.get', {})).toEqual({ folder: defaultFolder, defaultFolder, isDefault: true });
    const other = tempDir('rakor-cadangan-lain-');
    expect(await t.call('backup.settings.set', { folder: ` ${other} ` })).toEqual({ folder: other, defaultFolder, isDefault: false });
    expect(storedSetting(t)).toBe(other);
    expect(mirror(t.dir)).toEqual({ folder: other });
    expect(await t.call('backup.settings.get', {})).toEqual({ folder: other, defaultFolder, isDefault: false });

    // Choosing the default folder by its path stores "the default", so the data folder can move.
    expect(await t.call('backup.settings.set', { folder: defaultFolder })).toEqual({ folder: defaultFolder, defaultFolder, isDefault: true });
    expect(storedSetting(t)).toBe('');
    expect(mirror(t.dir)).toEqual({ folder: '' });
    await t.call('backup.settings.set', { folder: other });
    expect(await t.call('backup.settings.set', { folder: '' })).toEqual({ folder: defaultFolder, defaultFolder, isDefault: true });
    expect(storedSetting(t)).toBe('');
  });

  it('reads the database, not the mirror, while there is a database; the mirror only without one', async () => {
    const other = tempDir('rakor-cadangan-lain-');
    await t.call('backup.settings.set', { folder: other });
    const elsewhere = tempDir('rakor-cadangan-cermin-');
    fs.writeFileSync(path.join(t.dir, SETTINGS_MIRROR), JSON.stringify({ folder: elsewhere }));
    expect(readBackupSettings(t.dir, t.backend.db).folder).toBe(other);
    expect(readBackupSettings(t.dir, null).folder).toBe(elsewhere);
    // A mirror whose folder is not text is ignored: the default folder.
    fs.writeFileSync(path.join(t.dir, SETTINGS_MIRROR), JSON.stringify({ folder: 5 }));
    expect(readBackupSettings(t.dir, null)).toEqual({ folder: path.join(t.dir, 'cadangan'), defaultFolder: path.join(t.dir, 'cadangan'), isDefault: true });
  });

  it('shows the backup as running, at 0, from the moment it is asked for', async () => {
    const { seen } = await progressWhile<BackupInfo>(t.backend, t.backend.invoke('backup.create', {}));
    // Before the snapshot is checked (it reports 0.05 then), the bar already shows the backup.
    expect(seen[0]).toEqual({ task: 'backup', fraction: 0 });
    expect(seen.every((p) => p.task === 'backup')).toBe(true);
    expect(await resultData<BackupProgress>(t.backend.invoke('backup.progress', {}))).toEqual({ task: null, fraction: 0 });
  });

  it('offers nothing to recover while the database is sound', async () => {
    await t.call('backup.create', {});
    const status = await t.call('backup.recovery.status', {});
    expect(status).toEqual({ needed: false, problem: '', movedTo: [], detectedAt: null, backups: [], folder: path.join(t.dir, 'cadangan') });
  });
});

describe('recovery after a damaged start', () => {
  const open = backendsClosedAfterEach();

  it('offers only readable backups this app can restore, says what was wrong and when, and refuses backups and settings', async () => {
    const dir = tempDir();
    let b = open(dir);
    const good = await resultData<BackupInfo>(b.invoke('backup.create', {}));
    const folder = path.dirname(good.file);
    // A backup from a newer app (its schema is ahead), and a backup-named file that is no zip.
    const contents = unzipSync(fs.readFileSync(good.file));
    const metadata = JSON.parse(new TextDecoder().decode(contents[METADATA_ENTRY])) as Record<string, unknown>;
    contents[METADATA_ENTRY] = new TextEncoder().encode(JSON.stringify({ ...metadata, schemaVersion: SCHEMA_VERSION + 1 }));
    fs.writeFileSync(path.join(folder, backupFileName(new Date(Date.now() + 3_600_000))), zipSync(contents));
    fs.writeFileSync(path.join(folder, backupFileName(new Date(Date.now() + 7_200_000))), 'bukan zip');
    b.close();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(4096 * 3, 0x55));

    b = open(dir, [DAMAGE_REPORT]);
    const status = await resultData<RecoveryStatus>(b.invoke('backup.recovery.status', {}));
    expect(status.needed).toBe(true);
    expect(status.problem).not.toBe('');
    expect(status.movedTo.length).toBeGreaterThan(0);
    expect(status.detectedAt).not.toBeNull();
    expect(status.backups.map((i) => i.name)).toEqual([good.name]);

    const backup = await b.invoke('backup.create', {});
    expect(backup.ok ? '' : backup.error.code).toBe('RECOVERY_NEEDED');
    const setting = await b.invoke('backup.settings.set', { folder: tempDir() });
    expect(setting.ok ? '' : setting.error.code).toBe('RECOVERY_NEEDED');
    expect(readBackupSettings(dir, null).folder).toBe(folder);
    // Reading the setting needs no database: it comes from the mirror.
    expect(await resultData<BackupSettings>(b.invoke('backup.settings.get', {}))).toMatchObject({ folder, isDefault: true });
  });
});

describe('the backup service itself, while recovery is pending', () => {
  // The backend refuses these ops earlier; the service and its handlers refuse them too, so an
  // automatic backup started while the database awaits recovery fails in words, not a TypeError.
  const damaged = () => new LiveDatabase({ kind: 'recovery', problem: 'file is not a database', movedTo: [], detectedAt: '2025-03-10T02:00:00.000Z' });

  it('refuses a backup and a folder change with RECOVERY_NEEDED, writing no mirror', async () => {
    const dir = tempDir();
    const service = createBackupService(damaged(), dir, databasePath(dir), evidenceFiles);
    const backup = await service.backup('start').then(() => null, (e: unknown) => e);
    expect(backup).toBeInstanceOf(AppError);
    expect((backup as AppError).code).toBe('RECOVERY_NEEDED');
    expect((backup as AppError).message).toBe(t_('error.recoveryNeeded'));
    const setting = (() => {
      try {
        backupHandlers(service)['backup.settings.set']({ folder: tempDir() });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(setting).toBeInstanceOf(AppError);
    expect((setting as AppError).code).toBe('RECOVERY_NEEDED');
    expect((setting as AppError).message).toBe(t_('error.recoveryNeeded'));
    expect(fs.existsSync(path.join(dir, SETTINGS_MIRROR))).toBe(false);
  });
});
