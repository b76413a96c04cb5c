import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startupErrorText } from '../../src-main/core/startup-error';
import { acquireDataLock, LOCK_FILE_NAME, LockedByOtherHostError, TAKE_OVER_FLAG } from '../../src-main/core/db/lock';
import { createBackend } from '../../src-main/core/backend';
import { SCHEMA_VERSION } from '../../src-main/core/db/migrations';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';

// Issue 12: what a user reads when the app cannot start, in Indonesian, for each failure
// createBackend really throws (the Electron shell only shows it: tests/electron/startup-errors-shown.test.ts).

const DIR = '/home/pegawai/.config/Rakor KLA';

/** The error createBackend really throws for a folder in this state. */
function startFailure(prepare: (dir: string) => void): unknown {
  const dir = tempDir('rakor-startup-');
  prepare(dir);
  try {
    createBackend({ dataDir: dir, runtime: 'electron', log: () => undefined }).close();
  } catch (error) {
    return error;
  }
  throw new Error('start-up did not fail');
}

describe('start-up error texts', () => {
  it('folder busy on this computer: close the other window', () => {
    let held: ReturnType<typeof acquireDataLock> | null = null;
    const error = startFailure((dir) => { held = acquireDataLock(dir); });
    (held as ReturnType<typeof acquireDataLock> | null)?.release();
    const text = startupErrorText(error, DIR);
    expect(text.title).toBe(t('startup.busyTitle'));
    expect(text.message).toContain(t('error.busy'));
    expect(text.message).toContain(DIR);
    expect(text.canTakeOver).toBe(false);
  });

  it('folder held by another computer: names it and offers the take-over', () => {
    const error = startFailure((dir) => fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 7, host: 'PC-SEKRETARIAT', startedAt: 'x' })));
    expect(error).toBeInstanceOf(LockedByOtherHostError);
    const text = startupErrorText(error, DIR);
    expect(text.title).toBe(t('startup.busyTitle'));
    expect(text.message).toContain('PC-SEKRETARIAT');
    expect(text.message).toContain(TAKE_OVER_FLAG);
    expect(text.canTakeOver).toBe(true);
  });

  it('database from a newer app: update the app, data untouched', () => {
    const error = startFailure((dir) => {
      const b = createBackend({ dataDir: dir, runtime: 'cli', log: () => undefined });
      b.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'masa depan', 'x')`).run(SCHEMA_VERSION + 1);
      b.close();
    });
    const text = startupErrorText(error, DIR);
    expect(text).toMatchObject({ title: t('startup.tooNewTitle'), canTakeOver: false });
    expect(text.message).toContain(t('error.dbTooNew'));
    expect(text.message).toContain('versi terbaru');
  });

  it('a data folder that cannot be created or written', () => {
    const notDir = (() => {
      const parent = tempDir('rakor-startup-');
      const file = path.join(parent, 'berkas');
      fs.writeFileSync(file, 'x');
      try {
        createBackend({ dataDir: path.join(file, 'data'), runtime: 'electron' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    const text = startupErrorText(notDir, DIR);
    expect(text.title).toBe(t('startup.folderTitle'));
    expect(text.message).toContain(DIR);
    expect(text.message).toMatch(/ENOTDIR|ENOENT/);
  });

  it('anything else: a plain message with a code, never a stack trace', () => {
    const text = startupErrorText(new TypeError('Cannot read properties of undefined (reading x)'), DIR);
    expect(text.title).toBe(t('startup.failedTitle'));
    expect(text.message).toContain('INTERNAL');
    expect(text.message).not.toMatch(/Cannot read|TypeError|\n\s+at /);
    const app = startupErrorText(new AppError('IO', 'Disk penuh.'), DIR);
    expect(app.message).toContain('Disk penuh.');
  });
});

describe('start-up error texts, word for word', () => {
  it('name the folder and the code for every folder error, and for a database SQLite cannot open', () => {
    for (const code of ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'ENOENT', 'EISDIR', 'EBUSY']) {
      expect(startupErrorText(Object.assign(new Error('x'), { code }), DIR), code).toEqual({
        title: t('startup.folderTitle'),
        message: t('startup.folderHelp', { folder: DIR, code }),
        canTakeOver: false,
      });
    }
    expect(startupErrorText(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }), DIR)).toEqual({
      title: t('startup.failedTitle'),
      message: t('startup.databaseHelp', { folder: DIR, code: 'SQLITE_NOTADB' }),
      canTakeOver: false,
    });
  });

  it('give any other code as it is, and INTERNAL when there is none', () => {
    const failed = (code: string) => ({ title: t('startup.failedTitle'), message: t('startup.failedHelp', { code }), canTakeOver: false });
    expect(startupErrorText(Object.assign(new Error('x'), { code: 'ERR_DLOPEN_FAILED' }), DIR)).toEqual(failed('ERR_DLOPEN_FAILED'));
    // A code that only looks like a folder or SQLite code, a non-string code, no error at all.
    expect(startupErrorText(Object.assign(new Error('x'), { code: 'EACCESS' }), DIR)).toEqual(failed('EACCESS'));
    expect(startupErrorText(Object.assign(new Error('x'), { code: 'XSQLITE_BUSY' }), DIR)).toEqual(failed('XSQLITE_BUSY'));
    expect(startupErrorText(Object.assign(new Error('x'), { code: 13 }), DIR)).toEqual(failed('INTERNAL'));
    expect(startupErrorText(undefined, DIR)).toEqual(failed('INTERNAL'));
    expect(startupErrorText('gagal', DIR)).toEqual(failed('INTERNAL'));
  });

  it('put the message of the failure first, then what to do', () => {
    expect(startupErrorText(new AppError('BUSY', 'Folder dipakai.'), DIR)).toEqual({
      title: t('startup.busyTitle'),
      message: `Folder dipakai.\n\n${t('startup.busyHelp', { folder: DIR, flag: TAKE_OVER_FLAG })}`,
      canTakeOver: false,
    });
    expect(startupErrorText(new AppError('DB_TOO_NEW', 'Terlalu baru.'), DIR)).toEqual({
      title: t('startup.tooNewTitle'),
      message: `Terlalu baru.\n\n${t('startup.tooNewHelp', { folder: DIR })}`,
      canTakeOver: false,
    });
    expect(startupErrorText(new AppError('IO', 'Disk penuh.'), DIR)).toEqual({
      title: t('startup.failedTitle'),
      message: `Disk penuh.\n\n${t('startup.failedHelp', { code: 'IO' })}`,
      canTakeOver: false,
    });
  });
});
