import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';

// One writer per data folder. Node has no portable flock, so the lock is a file created with
// O_EXCL holding the owner's pid and host. A lock whose pid is gone (a killed or crashed
// process), or that was written before this machine last booted (the pid may since belong to
// another program), is stale and taken over, so a crash never blocks the folder for good.

export const LOCK_FILE_NAME = 'rakor-kla.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataLock {
  readonly file: string;
  release(): void;
}

/** Folders locked by this process: a second backend on the same folder is refused too. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): { owner: LockOwner | null; mtimeMs: number } | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const mtimeMs = fs.statSync(file).mtimeMs;
    try {
      const value = JSON.parse(text) as Partial<LockOwner>;
      const owner = typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockOwner) : null;
      return { owner, mtimeMs };
    } catch {
      return { owner: null, mtimeMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale(owner: LockOwner | null, mtimeMs: number): boolean {
  // An unreadable or empty lock is what a process killed between create and write leaves.
  if (!owner) return Date.now() - mtimeMs > 10_000;
  const bootedAt = Date.now() - os.uptime() * 1000;
  if (mtimeMs < bootedAt - 60_000) return true;
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return false;
  return !isAlive(owner.pid);
}

function busyError(owner: LockOwner | null): AppError {
  if (owner && owner.host !== os.hostname()) {
    return new AppError('BUSY', t('error.busyOtherHost', { host: owner.host }));
  }
  return new AppError('BUSY', t('error.busy'));
}

/** Takes the data folder for this process, or throws AppError('BUSY') in Indonesian. */
export function acquireDataLock(dataDir: string): DataLock {
  const file = path.join(path.resolve(dataDir), LOCK_FILE_NAME);
  if (held.has(file)) throw busyError({ pid: process.pid, host: os.hostname(), startedAt: '' });
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(me));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      held.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          const current = readOwner(file);
          if (current?.owner?.pid === me.pid && current.owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readOwner(file);
    if (!found) continue;
    if (!isStale(found.owner, found.mtimeMs)) throw busyError(found.owner);
    // Take the stale lock over by renaming it away (atomic: of two racing processes only one
    // moves it), then make sure what we moved is the stale one and not a fresh lock.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved && moved.owner?.pid !== found.owner?.pid) {
      try {
        fs.linkSync(aside, file);
      } catch {
        /* someone else holds it now; the next attempt will say so */
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw busyError(readOwner(file)?.owner ?? null);
}

/** Who holds the data folder now, if anyone (for read-only tools that must not take the lock). */
export function currentLockHolder(dataDir: string): { host: string; pid: number; thisHost: boolean } | null {
  const found = readOwner(path.join(path.resolve(dataDir), LOCK_FILE_NAME));
  if (!found?.owner || isStale(found.owner, found.mtimeMs)) return null;
  return { host: found.owner.host, pid: found.owner.pid, thisHost: found.owner.host === os.hostname() };
}
