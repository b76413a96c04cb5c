/** The time stamped on rows (created_at, updated_at): ISO 8601 in UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}
