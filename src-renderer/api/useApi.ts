import { useCallback, useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { isReadOp, type OpInput, type OpName, type OpOutput } from '../../shared/api/contract';
import { api, ApiCallError } from './client';
import { inRowOrder, knownRevision, noteRevision, rowKeyOf } from './revisions';
import { afterWrite } from './write-effects';

/** The cache key of a read: its operation and its input, so equal inputs share one cached answer. */
export function queryKeyOf<N extends OpName>(name: N, input: OpInput<N>): readonly [N, OpInput<N>] {
  return [name, input] as const;
}

/**
 * A read operation (declared with `query<T>()` in the contract), cached under `[name, input]`.
 * `keepPrevious`: while a new input loads, the answer to the previous one stays on screen (a
 * projection recomputed as the user types must not blink; a list filtered while typing stays).
 */
export function useApiQuery<N extends OpName>(name: N, input: OpInput<N>, options: { enabled?: boolean; keepPrevious?: boolean } = {}): UseQueryResult<OpOutput<N>, Error> {
  if (!isReadOp(name)) throw new Error(`${name} is a write: use useApiMutation`);
  return useQuery<OpOutput<N>, Error>({
    queryKey: queryKeyOf(name, input),
    queryFn: () => api.call(name, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** What a screen passes to a write: the revision it is based on and a create's request id are added here. */
export type CallInput<N extends OpName> = OpInput<N> extends infer I ? (I extends object ? Omit<I, 'baseRevision' | 'requestId'> & { baseRevision?: number; requestId?: string } : I) : never;

export interface ApiMutation<N extends OpName> {
  /** Runs the write; resolves once the cached reads it changes are updated (write-effects.ts). */
  call(input: CallInput<N>, keepalive?: boolean): Promise<OpOutput<N>>;
  pending: boolean;
}

/** An edit a save would send, seen without sending it (for the edit journal). */
export interface CapturedEdit { name: OpName; input: Record<string, unknown>; rowKey: string }
let sink: CapturedEdit[] | null = null;

/**
 * Runs a field's save function without sending anything and returns the revised edit it would
 * send (undefined when it sends none, or not synchronously): the edit journal stores it.
 */
export function captureEdit(save: () => unknown): CapturedEdit | undefined {
  const seen: CapturedEdit[] = [];
  sink = seen;
  try {
    const result = save() as Promise<unknown> | undefined;
    // The captured call never settles; a save that failed at once is simply not journalled.
    void result?.catch?.(() => undefined);
  } catch {
    // Nothing to capture.
  } finally {
    sink = null;
  }
  return seen.length === 1 ? seen[0] : undefined;
}

/** Creates whose input carries a request id (a repeat with the same id returns the first row): the contract's `requestId` fields. */
const IDEMPOTENT_CREATES: ReadonlySet<OpName> = new Set<OpName>([
  'meeting.create', 'meeting.duplicate', 'agendaItem.create', 'attendance.create', 'decision.create', 'budgetLine.create',
  'actionItem.create', 'agency.create', 'reference.createSubIndicator', 'reference.createYear', 'followUp.setStatus',
]);
/** A v4 uuid; randomUUID exists only in secure contexts (loopback and the app's own scheme are). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isCreate(name: OpName): boolean {
  return IDEMPOTENT_CREATES.has(name);
}

/**
 * A write operation (declared with `op<T>()`); on success the reads it changes follow.
 * - An edit of a revised row is sent after the earlier writes of that row, with the revision
 *   the screen last saw (revisions.ts); its answer's revision is remembered.
 * - A create is sent with a request id made once per draft (per distinct input) and kept until
 *   it succeeds, so a double-click, a retry or a slow answer creates one row.
 */
export function useApiMutation<N extends OpName>(name: N): ApiMutation<N> {
  if (isReadOp(name)) throw new Error(`${name} only reads: use useApiQuery`);
  const client = useQueryClient();
  const drafts = useRef(new Map<string, string>());
  const mutation = useMutation<OpOutput<N>, Error, { input: CallInput<N>; keepalive: boolean }>({
    mutationFn: ({ input, keepalive }) => {
      const rowKey = rowKeyOf(name, input);
      if (rowKey) {
        return inRowOrder(rowKey, async () => {
          const base = (input as { baseRevision?: number }).baseRevision ?? knownRevision(rowKey);
          const sent = { ...(input as object), ...(base !== undefined ? { baseRevision: base } : {}) } as Record<string, unknown>;
          const output = await api.call(name, sent as OpInput<N>, { keepalive }).catch((error: unknown) => {
            if (error instanceof ApiCallError && error.code === 'STALE') error.conflict = { name, rowKey, input: sent };
            throw error;
          });
          noteRevision(rowKey, (output as { revision?: number }).revision);
          return output;
        });
      }
      return api.call(name, input as OpInput<N>, { keepalive });
    },
    // Returned, so `call` resolves only after the screen shows the write (a new row is there to focus).
    onSuccess: (output, { input }) => afterWrite(client, name, input as OpInput<N>, output),
  });
  const { mutateAsync } = mutation;
  const call = useCallback(async (input: CallInput<N>, keepalive = false) => {
    const rowKey = rowKeyOf(name, input);
    if (sink) {
      // Captured, never sent: the autosave sends it after the pause. A write without a revised
      // row (reference points, scores) has nothing to journal, but must not go out here either,
      // or every keystroke would be sent at once besides the debounced save.
      if (rowKey) sink.push({ name, input: input as Record<string, unknown>, rowKey });
      return new Promise<OpOutput<N>>(() => undefined);
    }
    if (!isCreate(name) || (input as { requestId?: string }).requestId !== undefined) return mutateAsync({ input, keepalive });
    const draft = JSON.stringify(input);
    let requestId = drafts.current.get(draft);
    if (!requestId) {
      requestId = newRequestId();
      drafts.current.set(draft, requestId);
    }
    const output = await mutateAsync({ input: { ...(input as object), requestId } as CallInput<N>, keepalive });
    // The draft is done once the screen shows the new row (and has cleared its form): the next
    // create with the same values is a new row. Until then a repeat (Enter twice, a retry) is not.
    drafts.current.delete(draft);
    return output;
  }, [mutateAsync, name]);
  return { call, pending: mutation.isPending };
}
