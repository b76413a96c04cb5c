import type { Db } from '../db/database';
import type { MeetingStatus } from '../../../shared/types';
import { RAKOR_EXPECTED_PER_YEAR, type RakorYear, type RakorYearCluster } from '../../../shared/api/rakor-year';
import { getEvaluationYear } from '../reference/repository';

// Rakor per tahun: the meetings of one calendar year per klaster. A meeting is "held" once it was
// closed: status selesai, or reopened after a close (minutes_revision > 1: its first minutes were
// signed, so the meeting took place). Klaster are matched by code, so meetings on an older
// reference set count under the klaster of the same code in the year's set.

/** The year's meetings per klaster (bound: first day of the year, first day of the next); bench/year-recap.ts runs it raw. */
export const PER_YEAR_SQL = `SELECT m.id, m.title, m.date, m.status, (m.status = 'selesai' OR m.minutes_revision > 1) AS held, c.code
       FROM meeting m JOIN meeting_cluster mc ON mc.meeting_id = m.id JOIN cluster c ON c.id = mc.cluster_id
       WHERE m.date >= ? AND m.date < ?
       ORDER BY m.date, m.start_time, m.id`;
export const MEETING_YEARS_SQL = `SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM meeting ORDER BY y DESC`;

interface Row { id: number; title: string; date: string; status: MeetingStatus; held: number; code: string }

export function rakorPerYear(db: Db, year: number): RakorYear {
  const rows = db
    .prepare(PER_YEAR_SQL)
    .all(`${year}-01-01`, `${year + 1}-01-01`) as Row[];
  const reference = getEvaluationYear(db, year);
  const byCode = new Map<string, Row[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const known = new Set(reference.clusters.map((c) => c.code));
  // A code of an older set missing from this year's set still shows (under its code).
  const clusters = [...reference.clusters.map((c) => ({ code: c.code, name: c.name })), ...[...byCode.keys()].filter((k) => !known.has(k)).map((code) => ({ code, name: code }))];
  const result: RakorYearCluster[] = clusters.map(({ code, name }) => {
    const meetings = (byCode.get(code) ?? []).map((r) => ({ id: r.id, title: r.title, date: r.date, status: r.status, held: r.held === 1 }));
    const held = meetings.filter((m) => m.held).length;
    return { code, name, held, notHeld: meetings.length - held, meetsExpectation: held >= RAKOR_EXPECTED_PER_YEAR, meetings };
  });
  const heldTotal = new Set(rows.filter((r) => r.held === 1).map((r) => r.id)).size;
  const years = (db.prepare(MEETING_YEARS_SQL).all() as { y: number }[]).map((r) => r.y);
  return { year, expected: RAKOR_EXPECTED_PER_YEAR, heldTotal, clusters: result, years };
}
