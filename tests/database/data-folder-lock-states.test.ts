import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, currentLockHolder, LOCK_FILE_NAME, processStartOf, TAKE_OVER_FLAG, type DataLock } from '../../src-main/core/db/lock';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { openHandlesOn } from '../support/open-handles';

// The data-folder lock (issue 12) in the states a real data folder meets: owner files written
// by hand as a crashed start, an older version, a reused PID, another computer or a racing
// start leave them. Everything in this process: the children only keep a PID alive.

const locks: DataLock[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const l of locks.splice(0)) l.release();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

const OTHER_HOST = 'LAPTOP-BAPPEDA-07';
const BUSY = t('error.busy');
const OTHER_HOST_BUSY = t('error.busyOtherHostTakeOver', { host: OTHER_HOST, flag: TAKE_OVER_FLAG });

function lockFile(dir: string): string {
  return path.join(dir, LOCK_FILE_NAME);
}

/** Writes an owner file as another process would have; `mtimeMs` backdates it. */
function writeLock(dir: string, owner: Record<string, unknown>, mtimeMs?: number): string {
  const file = lockFile(dir);
  fs.writeFileSync(file, JSON.stringify(owner));
  if (mtimeMs !== undefined) fs.utimesSync(file, new Date(mtimeMs), new Date(mtimeMs));
  return file;
}

function take(dir: string, options?: Parameters<typeof acquireDataLock>[1]): DataLock {
  const lock = acquireDataLock(dir, options);
  locks.push(lock);
  return lock;
}

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return 'not refused';
}

function ownerIn(file: string): { pid: number; host: string; startedAt: string; processStart: string | null } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A live process that is not us: its PID stays taken while the test runs. */
function liveOtherProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

const bootedAt = () => Date.now() - os.uptime() * 1000;

describe('the start time a lock records', () => {
  // Keep this test first in the file: lock.ts reads the boot id once per loaded module, at its
  // first call, and only the test making that call sees how it is read.
  it.runIf(process.platform === 'linux')("is this boot's id and the ticks since boot at which the process started", () => {
    const start = processStartOf(process.pid);
    const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    expect(start?.startsWith(`${bootId}:`)).toBe(true);
    // Ticks of 1/100 s (USER_HZ): a PID reused later in this boot gets a larger value.
    const seconds = Number(start!.slice(bootId.length + 1)) / 100;
    expect(Math.abs(seconds - (os.uptime() - process.uptime()))).toBeLessThan(2);
    expect(processStartOf(process.pid)).toBe(start);
  });
});

describe('a lock of a live process on this computer', () => {
  it('is kept when it records no start time (an older version, or an OS that gives none): a reused PID cannot be told', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    for (const owner of [{ pid, host: os.hostname(), startedAt: new Date().toISOString() }, { pid, host: os.hostname(), processStart: 12345 }]) {
      const file = writeLock(dir, owner);
      const before = fs.readFileSync(file, 'utf8');
      expect(refusal(() => acquireDataLock(dir, { processStartOf: () => 'boot-ini:99999' }))).toBe(BUSY);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
      expect(currentLockHolder(dir)).toEqual({ host: os.hostname(), pid, thisHost: true });
    }
  });

  it('is kept when its start cannot be read now (the OS hides other processes)', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    const file = writeLock(dir, { pid, host: os.hostname(), processStart: 'boot-lain:12345', startedAt: new Date().toISOString() });
    expect(refusal(() => acquireDataLock(dir, { processStartOf: () => null }))).toBe(BUSY);
    expect(ownerIn(file).pid).toBe(pid);
  });

  it('is kept when written since this boot, even right after it (an app started at log-in)', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    const start = processStartOf(pid) ?? 'sama';
    for (const written of [bootedAt() + 30_000, Date.now() - 5 * 60_000]) {
      const file = writeLock(dir, { pid, host: os.hostname(), processStart: start, startedAt: new Date(written).toISOString() }, written);
      expect(refusal(() => acquireDataLock(dir, { processStartOf: () => start }))).toBe(BUSY);
      expect(ownerIn(file).pid).toBe(pid);
    }
  });

  it('is nobody\'s for read-only tools when written before this boot or by a process that had its PID before', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    const start = processStartOf(pid);
    writeLock(dir, { pid, host: os.hostname(), processStart: start, startedAt: 'x' }, bootedAt() - 2 * 60_000);
    expect(currentLockHolder(dir)).toBeNull();
    if (process.platform !== 'linux') return;
    writeLock(dir, { pid, host: os.hostname(), processStart: `${start}0`, startedAt: 'x' });
    expect(currentLockHolder(dir)).toBeNull();
    writeLock(dir, { pid, host: os.hostname(), processStart: start, startedAt: 'x' });
    expect(currentLockHolder(dir)).toEqual({ host: os.hostname(), pid, thisHost: true });
  });

  it('of another user (PID 1) is kept as alive, whether or not this process may signal it', () => {
    const dir = tempDir('rakor-lock-');
    const start = processStartOf(1) ?? 'sama';
    const file = writeLock(dir, { pid: 1, host: os.hostname(), processStart: start, startedAt: new Date().toISOString() });
    expect(refusal(() => acquireDataLock(dir, { processStartOf: () => start }))).toBe(BUSY);
    expect(ownerIn(file).pid).toBe(1);
  });
});

