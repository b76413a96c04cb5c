import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { knownRevision, noteRevision } from '../api/revisions';
import { journalDone, journalPut, restoredValues } from '../api/edit-journal';
import { captureEdit } from '../api/useApi';
import { takeCurrentRow } from '../api/write-effects';

// Nothing typed is lost: every field saves AUTOSAVE_DELAY_MS after the last keystroke, at once
// on blur, and when the page is hidden or unloaded (pagehide / visibilitychange) with a
// keepalive request that outlives the page. Saves of one key run in order, so the last value
// typed is the one stored.

export const AUTOSAVE_DELAY_MS = 600;

type Task = (keepalive: boolean) => Promise<void>;

interface Pending {
  timer: number;
  task: Task;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const pending = new Map<string, Pending>();
/** Fields whose last save lost to another window and wait for the user's choice: never "Tersimpan" meanwhile. */
const conflicts = new Set<string>();
const chains = new Map<string, Promise<void>>();
let inFlight = 0;
let state: SaveState = 'idle';
let lastError = '';
const listeners = new Set<() => void>();

function emit(next: SaveState, error = '') {
  state = next;
  lastError = error;
  for (const l of listeners) l();
}

/** All saves done: "Tersimpan", unless a conflict still waits for the user. */
function settle() {
  if (conflicts.size > 0) emit('error', t('conflict.indicator'));
  else emit('saved');
}

/** The user chose a version for a conflicted field: it no longer holds "Tersimpan" back. */
function resolved(key: string) {
  conflicts.delete(key);
  if (pending.size === 0 && inFlight === 0 && state === 'error' && conflicts.size === 0) emit('saved');
}

function refreshState() {
  if (pending.size > 0 || inFlight > 0) emit('saving');
}

function run(key: string, task: Task, keepalive: boolean): Promise<void> {
  inFlight++;
  refreshState();
  // On unload there is no time to wait for an earlier save of the same key: send at once (the
  // server handles requests in arrival order).
  const previous = keepalive ? Promise.resolve() : (chains.get(key) ?? Promise.resolve());
  const next = previous
    .then(() => task(keepalive))
    .then(
      () => {
        inFlight--;
        conflicts.delete(key);
        if (inFlight === 0 && pending.size === 0) settle();
      },
      (error: unknown) => {
        inFlight--;
        if (error instanceof ApiCallError && error.code === 'STALE') {
          conflicts.add(key);
          emit('error', t('conflict.indicator'));
          return;
        }
        emit('error', error instanceof ApiCallError && error.code === 'VALIDATION' ? 'Ada isian yang belum benar; periksa kolom bertanda merah.' : (error as Error).message);
      },
    );
  chains.set(key, next);
  void next.then(() => {
    if (chains.get(key) === next) chains.delete(key);
  });
  return next;
}

/** Saves after the pause in typing; a newer value for the same key replaces the waiting one. */
export function scheduleSave(key: string, task: Task, delay = AUTOSAVE_DELAY_MS): void {
  const existing = pending.get(key);
  if (existing) window.clearTimeout(existing.timer);
  const timer = window.setTimeout(() => {
    pending.delete(key);
    void run(key, task, false);
  }, delay);
  pending.set(key, { timer, task });
  refreshState();
}

/** Sends a waiting save now (blur, Enter). Resolves when it and earlier saves of the key are done. */
export function flushSave(key: string): Promise<void> {
  const p = pending.get(key);
  if (p) {
    window.clearTimeout(p.timer);
    pending.delete(key);
    return run(key, p.task, false);
  }
  return chains.get(key) ?? Promise.resolve();
}

/** Sends every waiting save; resolves when all saves, waiting or running, have finished. */
export async function flushAll(keepalive = false): Promise<void> {
  const started = [...pending.entries()].map(([key, p]) => {
    window.clearTimeout(p.timer);
    pending.delete(key);
    return run(key, p.task, keepalive);
  });
  await Promise.allSettled([...started, ...chains.values()]);
}

export function hasUnsaved(): boolean {
  return pending.size > 0 || inFlight > 0;
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void flushAll(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll(true);
  });
  // In Electron the IPC message leaves before the window goes; the main process finishes it.
  window.addEventListener('beforeunload', () => {
    if (hasUnsaved()) void flushAll(true);
  });
}

export function useSaveState(): { state: SaveState; error: string } {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => `${state}|${lastError}`,
  );
  const [s, ...rest] = current.split('|');
  return { state: s as SaveState, error: rest.join('|') };
}

/** The message of a failed save for one field: the core's field message, else its general one. */
export function errorMessageOf(error: unknown, path?: string): string {
  if (error instanceof ApiCallError) return (path && error.fieldMessage(path)) || error.fields[0]?.message || error.message;
  return (error as Error).message;
}

