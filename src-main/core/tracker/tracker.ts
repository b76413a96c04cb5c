import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { TrackerPage, TrackerRow, TrackerSort } from '../../../shared/tracker';
import type { ActionStatus } from '../../../shared/types';
import { regionToday } from '../db/clock';
import { LATEST_EVENT } from '../follow-up/status';
import { ACTION_COLUMNS, toAction, type ActionRow } from '../action-item/repository';

// Tindak lanjut (RTL tracker): every RTL of every meeting with its current status (latest
// follow-up or outside change, see ../follow-up/status.ts). Two statements: the counts of the
// filtered set, then one page of it; names and history are read for the page's rows only.

type Input = OpParsed<'actionItem.track'>;
/** The filters and order without paging (what the exports take). */
export type TrackerFilter = Omit<Input, 'limit' | 'offset'>;

/** WHERE fragments (fixed SQL, values bound) for every filter but status and overdue. */
function baseFilters(input: Input): string[] {
  const where: string[] = [];
  if (input.year !== undefined) where.push(`om.date >= @yearFrom AND om.date < @yearTo`);
  if (input.meetingId !== undefined) where.push(`a.meeting_id = @meetingId`);
  if (input.indicatorId !== undefined) where.push(`a.indicator_id = @indicatorId`);
  if (input.indicatorNumber !== undefined) where.push(`EXISTS (SELECT 1 FROM indicator i WHERE i.id = a.indicator_id AND i.number = @indicatorNumber)`);
  if (input.clusterCode !== undefined) {
    // An RTL on an indicator belongs to its indicator's klaster; one without, to its meeting's.
    where.push(`(EXISTS (SELECT 1 FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE i.id = a.indicator_id AND c.code = @clusterCode)
      OR (a.indicator_id IS NULL AND EXISTS (SELECT 1 FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
          WHERE mc.meeting_id = a.meeting_id AND c.code = @clusterCode)))`);
  }
  if (input.agencyId !== undefined) {
    where.push(`(a.lead_agency_id = @agencyId OR EXISTS (SELECT 1 FROM action_item_agency x WHERE x.action_item_id = a.id AND x.agency_id = @agencyId))`);
  }
  if (input.search?.trim()) where.push(`(a.description LIKE @q ESCAPE '\\' OR a.problem LIKE @q ESCAPE '\\' OR a.notes LIKE @q ESCAPE '\\')`);
  return where;
}

