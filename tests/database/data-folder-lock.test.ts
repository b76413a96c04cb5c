import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, currentLockHolder, LOCK_FILE_NAME, processStartOf, TAKE_OVER_FLAG, type DataLock } from '../../src-main/core/db/lock';
import { createBackend } from '../../src-main/core/backend';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';

// Issue 12: the data-folder lock names its owner by host, PID and process start time. On this
// host a dead PID or a PID now used by another process is stale; a lock from another computer
// is never taken over silently, however old, only when the user asks (--ambil-alih).
// In the mutation set: the child processes here only keep a PID alive; the command-line
// take-over, whose child would never see a mutant, is in tests/cli/lock-take-over.test.ts.

const locks: DataLock[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const l of locks.splice(0)) l.release();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function writeLock(dir: string, owner: Record<string, unknown>, ageMs = 0): string {
  const file = path.join(dir, LOCK_FILE_NAME);
  fs.writeFileSync(file, JSON.stringify({ startedAt: new Date().toISOString(), processStart: null, ...owner }));
  if (ageMs) {
    const then = new Date(Date.now() - ageMs);
    fs.utimesSync(file, then, then);
  }
  return file;
}

function take(dir: string, options?: Parameters<typeof acquireDataLock>[1]): DataLock {
  const lock = acquireDataLock(dir, options);
  locks.push(lock);
  return lock;
}

/** A live process that is not us: its PID stays taken while the test runs. */
function liveOtherProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

const YEAR = 365 * 24 * 3600_000;

