import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import type { ApiError, FieldError } from '../../shared/errors';
import { send } from './transport';

/** A refused operation, carrying the core's Indonesian message and per-field messages. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly fields: FieldError[];
  /** With STALE: the row as it is stored now (another window wrote it first). */
  readonly current: unknown;
  /** With STALE from an edit: which write lost, so the screen can offer the newer value (useApi.ts). */
  conflict?: { name: OpName; rowKey: string; input: Record<string, unknown> };
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? [];
    this.current = error.current;
  }

  /** The message for one field (by dotted path), if the core complained about it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

export const api = {
  async call<N extends OpName>(name: N, input: OpInput<N>, options?: { keepalive?: boolean }): Promise<OpOutput<N>> {
    const result = await send(name, input, options);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.data as OpOutput<N>;
  },
};
