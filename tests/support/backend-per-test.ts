import { afterEach, beforeEach, vi } from 'vitest';
import { databasePath } from '../../src-main/core/db/database';
import { dataChecksum } from './backup-helpers';
import { klasterIII, openTestBackend, type TestBackend } from './meeting-helpers';

// The usual frame of a backend test file: a fresh backend (real SQLite file) for each test,
// closed after it with the real clock back (a test may fake Date to make stamps exact).

/** A backend that is a new one in each test of the file; use it only inside tests. */
export function backendPerTest(): TestBackend {
  let current: TestBackend | undefined;
  beforeEach(() => {
    current = openTestBackend();
  });
  afterEach(() => {
    vi.useRealTimers();
    current?.close();
    current = undefined;
  });
  const now = (): TestBackend => {
    if (!current) throw new Error('backendPerTest: used outside a test');
    return current;
  };
  return {
    get backend() {
      return now().backend;
    },
    get dir() {
      return now().dir;
    },
    call: (name, input) => now().call(name, input),
    edit: (name, input) => now().edit(name, input),
    fail: (name, input) => now().fail(name, input),
    close: () => now().close(),
  };
}

/** The data as stored (not the file bytes): equal before and after a refusal = nothing written. */
export const storedData = (t: TestBackend): string => dataChecksum(databasePath(t.dir));

/** When the rakor was last marked as changed. */
export const rakorStamp = async (t: TestBackend, meetingId: number): Promise<string> => (await t.call('meeting.get', { id: meetingId })).meeting.updatedAt;

/** Two Klaster III rakor made at 2025-03-10 02:00 UTC with Date faked (backendPerTest puts the
 * real clock back): the one a test writes to, and `other`, whose stamp must not move. */
export async function twoRakorAtFixedTime(t: TestBackend) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-03-10T02:00:00Z'));
  const here = await klasterIII(t);
  const other = await klasterIII(t, '2025-03-11', 'Rakor lain');
  return { ...here, other };
}