const likeEscape = (s: string) => `%${s.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ORDER: Record<TrackerSort, (dir: string) => string> = {
  targetDate: (dir) => `t.target_date IS NULL, t.target_date ${dir}, t.id ${dir}`,
  status: (dir) => `CASE t.cur WHEN 'belum' THEN 0 WHEN 'proses' THEN 1 ELSE 2 END ${dir}, t.target_date IS NULL, t.target_date, t.id`,
  originDate: (dir) => `t.meeting_date ${dir}, t.meeting_start ${dir}, t.meeting_id ${dir}, t.id`,
  agency: (dir) => `t.lead_name IS NULL, t.lead_name COLLATE NOCASE ${dir}, t.target_date IS NULL, t.target_date, t.id`,
};

/** The two statements of one tracker call and their parameters (also run raw by bench/year-recap.ts). */
export function trackerStatements(input: Input, today: string) {
  const params = {
    today,
    yearFrom: `${input.year ?? 0}-01-01`,
    yearTo: `${(input.year ?? 0) + 1}-01-01`,
    meetingId: input.meetingId ?? null,
    indicatorId: input.indicatorId ?? null,
    indicatorNumber: input.indicatorNumber ?? null,
    clusterCode: input.clusterCode ?? null,
    agencyId: input.agencyId ?? null,
    q: likeEscape(input.search ?? ''),
    status: input.status ?? null,
    limit: input.limit,
    offset: input.offset,
  };
  const where = baseFilters(input);
  // The filtered set with each RTL's current status and overdue flag.
  const base = `WITH latest AS (${LATEST_EVENT}),
    t AS (
      SELECT a.id, a.target_date, a.meeting_id, om.date AS meeting_date, om.start_time AS meeting_start, om.title AS meeting_title,
        coalesce(l.status, a.status) AS cur, l.d AS last_date, l.notes AS last_notes,
        (a.target_date IS NOT NULL AND a.target_date < @today AND coalesce(l.status, a.status) <> 'selesai') AS overdue,
        la.name AS lead_name
      FROM action_item a JOIN meeting om ON om.id = a.meeting_id
        LEFT JOIN latest l ON l.aid = a.id
        LEFT JOIN agency la ON la.id = a.lead_agency_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`;
  const pageWhere = [input.status ? `t.cur = @status` : '', input.overdue ? `t.overdue` : ''].filter(Boolean);
  const matches = pageWhere.length ? pageWhere.join(' AND ') : '1';
  return {
    params,
    counts: `${base} SELECT cur, count(*) AS n, sum(overdue) AS late FROM t GROUP BY cur`,
    // One pass over the filtered set: the counts ride along the page as window sums (the
    // events' window is the costly part; running it twice doubled the time on 30,000 RTLs).
    page: `${base} SELECT * FROM (
         SELECT t.id, t.cur, t.meeting_title AS meetingTitle, t.meeting_date AS meetingDate, t.last_date AS lastDate,
           t.last_notes AS lastNotes, t.overdue, t.lead_name AS leadName, (${matches}) AS matches,
           t.target_date, t.meeting_start, t.meeting_id, t.lead_name, t.meeting_date,
           sum(t.cur = 'belum') OVER () AS nBelum, sum(t.cur = 'proses') OVER () AS nProses, sum(t.cur = 'selesai') OVER () AS nSelesai,
           sum(t.overdue) OVER () AS nLate, sum(${matches}) OVER () AS nTotal
         FROM t) t
       WHERE t.matches
       ORDER BY ${ORDER[input.sort](input.descending ? 'DESC' : 'ASC')} LIMIT @limit OFFSET @offset`,
  };
}

type PageRow = {
  id: number; cur: ActionStatus; meetingTitle: string; meetingDate: string; lastDate: string | null; lastNotes: string | null;
  overdue: number; leadName: string | null; nBelum: number; nProses: number; nSelesai: number; nLate: number; nTotal: number;
};

export function trackActions(db: Db, input: Input): TrackerPage {
  const sql = trackerStatements(input, regionToday(db));
  const page = db.prepare(sql.page).all(sql.params) as PageRow[];
  if (page.length === 0) return { rows: [], ...emptyPageCounts(db, sql, input) };
  const { nBelum, nProses, nSelesai, nLate, nTotal } = page[0];
  const countsByStatus = { belum: nBelum, proses: nProses, selesai: nSelesai };
  const total = nTotal;
  const overdueCount = nLate;

  const ids = JSON.stringify(page.map((p) => p.id));
  const actions = new Map(
    (db.prepare(`SELECT ${ACTION_COLUMNS}, i.number AS indicatorNumber, i.name AS indicatorName,
        (SELECT c.code FROM cluster c WHERE c.id = i.cluster_id) AS clusterCode,
        (SELECT json_group_array(name) FROM (SELECT g.name FROM action_item_agency x JOIN agency g ON g.id = x.agency_id
           WHERE x.action_item_id = a.id ORDER BY x.position, g.name)) AS relatedNamesJson
       FROM action_item a LEFT JOIN indicator i ON i.id = a.indicator_id WHERE a.id IN (SELECT value FROM json_each(?))`)
      .all(ids) as (ActionRow & { indicatorNumber: number | null; indicatorName: string | null; clusterCode: string | null; relatedNamesJson: string })[])
      .map(({ indicatorNumber, indicatorName, clusterCode, relatedNamesJson, ...row }) => [row.id, { action: toAction(row), indicatorNumber, indicatorName, clusterCode, relatedAgencyNames: JSON.parse(relatedNamesJson) as string[] }]),
  );
  const rows: TrackerRow[] = page.map((p) => {
    const found = actions.get(p.id)!;
    return {
      ...found.action,
      status: p.cur,
      meetingTitle: p.meetingTitle,
      meetingDate: p.meetingDate,
      clusterCode: found.clusterCode,
      indicatorNumber: found.indicatorNumber,
      indicatorName: found.indicatorName,
      leadAgencyName: p.leadName,
      relatedAgencyNames: found.relatedAgencyNames,
      lastUpdateDate: p.lastDate,
      lastUpdateNotes: p.lastNotes,
      overdue: p.overdue === 1,
    };
  });
  return { rows, total, countsByStatus, overdueCount };
}

/** Counts when the page is empty (no match, or an offset past the end): the window had no row to ride on. */
function emptyPageCounts(db: Db, sql: ReturnType<typeof trackerStatements>, input: Input): Omit<TrackerPage, 'rows'> {
  const counts = db.prepare(sql.counts).all(sql.params) as { cur: ActionStatus; n: number; late: number }[];
  const countsByStatus: Record<ActionStatus, number> = { belum: 0, proses: 0, selesai: 0 };
  let overdueCount = 0;
  for (const c of counts) {
    countsByStatus[c.cur] = c.n;
    overdueCount += c.late;
  }
  const total = counts.filter((c) => !input.status || c.cur === input.status).reduce((sum, c) => sum + (input.overdue ? c.late : c.n), 0);
  return { total, countsByStatus, overdueCount };
}

/** Every row of the filtered list in the tracker's order (the exports), with its counts. */
export function trackAll(db: Db, filter: TrackerFilter): TrackerPage {
  return trackActions(db, { ...filter, limit: -1, offset: 0 });
}