describe('data-folder lock', () => {
  it('refuses a second holder in the same process and in another backend', () => {
    const dir = tempDir('rakor-lock-');
    take(dir);
    expect(() => acquireDataLock(dir)).toThrow(t('error.busy'));
    expect(() => createBackend({ dataDir: dir, runtime: 'cli' })).toThrow(/sedang dipakai/);
  });

  it('is created with its owner already in it and sweeps temp files a killed start left behind', () => {
    const dir = tempDir('rakor-lock-');
    const leftover = path.join(dir, `${LOCK_FILE_NAME}.4242.1700000000000.tmp`);
    fs.writeFileSync(leftover, '{"pid":4242}');
    const old = new Date(Date.now() - 5 * 60_000);
    fs.utimesSync(leftover, old, old);
    const fresh = path.join(dir, `${LOCK_FILE_NAME}.4343.1700000000001.tmp`);
    fs.writeFileSync(fresh, '{"pid":4343}');
    const lock = take(dir);
    // Never an empty lock (which a kill between create and write used to leave, blocking the next start).
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(fs.existsSync(leftover)).toBe(false);
    // A younger one may belong to a start running right now: left alone.
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(LOCK_FILE_NAME))).toEqual([LOCK_FILE_NAME, path.basename(fresh)].sort());
  });

  it('records host, PID and (on Linux) the process start time', () => {
    const dir = tempDir('rakor-lock-');
    const lock = take(dir);
    const owner = JSON.parse(fs.readFileSync(lock.file, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: os.hostname() });
    if (process.platform === 'linux') expect(owner.processStart).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(owner.processStart).toBe(processStartOf(process.pid));
  });

  it('takes over a lock whose PID is dead', () => {
    const dir = tempDir('rakor-lock-');
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    writeLock(dir, { pid: deadPid, host: os.hostname() });
    const lock = take(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock whose PID now belongs to another process (start time differs)', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    // The lock says the PID started at another time: the process that wrote it is gone.
    writeLock(dir, { pid, host: os.hostname(), processStart: 'boot-lain:12345' });
    const lock = take(dir, { processStartOf: () => 'boot-ini:99999' });
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  });

  it('keeps a lock whose PID is alive with the same start time', () => {
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    const start = processStartOf(pid) ?? 'sama';
    const file = writeLock(dir, { pid, host: os.hostname(), processStart: start });
    expect(() => acquireDataLock(dir, { processStartOf: () => start })).toThrow(t('error.busy'));
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(pid);
  });

  it('reads the real start time of a live process on Linux and sees a reused PID', () => {
    if (process.platform !== 'linux') return;
    const dir = tempDir('rakor-lock-');
    const pid = liveOtherProcess();
    writeLock(dir, { pid, host: os.hostname(), processStart: `${processStartOf(pid)}1` });
    const lock = take(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  });

  for (const [label, age] of [['fresh', 0], ['a year old (before this boot)', YEAR]] as const) {
    it(`never takes a lock from another computer by itself (${label}), but does when asked`, () => {
      const dir = tempDir('rakor-lock-');
      const file = writeLock(dir, { pid: 4242, host: 'LAPTOP-BAPPEDA-07' }, age);
      const before = fs.readFileSync(file, 'utf8');
      let message = '';
      try {
        acquireDataLock(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(t('error.busyOtherHostTakeOver', { host: 'LAPTOP-BAPPEDA-07', flag: TAKE_OVER_FLAG }));
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
      // Through the backend too: nothing opened, nothing written.
      expect(() => createBackend({ dataDir: dir, runtime: 'cli' })).toThrow(/LAPTOP-BAPPEDA-07/);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
      // The explicit take-over.
      const lock = take(dir, { takeOver: true });
      expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    });
  }

  it('waits for an empty or unreadable lock for ten seconds (a start being written), then takes it', () => {
    const dir = tempDir('rakor-lock-');
    const file = path.join(dir, LOCK_FILE_NAME);
    for (const content of ['', '{"pid":', '{"host":"x"}']) {
      fs.writeFileSync(file, content);
      expect(() => acquireDataLock(dir)).toThrow(t('error.busy'));
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
      const old = new Date(Date.now() - 11_000);
      fs.utimesSync(file, old, old);
      take(dir).release();
      expect(fs.existsSync(file)).toBe(false);
    }
  });

  it('takes a lock of a live PID written before this machine booted', () => {
    const dir = tempDir('rakor-lock-');
    writeLock(dir, { pid: liveOtherProcess(), host: os.hostname() }, YEAR);
    expect(JSON.parse(fs.readFileSync(take(dir).file, 'utf8')).pid).toBe(process.pid);
  });

  it('on release removes only its own lock, once', () => {
    const dir = tempDir('rakor-lock-');
    const lock = acquireDataLock(dir);
    // Someone took the folder over meanwhile (another computer, with --ambil-alih).
    const theirs = writeLock(dir, { pid: 4242, host: 'LAPTOP-BAPPEDA-07' });
    const content = fs.readFileSync(theirs, 'utf8');
    lock.release();
    expect(fs.readFileSync(theirs, 'utf8')).toBe(content);
    fs.rmSync(theirs);
    // Free for this process again; a second release of the old lock does not remove the new one.
    const again = take(dir);
    lock.release();
    expect(JSON.parse(fs.readFileSync(again.file, 'utf8')).pid).toBe(process.pid);
  });

  it('tells read-only tools who holds the folder, and nobody for a stale lock', () => {
    const dir = tempDir('rakor-lock-');
    expect(currentLockHolder(dir)).toBeNull();
    const lock = take(dir);
    expect(currentLockHolder(dir)).toEqual({ host: os.hostname(), pid: process.pid, thisHost: true });
    lock.release();
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    writeLock(dir, { pid: deadPid, host: os.hostname() });
    expect(currentLockHolder(dir)).toBeNull();
    writeLock(dir, { pid: 4242, host: 'LAPTOP-BAPPEDA-07' });
    expect(currentLockHolder(dir)).toEqual({ host: 'LAPTOP-BAPPEDA-07', pid: 4242, thisHost: false });
  });

  it('reads a process start time from a command name with spaces and parentheses', async () => {
    if (process.platform !== 'linux') return;
    const child = spawn(process.execPath, ['-e', 'process.title = "a) b (c"; setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    await expect.poll(() => fs.readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim(), { timeout: 5000 }).toBe('a) b (c');
    const start = processStartOf(child.pid!);
    expect(start).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(start).toBe(processStartOf(child.pid!));
    expect(start).not.toBe(processStartOf(process.pid));
    expect(processStartOf(2 ** 22 + 1)).toBeNull();
  });

  it('the take-over does not override a live process on this computer', () => {
    const dir = tempDir('rakor-lock-');
    take(dir);
    expect(() => acquireDataLock(dir, { takeOver: true })).toThrow(t('error.busy'));
  });
});
