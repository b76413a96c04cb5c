import type { Db } from './db/database';
import type { OpenChecked } from './db/open-checked';

export type Damage = Extract<OpenChecked, { kind: 'recovery' }>;

/**
 * The database the app works on right now. Restore and recovery can replace it, so nothing
 * keeps a reference to it for good: handlers are rebuilt through `onReplaced`. Work that awaits
 * (backups, exports) is tracked so that a replacement waits for it to finish, and new calls wait
 * while a replacement runs.
 */
export class LiveDatabase {
  private current: Db | null;
  private damaged: Damage | null;
  private exclusive: Promise<unknown> | null = null;
  private readonly running = new Set<Promise<unknown>>();
  onReplaced: () => void = () => undefined;

  constructor(opened: OpenChecked) {
    this.current = opened.kind === 'ok' ? opened.db : null;
    this.damaged = opened.kind === 'recovery' ? opened : null;
  }

  /** The open database, or null while a damaged one awaits recovery. */
  get db(): Db | null {
    return this.current;
  }

  /** What the start-up check found, until a restore or a fresh start resolves it. */
  get damage(): Damage | null {
    return this.damaged;
  }

  /** Puts another database in place (the previous one is already closed) and clears any damage. */
  replace(db: Db): void {
    this.current = db;
    this.damaged = null;
    this.onReplaced();
  }

  /** Closes the current database before its file is swapped; `replace` or `reopen` follows. */
  detach(): void {
    if (this.current?.open) this.current.close();
    this.current = null;
  }

  track<T>(task: Promise<T>): Promise<T> {
    this.running.add(task);
    const forget = () => this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** Resolves once no replacement is in progress. */
  async whenFree(): Promise<void> {
    while (this.exclusive) await this.exclusive.catch(() => undefined);
  }

  /** Runs `fn` alone: after tracked work has finished, with new calls held until it is done. */
  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.whenFree();
    const task = (async () => {
      await Promise.allSettled([...this.running]);
      return fn();
    })();
    this.exclusive = task;
    try {
      return await task;
    } finally {
      this.exclusive = null;
    }
  }

  /** Waits for tracked work (automatic backups, exports) to finish. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  close(): void {
    this.detach();
  }
}