/** A save that lost to another window (STALE): the user's value stays; these are the ways out. */
export interface FieldConflict {
  /** The newer stored value of the field (the first field the lost write sent), as stored. */
  latest: unknown;
  /** Takes the newer value (and revision): the user's typed value is dropped. */
  takeLatest(): void;
  /** Sends the user's value again, now based on the newer revision. */
  keepMine(): Promise<void>;
}

/** The newer value of the field a lost write sent, read from the row the core returned with STALE. */
function latestOf(error: ApiCallError): unknown {
  const sent = Object.keys(error.conflict?.input ?? {}).filter((k) => !['id', 'baseRevision', 'meetingId', 'indicatorId', 'actionItemId'].includes(k));
  const current = (error.current ?? {}) as Record<string, unknown>;
  return sent.length > 0 ? current[sent[0]] : undefined;
}

export interface AutosaveField<T> {
  value: T;
  error: string | undefined;
  conflict: FieldConflict | undefined;
  /** Sets the value shown and schedules its save (or shows a local error from `check`). */
  change(next: T): void;
  /** Saves at once (blur, Enter). */
  flush(): Promise<void>;
}

/**
 * One autosaving value. The server value seeds it once (per key); afterwards what the user
 * typed wins, so a background reload never overwrites a field being edited.
 */
export function useAutosaveField<T>(options: {
  key: string;
  initial: T;
  save: (value: T, keepalive: boolean) => Promise<unknown>;
  /** Returns an Indonesian message when the value must not be saved. */
  check?: (value: T) => string | undefined;
  /** The field's path in the core's error answer. */
  path?: string;
  delay?: number;
}): AutosaveField<T> {
  const client = useQueryClient();
  // An edit the last page left unsent that met a newer value on replay starts from what was typed.
  const [typed, setValue] = useState<T>(() => (restoredValues.has(options.key) ? (restoredValues.get(options.key) as T) : options.initial));
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState<ApiCallError>();
  // After "Muat ulang" the field follows the server value again until the user types.
  const [following, setFollowing] = useState(false);
  const opts = useRef(options);
  const value = following ? options.initial : typed;
  const valueRef = useRef(value);
  // The latest options and value for the callbacks below, updated after each render (never
  // during it) and before any event handler or effect can read them.
  useLayoutEffect(() => {
    opts.current = options;
    valueRef.current = value;
  });
  const seededKey = useRef(options.key);
  useEffect(() => {
    if (seededKey.current !== options.key) {
      seededKey.current = options.key;
      setValue(options.initial);
      setError(undefined);
    }
  }, [options.key, options.initial]);

  const change = useCallback((next: T) => {
    setFollowing(false);
    setValue(next);
    const { key, check, save, path, delay } = opts.current;
    const problem = check?.(next);
    if (problem) {
      setError(problem);
      // Nothing wrong is saved: a waiting save of an earlier (valid) value still goes out.
      return;
    }
    setError(undefined);
    // Journalled before it is sent, removed once acknowledged (api/edit-journal.ts).
    const edit = captureEdit(() => save(next, false));
    const seq = edit ? journalPut({ key, name: edit.name, input: edit.input, rowKey: edit.rowKey, baseRevision: knownRevision(edit.rowKey), value: next }) : undefined;
    scheduleSave(
      key,
      async (keepalive) => {
        try {
          await save(next, keepalive);
          if (seq !== undefined) journalDone(key, seq);
          setError(undefined);
          setStale(undefined);
        } catch (e) {
          if (e instanceof ApiCallError && e.code === 'STALE' && e.conflict) {
            setStale(e);
            setError(t('conflict.field'));
          } else {
            setError(errorMessageOf(e, path));
          }
          throw e;
        }
      },
      delay,
    );
  }, []);
  // A restored edit is sent again at once: it meets the newer value and shows the conflict.
  useEffect(() => {
    const key = opts.current.key;
    if (!restoredValues.has(key)) return;
    const value = restoredValues.get(key) as T;
    restoredValues.delete(key);
    change(value);
    void flushSave(key);
  }, [change]);
  const flush = useCallback(() => flushSave(opts.current.key), []);
  let conflict: FieldConflict | undefined;
  if (stale?.conflict) {
    const lost = stale.conflict;
    const current = stale.current as { revision?: number };
    conflict = {
      latest: latestOf(stale),
      takeLatest() {
        takeCurrentRow(client, lost.name, stale.current, lost.input);
        journalDone(opts.current.key);
        noteRevision(lost.rowKey, current.revision);
        setStale(undefined);
        setError(undefined);
        setFollowing(true);
        resolved(opts.current.key);
      },
      keepMine() {
        noteRevision(lost.rowKey, current.revision);
        setStale(undefined);
        setError(undefined);
        change(valueRef.current);
        return flushSave(opts.current.key);
      },
    };
  }
  return { value, error, conflict, change, flush };
}
