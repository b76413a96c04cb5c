import { describe, expect, it } from 'vitest';
import { LiveDatabase } from '../../src-main/core/live-database';

// A restore replaces the database under the app: it must wait for the work still using the old
// one (an automatic backup, an export), and every call arriving meanwhile must wait for it rather
// than read a closed or half-swapped database. Steps are driven by hand (no timers): each
// `settled()` lets every promise that can move do so.

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
const damaged = () => new LiveDatabase({ kind: 'recovery', problem: 'file is not a database', movedTo: [], detectedAt: '2025-03-10T02:00:00.000Z' });

describe('the live database during a replacement', () => {
  it('a restore starts after tracked work has finished, and calls wait until it is done', async () => {
    const live = damaged();
    const steps: string[] = [];
    const backup = deferred();
    void live.track(backup.promise);
    const swap = deferred();
    const restore = live.runExclusive(async () => {
      steps.push('restore starts');
      await swap.promise;
      steps.push('restore ends');
      return 'restored';
    });
    await settled();
    expect(steps).toEqual([]); // the backup still runs on the old file

    backup.resolve();
    await settled();
    expect(steps).toEqual(['restore starts']);

    const call = live.whenFree().then(() => steps.push('call runs'));
    await settled();
    expect(steps).toEqual(['restore starts']); // held while the file is swapped

    swap.resolve();
    expect(await restore).toBe('restored');
    await call;
    expect(steps).toEqual(['restore starts', 'restore ends', 'call runs']);
  });

  it('a failed restore frees the waiting calls too, and a failed tracked task does not block it', async () => {
    const live = damaged();
    const export_ = deferred();
    void live.track(export_.promise).catch(() => undefined);
    export_.reject(new Error('export failed'));
    const swap = deferred();
    const restore = live.runExclusive(() => swap.promise);
    await settled();
    let called = false;
    const call = live.whenFree().then(() => {
      called = true;
    });
    await settled();
    expect(called).toBe(false);
    swap.reject(new Error('restore failed'));
    await expect(restore).rejects.toThrow('restore failed');
    await call;
    expect(called).toBe(true);
  });

  it('has no database while damaged, and says what was found until a replacement', () => {
    const live = damaged();
    expect(live.db).toBeNull();
    expect(live.damage).toMatchObject({ problem: 'file is not a database' });
  });
});
