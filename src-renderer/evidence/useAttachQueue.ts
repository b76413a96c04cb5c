import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_ATTACHES_IN_FLIGHT, type Evidence } from '../../shared/api/evidence';
import { afterWrite } from '../api/write-effects';
import { ApiCallError } from '../api/client';
import { newRequestId } from '../api/useApi';
import { attachFile, fileProblem, type AttachInput } from './upload';
import { localThumbnail, rememberThumbnail } from './thumbnails';

// The files waiting to be attached: dropped, picked or pasted, each with its own title, date
// and notes. "Lampirkan" sends them in order, a few at a time (EVIDENCE_ATTACHES_IN_FLIGHT files
// in memory at most, progress after each, the page stays responsive) and "Hentikan" stops after
// the files being sent; what failed stays listed with the core's message, what succeeded leaves
// the queue.

export type Owner = { indicatorId: number; evaluationYear: number } | { meetingId: number } | { actionItemId: number };

export interface PendingFile {
  key: string;
  file: File;
  title: string;
  date: string;
  notes: string;
  expectationId: number | null;
  /** Why it cannot be sent (checked when added) or why the core refused it. */
  problem?: string;
  /** Why the last try failed for a reason outside the file (the app stopped, the disk): sent again by the next "Lampirkan". */
  retry?: string;
  thumbnail?: string | null;
}

export interface Progress { done: number; total: number; bytesDone: number; bytesTotal: number; current: string }

const baseName = (name: string) => name.replace(/\.[^.]+$/, '') || name;
let counter = 0;


export function useAttachQueue(owner: Owner, defaultDate: string, defaultExpectationId: number | null = null) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const stop = useRef(false);
  const [stopping, setStopping] = useState(false);
  const requestIds = useRef(new Map<string, string>());

  const add = useCallback((files: File[]) => {
    const added = files.map((file): PendingFile => ({
      key: `f${++counter}`,
      file,
      title: baseName(file.name),
      date: defaultDate,
      notes: '',
      expectationId: defaultExpectationId,
      problem: fileProblem(file),
    }));
    setPending((list) => [...list, ...added]);
  }, [defaultDate, defaultExpectationId]);

  /** Made when a row scrolls into view: 200 dropped photos are not all decoded at once. */
  const makeThumbnail = useCallback((key: string, file: File) => {
    void localThumbnail(file).then((thumbnail) => setPending((list) => list.map((p) => (p.key === key ? { ...p, thumbnail } : p))));
  }, []);

  const change = useCallback((key: string, patch: Partial<PendingFile>) => {
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }, []);
  const remove = useCallback((key: string) => setPending((list) => list.filter((p) => p.key !== key)), []);
  const clear = useCallback(() => setPending([]), []);

  async function send(): Promise<{ attached: number; failed: number; cancelled: boolean }> {
    const items = pending.filter((p) => !p.problem && p.title.trim() !== '' && p.date !== '');
    stop.current = false;
    const bytesTotal = items.reduce((sum, p) => sum + p.file.size, 0);
    let bytesDone = 0;
    let attached = 0;
    let failed = 0;
    let finished = 0;
    let next = 0;
    let lastRefresh = performance.now();
    const refresh = async (output: Evidence, input: AttachInput) => afterWrite(client, 'evidence.attach', input, output);
    const sending = new Set<string>();
    const show = () => {
      const current = items.find((p) => sending.has(p.key))?.file.name ?? '';
      setProgress({ done: finished, total: items.length, bytesDone, bytesTotal, current });
    };
    const sendId = newRequestId();
    const sendOne = async (item: PendingFile, index: number) => {
      if (item.retry) change(item.key, { retry: undefined });
      const requestId = requestIds.current.get(item.key) ?? newRequestId();
      requestIds.current.set(item.key, requestId);
      const input: AttachInput = {
        ...owner,
        fileName: item.file.name,
        title: item.title.trim(),
        evidenceDate: item.date,
        notes: item.notes,
        ...(item.expectationId ? { expectationId: item.expectationId } : {}),
        requestId,
      };
      try {
        // Not aborted mid-file: "Hentikan" stops taking new files, so what the core stored is listed.
        const output = await attachFile(input, item.file, undefined, `${sendId}:${index}`);
        rememberThumbnail(output.sha256, item.thumbnail ?? null);
        attached++;
        setPending((list) => list.filter((p) => p.key !== item.key));
        // The list follows about once a second during a long batch, not after every file.
        if (performance.now() - lastRefresh > 1000 || finished === items.length - 1) {
          lastRefresh = performance.now();
          await refresh(output, input);
        }
      } catch (error) {
        failed++;
        const refused = error instanceof ApiCallError && ['VALIDATION', 'TOO_LARGE', 'NOT_FOUND'].includes(error.code);
        change(item.key, refused ? { problem: error.message } : { retry: (error as Error).message });
      }
    };
    // A few files in flight, taken in order: the core writes and flushes them together and
    // commits them as one group, while the next one travels (EVIDENCE_ATTACHES_IN_FLIGHT).
    const lane = async () => {
      while (!stop.current && next < items.length) {
        const index = next++;
        const item = items[index]!;
        sending.add(item.key);
        show();
        await sendOne(item, index);
        sending.delete(item.key);
        finished++;
        bytesDone += item.file.size;
        if (!stop.current) show();
      }
    };
    await Promise.all(Array.from({ length: Math.min(EVIDENCE_ATTACHES_IN_FLIGHT, items.length) }, lane));
    const cancelled = stop.current;
    stop.current = false;
    setStopping(false);
    setProgress(null);
    if (cancelled || attached > 0) await client.invalidateQueries({ queryKey: ['evidence.list'] }).then(() => client.invalidateQueries({ queryKey: ['evidence.completeness'] }));
    return { attached, failed, cancelled };
  }

  const cancel = useCallback(() => {
    stop.current = true;
    setStopping(true);
  }, []);
  return { pending, progress, stopping, add, change, remove, clear, send, cancel, makeThumbnail };
}
