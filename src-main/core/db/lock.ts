import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';

// One writer per data folder. Node has no portable flock, so the lock is a file created with
// O_EXCL naming its owner: host, PID and the process's start time.
//
// On this host a lock is stale when its PID is gone, or when the PID now belongs to another
// process (PIDs are reused quickly, on Windows especially): the recorded start time differs
// from the PID's current one. Linux gives every process's start time (/proc/<pid>/stat,
// field 22, ticks since boot, with the boot id). Windows and macOS give Node no start time of
// another process, so there only "PID gone" and "lock older than this boot" are seen; a lock
// whose PID was reused since this boot still blocks, and the message says what to do.
//
// A lock from another computer (a data folder on a shared drive) is never taken over by
// itself: that computer may still be writing, and two writers on one WAL file destroy it. The
// user is told which computer holds it and may take over explicitly (`takeOver`, offered as
// `--ambil-alih` by the app, the web runtime and the CLI).

export const LOCK_FILE_NAME = 'rakor-kla.lock';
export const TAKE_OVER_FLAG = '--ambil-alih';

export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start as the OS reports it ("<boot id>:<ticks>" on Linux), or null. */
  processStart: string | null;
  startedAt: string;
}

export interface DataLock {
  readonly file: string;
  release(): void;
}

export interface LockOptions {
  /** Take a lock held by another computer (the user confirmed that computer no longer uses it). */
  takeOver?: boolean;
  /** For tests: how this process reads another PID's start time. */
  processStartOf?: (pid: number) => string | null;
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

let bootId: string | null | undefined;

/** The start time of a process as the OS records it; null where the OS does not tell Node. */
export function processStartOf(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    if (bootId === undefined) bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[22 - 3];
    return ticks ? `${bootId ?? ''}:${ticks}` : null;
  } catch {
    return null;
  }
}

function readOwner(file: string): { owner: LockOwner | null; mtimeMs: number } | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const mtimeMs = fs.statSync(file).mtimeMs;
    try {
      const value = JSON.parse(text) as Partial<LockOwner>;
      const owner =
        typeof value.pid === 'number' && typeof value.host === 'string'
          ? { pid: value.pid, host: value.host, processStart: typeof value.processStart === 'string' ? value.processStart : null, startedAt: String(value.startedAt ?? '') }
          : null;
      return { owner, mtimeMs };
    } catch {
      return { owner: null, mtimeMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function writeDurably(file: string, content: string, flag: 'w' | 'wx'): void {
  const fd = fs.openSync(file, flag);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates the lock with its owner already written in it: the content goes to a temp file that
 * is then hard-linked into place (atomic, and refused with EEXIST when a lock exists). Created
 * empty and written after, a kill in between would leave an empty lock that blocks the next
 * start. A file system without hard links (FAT on a flash drive) gets the exclusive create.
 */
function createWithContent(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeDurably(temp, content, 'w');
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    writeDurably(file, content, 'wx');
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Temp files of createWithContent that a killed process left behind (never younger than a minute). */
function removeLeftoverTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    try {
      if (Date.now() - fs.statSync(path.join(dir, name)).mtimeMs > 60_000) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      /* gone meanwhile */
    }
  }
}

type Verdict = 'stale' | 'busy' | 'other-host';

function judge(owner: LockOwner | null, mtimeMs: number, startOf: (pid: number) => string | null): Verdict {
  // An unreadable or empty lock is what a process killed between create and write leaves.
  if (!owner) return Date.now() - mtimeMs > 10_000 ? 'stale' : 'busy';
  if (owner.host !== os.hostname()) return 'other-host';
  // This process's own PID goes through the same checks: a lock it holds under another path to
  // the folder (a symlink; the same path is refused by `held`) matches its start and stays
  // busy, while one a crashed earlier process with the same PID left (a restarted container
  // gets PID 1 again, a PID reused after a reboot) is older than the boot or has another start.
  if (!isAlive(owner.pid)) return 'stale';
  // Written before this machine booted: no process running now can have written it.
  const bootedAt = Date.now() - os.uptime() * 1000;
  if (mtimeMs < bootedAt - 60_000) return 'stale';
  // The PID lives, but is it still the process that wrote the lock?
  const now = startOf(owner.pid);
  if (owner.processStart !== null && now !== null && now !== owner.processStart) return 'stale';
  return 'busy';
}

/** The folder is locked by another computer: the user may take it over explicitly. */
export class LockedByOtherHostError extends AppError {
  constructor(readonly host: string) {
    super('BUSY', t('error.busyOtherHostTakeOver', { host, flag: TAKE_OVER_FLAG }));
  }
}

function busyError(owner: LockOwner | null): AppError {
  if (owner && owner.host !== os.hostname()) return new LockedByOtherHostError(owner.host);
  return new AppError('BUSY', t('error.busy'));
}

/** Takes the data folder for this process, or throws AppError('BUSY') in Indonesian. */
export function acquireDataLock(dataDir: string, options: LockOptions = {}): DataLock {
  const startOf = options.processStartOf ?? processStartOf;
  const file = path.join(path.resolve(dataDir), LOCK_FILE_NAME);
  if (held.has(file)) throw busyError(null);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), processStart: processStartOf(process.pid), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      createWithContent(file, JSON.stringify(me));
      held.add(file);
      removeLeftoverTemps(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          const current = readOwner(file);
          if (current?.owner?.pid === me.pid && current.owner.host === me.host && current.owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readOwner(file);
    if (!found) continue;
    const verdict = judge(found.owner, found.mtimeMs, startOf);
    if (verdict === 'busy' || (verdict === 'other-host' && !options.takeOver)) throw busyError(found.owner);
    // Take the lock over by renaming it away (atomic: of two racing processes only one moves
    // it), then make sure what we moved is the one we judged and not a fresh lock.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved && (moved.owner?.pid !== found.owner?.pid || moved.owner?.startedAt !== found.owner?.startedAt)) {
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
  if (!found?.owner || judge(found.owner, found.mtimeMs, processStartOf) === 'stale') return null;
  return { host: found.owner.host, pid: found.owner.pid, thisHost: found.owner.host === os.hostname() };
}
