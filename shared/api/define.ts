import type { z } from 'zod';

// An operation is a runtime input schema plus a compile-time output type. The output is a
// phantom: it exists only for the type checker, so the contract stays plain data at runtime.
export interface OpDef<I extends z.ZodType, O> {
  input: I;
  /** Never set; carries the output type. */
  readonly __output?: O;
}

export function op<O>() {
  return <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input });
}
