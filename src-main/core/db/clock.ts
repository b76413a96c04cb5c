import type { Db } from './database';
import { todayIso, type TimeZoneCode } from '../../../shared/format';

/** The time stamped on rows (created_at, updated_at): ISO 8601 in UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today as "YYYY-MM-DD" in the region's time zone (region profile), not the laptop's. */
export function regionToday(db: Db, now: Date = new Date()): string {
  const row = db.prepare(`SELECT time_zone AS zone FROM region_profile WHERE id = 1`).get() as { zone: TimeZoneCode } | undefined;
  return todayIso(row?.zone ?? 'WIB', now);
}
