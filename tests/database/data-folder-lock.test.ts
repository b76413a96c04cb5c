import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, LOCK_FILE_NAME, processStartOf, TAKE_OVER_FLAG, type DataLock } from '../../src-main/core/db/lock';
import { createBackend } from '../../src-main/core/backend';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';

// Issue 12: the data-folder lock names its owner by host, PID and process start time. On this
// host a dead PID or a PID now used by another process is stale; a lock from another computer
// is never taken over silently, however old, only when the user asks (--ambil-alih).

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

const ROOT = path.resolve(__dirname, '../..');
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

  it('the take-over does not override a live process on this computer', () => {
    const dir = tempDir('rakor-lock-');
    take(dir);
    expect(() => acquireDataLock(dir, { takeOver: true })).toThrow(t('error.busy'));
  });

  it('the CLI backup refuses a lock from another computer and takes it with --ambil-alih', () => {
    const dir = tempDir('rakor-lock-');
    writeLock(dir, { pid: 4242, host: 'LAPTOP-BAPPEDA-07' });
    const cli = (...args: string[]) =>
      spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src-main/cli/index.ts', 'backup', '--data-dir', dir, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const refused = cli();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('LAPTOP-BAPPEDA-07');
    expect(refused.stderr).toContain(TAKE_OVER_FLAG);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
    const taken = cli(TAKE_OVER_FLAG);
    expect(taken.stderr).toBe('');
    expect(taken.status).toBe(0);
    expect(taken.stdout).toMatch(/Cadangan dibuat/);
    // Released at exit, as every lock of ours is.
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);
});
