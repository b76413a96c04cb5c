/**
 * The SET clause of a partial update (autosave sends one field at a time): one `column = ?`
 * per field present in `patch`, named through a fixed map, so a column name never comes from
 * the input. Booleans become SQLite's 0/1. Null when nothing was sent.
 */
export function setClause<K extends string>(columns: Readonly<Record<K, string>>, patch: { readonly [P in NoInfer<K>]?: unknown }): { sql: string; values: unknown[] } | null {
  const keys = (Object.keys(columns) as K[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return null;
  return {
    sql: keys.map((k) => `${columns[k]} = ?`).join(', '),
    values: keys.map((k) => (typeof patch[k] === 'boolean' ? (patch[k] ? 1 : 0) : patch[k])),
  };
}
