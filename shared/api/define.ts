import type { z } from 'zod';

// An operation is a runtime input schema plus a compile-time output type. The output is a
// phantom: it exists only for the type checker, so the contract stays plain data at runtime.
// `reads` marks an operation that changes nothing: the backend runs it without the write lock
// (and a read-only backend, e.g. `cli check`, runs only those), and the renderer caches it as a
// query where every other operation is a mutation.
export interface OpDef<I extends z.ZodType, O> {
  input: I;
  reads: boolean;
  /** Never set; carries the output type. */
  readonly __output?: O;
}

/** An operation that writes (or may write). */
export function op<O>() {
  return <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input, reads: false });
}

/** An operation that only reads. */
export function query<O>() {
  return <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input, reads: true });
}
