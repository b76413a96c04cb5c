import type { z } from 'zod';

/** The messages zod gives for one field (path) of an input; [] when that field is fine. Boundary
 * tables look only at the field under test, so fields added to an operation later do not change
 * their answers. */
export function fieldMessages(schema: z.ZodType, input: unknown, path: string): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
}
