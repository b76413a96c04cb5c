import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { isReadOp, type OpInput, type OpName, type OpOutput } from '../../shared/api/contract';
import { api } from './client';
import { afterWrite } from './write-effects';

/** The cache key of a read: its operation and its input, so equal inputs share one cached answer. */
export function queryKeyOf<N extends OpName>(name: N, input: OpInput<N>): readonly [N, OpInput<N>] {
  return [name, input] as const;
}

/** A read operation (declared with `query<T>()` in the contract), cached under `[name, input]`. */
export function useApiQuery<N extends OpName>(name: N, input: OpInput<N>, options: { enabled?: boolean } = {}): UseQueryResult<OpOutput<N>, Error> {
  if (!isReadOp(name)) throw new Error(`${name} is a write: use useApiMutation`);
  return useQuery<OpOutput<N>, Error>({
    queryKey: queryKeyOf(name, input),
    queryFn: () => api.call(name, input),
    enabled: options.enabled ?? true,
  });
}

export interface ApiMutation<N extends OpName> {
  /** Runs the write; resolves once the cached reads it changes are updated (write-effects.ts). */
  call(input: OpInput<N>, keepalive?: boolean): Promise<OpOutput<N>>;
  pending: boolean;
}

/** A write operation (declared with `op<T>()`); on success the reads it changes follow. */
export function useApiMutation<N extends OpName>(name: N): ApiMutation<N> {
  if (isReadOp(name)) throw new Error(`${name} only reads: use useApiQuery`);
  const client = useQueryClient();
  const mutation = useMutation<OpOutput<N>, Error, { input: OpInput<N>; keepalive: boolean }>({
    mutationFn: ({ input, keepalive }) => api.call(name, input, { keepalive }),
    // Returned, so `call` resolves only after the screen shows the write (a new row is there to focus).
    onSuccess: (output, { input }) => afterWrite(client, name, input, output),
  });
  const { mutateAsync } = mutation;
  const call = useCallback((input: OpInput<N>, keepalive = false) => mutateAsync({ input, keepalive }), [mutateAsync]);
  return { call, pending: mutation.isPending };
}
