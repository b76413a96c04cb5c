import type { QueryClient } from '@tanstack/react-query';
import type { OpInput, OpName } from '../../shared/api/contract';
import { api, ApiCallError } from './client';
import { noteRevision } from './revisions';

// Nothing typed is lost, of any size (issue 9, case 9): every autosaved edit is written to a
// journal in localStorage the moment it is typed, before it is sent, and removed once the core has
// acknowledged it. localStorage rather than IndexedDB because its write is synchronous: it is done
// when journalPut returns, so a reload right after the last keystroke can never leave an older
// value in the journal to race (and beat) the page's final keepalive save. A keepalive request on unload drops bodies over 64 KiB and a crashed window
// sends nothing; whatever is left in the journal is sent on the next load (before the screens
// read anything), with the revision the edit was based on, so a newer value from another window
// is never overwritten: that case comes back to its field as a conflict (useAutosave.ts).

export interface JournalEntry {
  /** The field's save key: one entry per field, the latest value typed. */
  key: string;
  seq: number;
  name: OpName;
  input: Record<string, unknown>;
  rowKey: string;
  baseRevision: number | undefined;
  /** The field's own value (what it shows), to give back to the field after a conflict. */
  value: unknown;
}

const PREFIX = 'rakor.journal.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function write(entry: JournalEntry): void {
  try {
    storage()?.setItem(PREFIX + entry.key, JSON.stringify(entry));
  } catch {
    // Storage full or refused: the edit still goes out by the normal save; only the journal's
    // second chance is missing for it.
  }
}

function remove(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

let seqCounter = 0;
/** The latest journalled sequence per field, so an acknowledgement never removes a newer edit. */
const latest = new Map<string, number>();

export function journalPut(entry: Omit<JournalEntry, 'seq'>): number {
  const seq = Date.now() * 1000 + (seqCounter++ % 1000);
  latest.set(entry.key, seq);
  write({ ...entry, seq });
  return seq;
}

/** The core acknowledged the edit `seq` of a field (or the user dropped it). */
export function journalDone(key: string, seq?: number): void {
  if (seq !== undefined && latest.get(key) !== seq) return;
  latest.delete(key);
  remove(key);
}

function journalAll(): JournalEntry[] {
  const store = storage();
  if (!store) return [];
  const entries: JournalEntry[] = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (!name?.startsWith(PREFIX)) continue;
    try {
      entries.push(JSON.parse(store.getItem(name) ?? '') as JournalEntry);
    } catch {
      store.removeItem(name);
      i--;
    }
  }
  return entries.sort((a, b) => a.seq - b.seq);
}

/** Edits whose replay met a newer value: their fields start from the typed value and show the conflict. */
export const restoredValues = new Map<string, unknown>();

const ROW_ID_KEYS = new Set(['id', 'baseRevision', 'meetingId', 'indicatorId', 'actionItemId']);

/** True when the row already holds what the entry sends (its save reached the core before the reload). */
function alreadyStored(entry: JournalEntry, current: unknown): boolean {
  const row = (current ?? {}) as Record<string, unknown>;
  return Object.entries(entry.input).every(([k, v]) => ROW_ID_KEYS.has(k) || JSON.stringify(row[k]) === JSON.stringify(v));
}

/** Sends what the last page left in the journal; resolves when done (or after `timeoutMs`). */
export async function replayJournal(client: QueryClient, timeoutMs = 5000): Promise<void> {
  const work = (async () => {
    const entries = journalAll();
    if (entries.length === 0) return;
    // Edits of one row typed from the same revision: the second is based on what the first made.
    const moved = new Map<string, { from: number | undefined; to: number }>();
    for (const entry of entries) {
      const step = moved.get(entry.rowKey);
      const base = step && step.from === entry.baseRevision ? step.to : entry.baseRevision;
      try {
        const output = await api.call(entry.name, { ...entry.input, ...(base !== undefined ? { baseRevision: base } : {}) } as OpInput<OpName>);
        const revision = (output as { revision?: number }).revision;
        if (revision !== undefined) moved.set(entry.rowKey, { from: entry.baseRevision, to: revision });
        remove(entry.key);
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'STALE' && !alreadyStored(entry, e.current)) {
          // Another window wrote first: the field gets the typed value back and offers the choice.
          noteRevision(entry.rowKey, base);
          restoredValues.set(entry.key, entry.value);
          latest.set(entry.key, entry.seq);
          continue;
        }
        // The core cannot answer now (unreachable, database awaiting recovery): keep everything for the next load.
        if (!(e instanceof ApiCallError) || !['STALE', 'NOT_FOUND', 'CONFLICT', 'VALIDATION'].includes(e.code)) return;
        // Already stored, or no longer possible (row gone, meeting closed): nothing left to send.
        remove(entry.key);
      }
    }
    await client.invalidateQueries();
  })();
  await Promise.race([work, new Promise((r) => setTimeout(r, timeoutMs))]);
}