describe('an owner file without its fields', () => {
  it('with a PID but no host is waited for like an unreadable one, then taken', () => {
    const dir = tempDir('rakor-lock-');
    const file = writeLock(dir, { pid: deadPid() });
    // Not "another computer": there is no computer named in it.
    expect(refusal(() => acquireDataLock(dir))).toBe(BUSY);
    const old = Date.now() - 11_000;
    fs.utimesSync(file, new Date(old), new Date(old));
    expect(ownerIn(take(dir).file)).toMatchObject({ pid: process.pid, host: os.hostname() });
  });
});

describe('this process and its own lock', () => {
  it('refuses the same folder reached through another path (a symlink) and leaves the lock as it is', () => {
    const dir = tempDir('rakor-lock-');
    const link = `${dir}-tautan`;
    fs.symlinkSync(dir, link);
    const lock = take(dir);
    const mine = fs.readFileSync(lock.file, 'utf8');
    expect(refusal(() => acquireDataLock(link))).toBe(BUSY);
    expect(fs.readFileSync(lock.file, 'utf8')).toBe(mine);
  });

  it('takes over a lock a crashed earlier process with this PID left (a restarted container, a PID reused after a reboot)', () => {
    const dir = tempDir('rakor-lock-');
    const mine = processStartOf(process.pid);
    const left: { processStart: string | null; mtimeMs: number }[] = [{ processStart: null, mtimeMs: bootedAt() - 2 * 60_000 }];
    if (mine !== null) left.push({ processStart: `${mine}0`, mtimeMs: Date.now() - 60_000 });
    for (const { processStart, mtimeMs } of left) {
      writeLock(dir, { pid: process.pid, host: os.hostname(), processStart, startedAt: new Date(mtimeMs).toISOString() }, mtimeMs);
      const lock = acquireDataLock(dir);
      expect(ownerIn(lock.file)).toMatchObject({ pid: process.pid, processStart: mine });
      expect(ownerIn(lock.file).startedAt).not.toBe(new Date(mtimeMs).toISOString());
      lock.release();
      expect(fs.existsSync(lock.file)).toBe(false);
    }
  });

  it('refuses a second holder while it holds the folder, even after the lock file was deleted by hand', () => {
    const dir = tempDir('rakor-lock-');
    const lock = take(dir);
    fs.rmSync(lock.file);
    expect(refusal(() => acquireDataLock(dir))).toBe(BUSY);
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('an old handle released twice does not free the folder a newer holder took', () => {
    const dir = tempDir('rakor-lock-');
    const old = acquireDataLock(dir);
    old.release();
    const newer = take(dir);
    const content = fs.readFileSync(newer.file, 'utf8');
    old.release();
    expect(fs.readFileSync(newer.file, 'utf8')).toBe(content);
    fs.rmSync(newer.file);
    expect(refusal(() => acquireDataLock(dir))).toBe(BUSY);
  });

  it('release removes only the lock it wrote: one differing in PID, host or start alone is left', () => {
    const dir = tempDir('rakor-lock-');
    for (const change of [{ pid: 4242 }, { host: OTHER_HOST }, { startedAt: '2020-01-01T00:00:00.000Z' }]) {
      const lock = acquireDataLock(dir);
      const theirs = { ...ownerIn(lock.file), ...change };
      writeLock(dir, theirs);
      lock.release();
      expect(ownerIn(lock.file)).toEqual(theirs);
      fs.rmSync(lock.file);
    }
  });

  it('release does not fail when the lock was deleted or emptied meanwhile, and frees the folder', () => {
    const dir = tempDir('rakor-lock-');
    const gone = acquireDataLock(dir);
    fs.rmSync(gone.file);
    expect(() => gone.release()).not.toThrow();
    const emptied = acquireDataLock(dir);
    fs.writeFileSync(emptied.file, '');
    expect(() => emptied.release()).not.toThrow();
    // An empty file is nobody's: left for the next start to judge.
    expect(fs.readFileSync(emptied.file, 'utf8')).toBe('');
    fs.rmSync(emptied.file);
    take(dir);
  });

  it.runIf(process.platform === 'linux')('leaves no file open once taken and once released (Windows would keep it locked)', () => {
    const dir = tempDir('rakor-lock-');
    const lock = acquireDataLock(dir);
    expect(openHandlesOn(dir)).toEqual([]);
    lock.release();
    expect(openHandlesOn(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the sweep of temp files a killed start left', () => {
  it('removes only old temp files of the lock: nothing else in the data folder, whatever its age', () => {
    const dir = tempDir('rakor-lock-');
    const old = new Date(Date.now() - 10 * 60_000);
    const others = ['rakor-kla.sqlite', 'catatan.tmp', `${LOCK_FILE_NAME}.salinan`];
    const leftover = `${LOCK_FILE_NAME}.4242.1700000000000.tmp`;
    for (const name of [...others, leftover]) {
      fs.writeFileSync(path.join(dir, name), 'isi');
      fs.utimesSync(path.join(dir, name), old, old);
    }
    take(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([...others, LOCK_FILE_NAME].sort());
  });
});

describe('a lock that cannot be read or moved', () => {
  it('a missing data folder is reported as what it is, not as a folder in use', () => {
    const missing = path.join(tempDir('rakor-lock-'), 'belum-ada');
    let error: unknown;
    try {
      acquireDataLock(missing);
    } catch (thrown) {
      error = thrown;
    }
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect((error as Error).message).not.toBe(BUSY);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('a folder in place of the lock file is an error, never taken for a free data folder', () => {
    const dir = tempDir('rakor-lock-');
    fs.mkdirSync(lockFile(dir));
    expect(() => currentLockHolder(dir)).toThrow();
    expect(() => acquireDataLock(dir)).toThrow();
    expect(fs.statSync(lockFile(dir)).isDirectory()).toBe(true);
  });

  it('a stale lock that cannot be moved aside (held open on Windows) ends in the busy error, naming the other computer', () => {
    const dir = tempDir('rakor-lock-');
    // Each take-over attempt renames the lock to <lock>.stale-<pid>-<attempt>: a folder there refuses it.
    for (let attempt = 0; attempt < 10; attempt++) {
      const blocker = `${lockFile(dir)}.stale-${process.pid}-${attempt}`;
      fs.mkdirSync(blocker);
      fs.writeFileSync(path.join(blocker, 'isi'), '');
    }
    const dead = writeLock(dir, { pid: deadPid(), host: os.hostname(), processStart: null, startedAt: 'x' });
    const before = fs.readFileSync(dead, 'utf8');
    expect(refusal(() => acquireDataLock(dir))).toBe(BUSY);
    expect(fs.readFileSync(dead, 'utf8')).toBe(before);
    writeLock(dir, { pid: 4242, host: OTHER_HOST, processStart: null, startedAt: 'x' });
    expect(refusal(() => acquireDataLock(dir, { takeOver: true }))).toBe(OTHER_HOST_BUSY);
    expect(ownerIn(lockFile(dir)).host).toBe(OTHER_HOST);
  });
});

describe('a take-over racing another start', () => {
  // The stale lock is judged, then renamed away: a start that replaced it in between must get
  // its lock back. The hook that reads the holder's start runs in between, so it plays that start.
  for (const [label, racer] of [
    ['the same PID, another start', (stale: { pid: number; startedAt: string }) => ({ pid: stale.pid, startedAt: '2030-01-01T00:00:00.000Z' })],
    ['another PID, the same start', (stale: { pid: number; startedAt: string }) => ({ pid: 4242, startedAt: stale.startedAt })],
  ] as const) {
    it(`puts back a fresh lock written while the stale one was judged (${label}) and refuses`, () => {
      const dir = tempDir('rakor-lock-');
      const stale = { pid: liveOtherProcess(), host: os.hostname(), processStart: 'boot-lain:1', startedAt: new Date().toISOString() };
      writeLock(dir, stale);
      const fresh = { ...racer(stale), host: OTHER_HOST, processStart: null };
      let raced = false;
      const startOf = () => {
        if (!raced) writeLock(dir, fresh);
        raced = true;
        return 'boot-ini:99999';
      };
      expect(refusal(() => acquireDataLock(dir, { processStartOf: startOf }))).toBe(OTHER_HOST_BUSY);
      expect(ownerIn(lockFile(dir))).toEqual(fresh);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    });
  }
});
