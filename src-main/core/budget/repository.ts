import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { BudgetLine, Deleted } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../db/clock';
import { assertAgencyExists, assertIndicatorExists, inMeetingClusters } from '../db/rows';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { assertRevision, patchRow } from '../db/patch';
import { moveToTrash } from '../db/trash-store';

const SELECT = `SELECT id, agency_id AS agencyId, indicator_id AS indicatorId, meeting_id AS meetingId,
  sub_activity_code AS subActivityCode, activity_name AS activityName, funding_source AS fundingSource,
  fiscal_year AS fiscalYear, allocation_sen AS allocationSen, realization_sen AS realizationSen,
  child_responsive AS childResponsive, created_at AS createdAt, updated_at AS updatedAt, revision FROM budget_line b`;

type Row = Omit<BudgetLine, 'childResponsive'> & { childResponsive: number };
const toLine = (r: Row): BudgetLine => ({ ...r, childResponsive: r.childResponsive === 1 });

export function listBudgetLines(db: Db, filter: OpParsed<'budgetLine.list'>): BudgetLine[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of [['meetingId', 'meeting_id'], ['indicatorId', 'indicator_id'], ['agencyId', 'agency_id'], ['fiscalYear', 'fiscal_year']] as const) {
    if (filter[key] !== undefined) {
      where.push(`${column} = ?`);
      params.push(filter[key]);
    }
  }
  return (db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY fiscal_year DESC, id`).all(...params) as Row[]).map(toLine);
}

/** Lines entered at the meeting, of indicators in its current clusters (what its Pembahasan shows). */
export function listMeetingBudgetLines(db: Db, meetingId: number): BudgetLine[] {
  return (db.prepare(`${SELECT} WHERE meeting_id = ? AND ${inMeetingClusters('b')} ORDER BY fiscal_year DESC, id`).all(meetingId) as Row[]).map(toLine);
}

function getLine(db: Db, id: number): BudgetLine {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toLine(row);
}

export function createBudgetLine(db: Db, input: OpParsed<'budgetLine.create'>): BudgetLine {
  if (input.meetingId !== null) assertMeetingEditable(db, input.meetingId);
  assertAgencyExists(db, input.agencyId);
  assertIndicatorExists(db, input.indicatorId);
  const now = nowIso();
  const id = db
    .prepare(
      `INSERT INTO budget_line (agency_id, indicator_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year,
         allocation_sen, realization_sen, child_responsive, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.agencyId, input.indicatorId, input.meetingId, input.subActivityCode, input.activityName.trim(), input.fundingSource.trim(),
      input.fiscalYear, input.allocationSen, input.realizationSen, input.childResponsive ? 1 : 0, now, now,
    ).lastInsertRowid;
  if (input.meetingId !== null) touchMeeting(db, input.meetingId);
  return getLine(db, Number(id));
}

const COLUMN = {
  agencyId: 'agency_id', indicatorId: 'indicator_id', subActivityCode: 'sub_activity_code', activityName: 'activity_name',
  fundingSource: 'funding_source', fiscalYear: 'fiscal_year', allocationSen: 'allocation_sen', realizationSen: 'realization_sen',
  childResponsive: 'child_responsive',
} as const;

export function updateBudgetLine(db: Db, input: OpParsed<'budgetLine.update'>): BudgetLine {
  const line = getLine(db, input.id);
  if (line.meetingId !== null) assertMeetingEditable(db, line.meetingId);
  assertAgencyExists(db, input.agencyId);
  assertIndicatorExists(db, input.indicatorId);
  if (patchRow(db, 'budget_line', COLUMN, input, () => getLine(db, input.id)) && line.meetingId !== null) touchMeeting(db, line.meetingId);
  return getLine(db, input.id);
}

/** Moves the line to Terhapus (a line of a closed meeting stays: it is part of that record). */
export function deleteBudgetLine(db: Db, id: number, baseRevision?: number): Deleted {
  const line = getLine(db, id);
  if (line.meetingId !== null) assertMeetingEditable(db, line.meetingId);
  assertRevision(db, 'budget_line', id, baseRevision, () => getLine(db, id));
  const trashId = moveToTrash(db, 'budget_line', id);
  if (line.meetingId !== null) touchMeeting(db, line.meetingId);
  return { id, trashId };
}
