import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { TrackerPage, TrackerRow, TrackerSort } from '../../../shared/tracker';
import type { ActionStatus } from '../../../shared/types';
import { regionToday } from '../db/clock';
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
  if (input.indicatorNumber !== undefined) where.push(`a.indicator_id IN (SELECT id FROM indicator WHERE number = @indicatorNumber)`);
  if (input.clusterCode !== undefined) {
    // An RTL on an indicator belongs to its indicator's klaster; one without, to its meeting's.
    // One list of ids per call, read off action_item_indicator, not a subquery per RTL.
    where.push(`a.id IN (
      SELECT id FROM action_item WHERE indicator_id IN (SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.code = @clusterCode)
      UNION SELECT id FROM action_item WHERE indicator_id IS NULL
        AND meeting_id IN (SELECT mc.meeting_id FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id WHERE c.code = @clusterCode))`);
  }
  if (input.agencyId !== undefined) {
    // Lead or related, both read off their indexes.
    where.push(`a.id IN (SELECT id FROM action_item WHERE lead_agency_id = @agencyId
      UNION SELECT action_item_id FROM action_item_agency WHERE agency_id = @agencyId)`);
  }
  if (input.search?.trim()) where.push(`(a.description LIKE @q ESCAPE '\\' OR a.problem LIKE @q ESCAPE '\\' OR a.notes LIKE @q ESCAPE '\\')`);
  return where;
}

const likeEscape = (s: string) => `%${s.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Every order ends on the RTL id, so pages never overlap or skip. The default (target date,
// undated last) is read straight off the index action_item_target_order (migration 14).
const ORDER: Record<TrackerSort | 'targetDateSorted', (dir: string) => string> = {
  targetDate: (dir) => `a.target_date IS NULL, a.target_date ${dir}, a.id ${dir}`,
  // The same order, written so that it does not match the index (see throughMeeting).
  targetDateSorted: (dir) => `(a.target_date IS NULL) + 0, a.target_date ${dir}, a.id ${dir}`,
  status: (dir) => `CASE s.status WHEN 'belum' THEN 0 WHEN 'proses' THEN 1 ELSE 2 END ${dir}, a.target_date IS NULL, a.target_date, a.id`,
  originDate: (dir) => `om.date ${dir}, om.start_time ${dir}, om.id ${dir}, a.id`,
  agency: (dir) => `la.name IS NULL, la.name COLLATE NOCASE ${dir}, a.target_date IS NULL, a.target_date, a.id`,
};

const OVERDUE = `(s.target_date IS NOT NULL AND s.target_date < @today AND s.status <> 'selesai')`;

/**
 * The two statements of one tracker call and their parameters (also run raw by the benches):
 * the counts of the filtered set per current status, then one page of it. The current status is
 * one indexed row per RTL in action_current_status (kept by triggers, migration 14), so neither
 * statement ranks the history.
 */
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
  // A status holds a third to two thirds of all RTLs: the page never starts from the status
  // index (it would sort thousands of rows) but from the order or the other filters; `+` keeps
  // an index out of play. A year or an origin meeting picks few RTLs: found through the meeting
  // (the order index would walk most of the table first).
  const throughMeeting = input.year !== undefined || input.meetingId !== undefined;
  const status = `+s.status = @status`;
  const sort = input.sort === 'targetDate' && throughMeeting ? 'targetDateSorted' : input.sort;
  const pageWhere = [...where, input.status ? status : '', input.overdue ? OVERDUE : ''].filter(Boolean);
  // Without a filter the counts read action_current_status's index alone; the meeting is
  // joined only to filter by its year.
  const countsFrom = where.length === 0 ? 'FROM action_current_status s'
    : `FROM action_item a JOIN action_current_status s ON s.action_item_id = a.id
      ${input.year !== undefined ? 'JOIN meeting om ON om.id = a.meeting_id' : ''}`;
  return {
    params,
    counts: `SELECT s.status AS cur, count(*) AS n, coalesce(sum(${OVERDUE}), 0) AS late ${countsFrom}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY s.status`,
    page: `SELECT a.id, s.status AS cur, om.title AS meetingTitle, om.date AS meetingDate, s.last_date AS lastDate,
        s.last_notes AS lastNotes, ${OVERDUE} AS overdue, la.name AS leadName
      FROM ${sort === 'originDate'
        // Meetings walked in order off meeting_order (CROSS JOIN fixes the loop order), each
        // meeting's RTLs sorted: a page without sorting all 30,000.
        ? 'meeting om CROSS JOIN action_item a ON a.meeting_id = om.id'
        : 'action_item a JOIN meeting om ON om.id = a.meeting_id'}
        JOIN action_current_status s ON s.action_item_id = a.id
        LEFT JOIN agency la ON la.id = a.lead_agency_id
      ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY ${ORDER[sort](input.descending ? 'DESC' : 'ASC')} LIMIT @limit OFFSET @offset`,
  };
}

type PageRow = {
  id: number; cur: ActionStatus; meetingTitle: string; meetingDate: string; lastDate: string | null; lastNotes: string | null;
  overdue: number; leadName: string | null;
};

/** The rest of each page row (indicator, klaster, pihak terkait in order), for the page's ids as a JSON array. */
export const PAGE_DETAILS_SQL = `SELECT ${ACTION_COLUMNS}, i.number AS indicatorNumber, i.name AS indicatorName,
    (SELECT c.code FROM cluster c WHERE c.id = i.cluster_id) AS clusterCode,
    (SELECT json_group_array(name) FROM (SELECT g.name FROM action_item_agency x JOIN agency g ON g.id = x.agency_id
       WHERE x.action_item_id = a.id ORDER BY x.position, g.name)) AS relatedNamesJson
  FROM action_item a LEFT JOIN indicator i ON i.id = a.indicator_id WHERE a.id IN (SELECT value FROM json_each(?))`;

export function trackActions(db: Db, input: Input): TrackerPage {
  const sql = trackerStatements(input, regionToday(db));
  const counts = countsOf(db, sql, input);
  const page = counts.total === 0 ? [] : db.prepare(sql.page).all(sql.params) as PageRow[];
  if (page.length === 0) return { rows: [], ...counts };

  const ids = JSON.stringify(page.map((p) => p.id));
  const actions = new Map(
    (db.prepare(PAGE_DETAILS_SQL).all(ids) as (ActionRow & { indicatorNumber: number | null; indicatorName: string | null; clusterCode: string | null; relatedNamesJson: string })[])
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
  return { rows, ...counts };
}

/** Counts per current status of the filtered set (all but the status and terlambat filters), and the pages' total. */
function countsOf(db: Db, sql: ReturnType<typeof trackerStatements>, input: Input): Omit<TrackerPage, 'rows'> {
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
