import type { Db } from '../db/database';
import type { BudgetRecap, BudgetRecapRow } from '../../../shared/api/budget-line';
import { CLUSTER_CODES, clusterLabel } from '../../../shared/kla';

// Rekap anggaran: four GROUP BY queries over budget_line (one per grouping) and a total. A
// line's klaster is its indicator's; lines without an indicator are grouped apart. Clusters are
// grouped by code, so the same klaster across reference years adds up.

interface Sums { key: string | number | null; label?: string; lines: number; allocation: number; realization: number }

function row(key: string, label: string, s: { lines: number; allocation: number; realization: number }): BudgetRecapRow {
  return { key, label, lines: s.lines, allocationSen: s.allocation, realizationSen: s.realization, absorption: s.allocation > 0 ? s.realization / s.allocation : null };
}

const SUMS = `count(b.id) AS lines, coalesce(sum(b.allocation_sen), 0) AS allocation, coalesce(sum(b.realization_sen), 0) AS realization`;

export function budgetRecap(db: Db, fiscalYear: number | undefined): BudgetRecap {
  const where = fiscalYear === undefined ? '' : 'WHERE b.fiscal_year = ?';
  const params = fiscalYear === undefined ? [] : [fiscalYear];
  const total = db.prepare(`SELECT ${SUMS} FROM budget_line b ${where}`).get(...params) as Sums;

  // Summed per indicator first (a few hundred groups), then joined: cheaper than two lookups
  // per budget line.
  const clusters = db
    .prepare(
      `SELECT c.code AS key, sum(x.lines) AS lines, sum(x.allocation) AS allocation, sum(x.realization) AS realization
       FROM (SELECT b.indicator_id, ${SUMS} FROM budget_line b ${where} GROUP BY b.indicator_id) x
       LEFT JOIN indicator i ON i.id = x.indicator_id LEFT JOIN cluster c ON c.id = i.cluster_id
       GROUP BY c.code`,
    )
    .all(...params) as Sums[];
  const order = (code: string | null) => (code === null ? 99 : CLUSTER_CODES.indexOf(code as never) === -1 ? 50 : CLUSTER_CODES.indexOf(code as never));
  const byCluster = clusters
    .sort((a, b) => order(a.key as string | null) - order(b.key as string | null) || String(a.key).localeCompare(String(b.key)))
    .map((s) => (s.key === null ? row('', 'Tanpa indikator', s) : row(String(s.key), clusterLabel(String(s.key)), s)));

  // Agencies with no line show with zeros (the recap is also the list of who has not budgeted).
  const byAgency = (
    db
      .prepare(
        `SELECT g.id AS key, CASE WHEN g.abbreviation <> '' THEN g.abbreviation || ' — ' || g.name ELSE g.name END AS label,
           coalesce(x.lines, 0) AS lines, coalesce(x.allocation, 0) AS allocation, coalesce(x.realization, 0) AS realization
         FROM agency g LEFT JOIN (SELECT b.agency_id, ${SUMS} FROM budget_line b ${where} GROUP BY b.agency_id) x ON x.agency_id = g.id
         WHERE g.active = 1 OR x.lines > 0
         ORDER BY allocation DESC, lines DESC, g.name`,
      )
      .all(...params) as (Sums & { label: string })[]
  ).map((s) => row(String(s.key), s.label, s)); // agency.name is NOT NULL: the CASE always gives a label

  const bySource = (
    db.prepare(`SELECT trim(b.funding_source) AS key, ${SUMS} FROM budget_line b ${where} GROUP BY trim(b.funding_source) ORDER BY allocation DESC, key`).all(...params) as Sums[]
  ).map((s) => row(String(s.key), s.key === '' ? 'Sumber dana tidak diisi' : String(s.key), s));

  const byYear = (
    db.prepare(`SELECT b.fiscal_year AS key, ${SUMS} FROM budget_line b ${where} GROUP BY b.fiscal_year ORDER BY b.fiscal_year`).all(...params) as Sums[]
  ).map((s) => row(String(s.key), String(s.key), s));

  return { fiscalYear: fiscalYear ?? null, total: row('total', 'Jumlah', total), byCluster, byAgency, bySource, byYear };
}
