import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import { t as message } from '../../shared/messages';
import { createBackend, toApiError, type Backend, type BackendOptions } from '../../src-main/core/backend';
import { RESTORE_JOURNAL } from '../../src-main/core/backup/restore';
import { LOCK_FILE_NAME } from '../../src-main/core/db/lock';
import { startupErrorText } from '../../src-main/core/startup-error';
import { readBackupSettings } from '../../src-main/core/backup/settings';
import { databasePath } from '../../src-main/core/db/database';
import { tempDir } from '../support/backup-helpers';
import { DAMAGE_REPORT, strictLog } from '../support/strict-log';
import { timeLimit } from '../support/time-limit';

// The backend's start-up options, in process. The command line (read-only checks and exports),
// the Electron shell (lock take-over, daily backup) and the web runtime use them from child
// processes, which the suite also tests; these tests state each option's effect where a
// mutation run sees it.

const opened: Backend[] = [];
function open(dataDir: string, options: Partial<BackendOptions> = {}): Backend {
  const backend = createBackend({ dataDir, runtime: 'cli', log: strictLog(), backupWorker: false, ...options });
  opened.push(backend);
  return backend;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const backend of opened.splice(0)) backend.close();
});

async function ok<N extends OpName>(backend: Backend, name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const answer = await backend.invoke(name, input);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data as OpOutput<N>;
}

/** A data folder with one rakor in it, closed again. */
async function folderWithOneRakor(): Promise<string> {
  const dir = tempDir();
  const writer = open(dir);
  await ok(writer, 'meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  writer.close();
  return dir;
}

describe('read only', () => {
  it('reads beside the writer without its lock, and refuses every write with a clear message', async () => {
    const dir = await folderWithOneRakor();
    const writer = open(dir);
    const reader = open(dir, { readOnly: true });
    expect((await ok(reader, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
    const refused = await reader.invoke('meeting.create', { title: 'Baru', clusterCodes: ['III'], date: '2025-04-10', startTime: '09:00' });
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: message('error.readOnly') } });
    await ok(writer, 'meeting.create', { title: 'Dari penulis', clusterCodes: ['I'], date: '2025-04-11', startTime: '09:00' });
  });

  it('creates no folder and cleans nothing: a missing folder is an error, a partial backup stays', async () => {
    const missing = path.join(tempDir(), 'tidak-ada');
    let failure: unknown;
    try {
      open(missing, { readOnly: true });
    } catch (error) {
      failure = error;
    }
    // The user is told which database file is missing (not an internal error).
    expect(startupErrorText(failure, missing)).toEqual({
      title: message('startup.failedTitle'),
      message: `${message('error.databaseMissing', { file: databasePath(missing) })}\n\n${message('startup.failedHelp', { code: 'NOT_FOUND' })}`,
      canTakeOver: false,
    });
    expect(fs.existsSync(missing)).toBe(false);

    const dir = await folderWithOneRakor();
    const folder = readBackupSettings(dir, null).folder;
    fs.mkdirSync(folder, { recursive: true });
    const partial = path.join(folder, '.rakor-kla-2025-03-10-0900.zip.sebagian');
    const leftover = path.join(dir, '.cadangan-sementara-lama');
    fs.writeFileSync(partial, 'setengah');
    fs.mkdirSync(leftover);
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(partial, hourAgo, hourAgo);
    open(dir, { readOnly: true }).close();
    expect([fs.existsSync(partial), fs.existsSync(leftover)]).toEqual([true, true]);
    open(dir).close();
    expect([fs.existsSync(partial), fs.existsSync(leftover)]).toEqual([false, false]);
  });
});

describe('the data-folder lock', () => {
  it('refuses a second writer on the folder, unless the caller opted out of the lock', async () => {
    const dir = tempDir();
    open(dir);
    expect(() => open(dir)).toThrow(message('error.busy'));
    const unlocked = open(dir, { lock: false });
    expect((await unlocked.invoke('meeting.list', {})).ok).toBe(true);
  });

  it('is taken from another computer only when the user asked to take it over', async () => {
    const dir = await folderWithOneRakor();
    const lockFile = path.join(dir, LOCK_FILE_NAME);
    fs.writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'LAPTOP-BAPPEDA-07', startedAt: new Date().toISOString(), processStart: null }));
    expect(() => open(dir)).toThrow(/LAPTOP-BAPPEDA-07/);
    const backend = open(dir, { takeOverLock: true });
    expect((await ok(backend, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('is released when opening fails, so the next start is not refused', () => {
    const dir = tempDir();
    fs.mkdirSync(databasePath(dir)); // a folder where the database file should be
    expect(() => open(dir)).toThrow();
    fs.rmdirSync(databasePath(dir));
    expect(() => open(dir)).not.toThrow();
  });
});

describe('start-up upkeep', () => {
  it('forgets create answers older than 30 days', async () => {
    const dir = await folderWithOneRakor();
    const writer = open(dir);
    const insert = writer.db.prepare(`INSERT INTO request_log (request_id, op, result_json, created_at) VALUES (?, 'meeting.create', '{}', ?)`);
    insert.run('lama', new Date(Date.now() - 31 * 86_400_000).toISOString());
    insert.run('baru', new Date(Date.now() - 29 * 86_400_000).toISOString());
    writer.close();
    const reopened = open(dir);
    expect(reopened.db.prepare(`SELECT request_id AS id FROM request_log WHERE request_id IN ('lama', 'baru')`).all()).toEqual([{ id: 'baru' }]);
  });

  it('reports a damaged database moved aside, naming the problem and where it went', () => {
    const dir = tempDir();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    const reports: [string, unknown][] = [];
    const backend = open(dir, { log: (text, detail) => reports.push([text, detail]) });
    expect(backend.recoveryNeeded()).toBe(true);
    expect(reports).toHaveLength(1);
    const [text, detail] = reports[0];
    expect(text).toMatch(DAMAGE_REPORT);
    expect(String(detail)).toMatch(/^.+ -> .*rakor.*$/);
  });

  it('never keeps the app from starting when the upkeep fails: it is reported', async () => {
    const dir = await folderWithOneRakor();
    const writer = open(dir);
    writer.db.prepare(`INSERT INTO request_log (request_id, op, result_json, created_at) VALUES ('lama', 'meeting.create', '{}', ?)`).run(new Date(Date.now() - 40 * 86_400_000).toISOString());
    writer.db.exec(`CREATE TRIGGER request_log_kept BEFORE DELETE ON request_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    writer.close();
    const reports: [string, unknown][] = [];
    const backend = open(dir, { log: (text, detail) => reports.push([text, detail]) });
    expect((await ok(backend, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
    expect(reports).toEqual([['record upkeep failed', expect.objectContaining({ message: 'disk full' })]]);
  });

  it('finishes a restore a kill interrupted before opening, and reports it', async () => {
    const dir = await folderWithOneRakor();
    // A journal that names no staged file: the restore had already put its file in place.
    fs.writeFileSync(path.join(dir, RESTORE_JOURNAL), '{}');
    const reports: [string, unknown][] = [];
    const backend = open(dir, { log: (text, detail) => reports.push([text, detail]) });
    expect(reports).toEqual([['interrupted restore completed at start-up', 'finished']]);
    expect(fs.existsSync(path.join(dir, RESTORE_JOURNAL))).toBe(false);
    expect((await ok(backend, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
  });

  it('offers no database while a damaged one awaits recovery, and lists every file moved aside', () => {
    const dir = tempDir();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    fs.writeFileSync(`${databasePath(dir)}-wal`, Buffer.alloc(100, 7));
    const reports: [string, unknown][] = [];
    const backend = open(dir, { log: (text, detail) => reports.push([text, detail]) });
    let refused: unknown;
    try {
      void backend.db;
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'RECOVERY_NEEDED', message: message('error.recoveryNeeded') });
    const moved = fs.readdirSync(dir).filter((name) => name.includes('rusak')).map((name) => path.join(dir, name)).sort();
    expect(moved).toHaveLength(2);
    const detail = String(reports[0][1]);
    expect(detail.slice(detail.indexOf(' -> ') + 4).split(', ').sort()).toEqual(moved);
  });

  it('writes to the console when the caller gives no log', () => {
    const dir = tempDir();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    open(dir, { log: undefined });
    expect(printed).toHaveBeenCalledWith('[rakor] database damaged, moved aside:', expect.stringContaining(' -> '));
  });
});

describe('the daily automatic backup', () => {
  it('runs after the given delay when asked for, and not otherwise', { timeout: timeLimit(20_000) }, async () => {
    const dir = await folderWithOneRakor();
    const quiet = open(dir, { autoBackup: false, autoBackupDelayMs: 10 });
    // Well past the delay, then wait for any backup already started.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await quiet.settle();
    expect((await ok(quiet, 'backup.list', {})).backups).toEqual([]);
    quiet.close();
    const daily = open(dir, { autoBackup: true, autoBackupDelayMs: 10 });
    await expect.poll(async () => (await ok(daily, 'backup.list', {})).backups.length, { timeout: 1500 }).toBe(1);
  });
});

describe('the daily automatic backup, stopped', () => {
  it('does not run once the backend settled or closed before its delay', { timeout: timeLimit(20_000) }, async () => {
    const [settledDir, closedDir] = [await folderWithOneRakor(), await folderWithOneRakor()];
    const reports: unknown[] = [];
    const log = (text: string, detail: unknown) => reports.push([text, detail]);
    // Settled (as before a restore or at shutdown) but still open during the wait.
    const settled = open(settledDir, { autoBackup: true, autoBackupDelayMs: 10, log });
    await settled.settle();
    open(closedDir, { autoBackup: true, autoBackupDelayMs: 10, log }).close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reports).toEqual([]);
    expect((await ok(settled, 'backup.list', {})).backups).toEqual([]);
    expect((await ok(open(closedDir, { readOnly: true }), 'backup.list', {})).backups).toEqual([]);
  });
});

describe('the automatic backup after closing a rakor', () => {
  it('never keeps the rakor from closing when it fails: the failure is reported', async () => {
    const dir = tempDir();
    const reports: [string, unknown][] = [];
    const backend = open(dir, { autoBackup: true, autoBackupDelayMs: 60_000, log: (text, detail) => reports.push([text, detail]) });
    const rakor = await ok(backend, 'meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
    // The backup folder is a file now (a drive letter reused, a name taken): the backup cannot be written.
    const folder = readBackupSettings(dir, backend.db).folder;
    fs.rmSync(folder, { recursive: true, force: true });
    fs.writeFileSync(folder, 'bukan folder');
    const closed = await ok(backend, 'meeting.close', { id: rakor.id, endTime: '11:30' });
    expect(closed.status).toBe('selesai');
    await backend.settle();
    expect(reports).toEqual([['automatic backup failed', expect.anything()]]);
  });
});

describe('reads', () => {
  it('are answered at once while another connection holds the write lock (they take no write lock)', { timeout: timeLimit(20_000) }, async () => {
    const dir = await folderWithOneRakor();
    const writer = open(dir);
    const reader = open(dir, { readOnly: true });
    // A second connection that may write (the lock is the caller's business here): its reads too.
    const other = open(dir, { lock: false });
    writer.db.exec('BEGIN IMMEDIATE');
    try {
      expect((await ok(reader, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
      expect((await ok(other, 'meeting.list', {})).map((m) => m.title)).toEqual(['Rakor Klaster III']);
    } finally {
      writer.db.exec('ROLLBACK');
    }
  });
});

describe('answers', () => {
  it('answers INTERNAL once closed', async () => {
    const backend = open(tempDir());
    backend.close();
    expect(await backend.invoke('meeting.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: message('error.internal') } });
  });

  it('turns a SQLite constraint into CONFLICT, and any other error, even null, into INTERNAL it reports', () => {
    const reports: unknown[] = [];
    const log = (_: string, error: unknown) => reports.push(error);
    expect(toApiError({ code: 'SQLITE_CONSTRAINT_UNIQUE' }, log)).toEqual({ ok: false, error: { code: 'CONFLICT', message: message('error.conflict') } });
    expect(reports).toEqual([]);
    const internal = { ok: false, error: { code: 'INTERNAL', message: message('error.internal') } };
    expect(toApiError({ code: 'SQLITE_BUSY' }, log)).toEqual(internal);
    expect(toApiError(null, log)).toEqual(internal);
    expect(toApiError(new Error('x'), undefined)).toEqual(internal);
    expect(reports).toEqual([{ code: 'SQLITE_BUSY' }, null]);
  });
});
