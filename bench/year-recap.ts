import Database from 'better-sqlite3';
import { TEN_YEAR_REGENCY } from './generate-regency';
import { benchRegency } from './support/bench-regency';
import { medianTime } from './support/median';
import { PAGE_DETAILS_SQL, trackerStatements } from '../src-main/core/tracker/tracker';
import { regionToday } from '../src-main/core/db/clock';
import { contract } from '../shared/api/contract';
import { ACTION_COUNTS_SQL, BUDGET_TOTAL_SQL, BUDGET_YEAR_SQL, LATEST_SCORE_YEAR_SQL, UPCOMING_SQL, upcomingParams, WEAK_SQL } from '../src-main/core/dashboard/repository';
import { MEETING_YEARS_SQL, PER_YEAR_SQL } from '../src-main/core/meeting/per-year';

// Rekap tahunan on the 10-year regency (1,500 rakor, 30,000 RTLs, 21,000 budget lines, 100
// agencies, scores for 10 evaluation years x 4 stages): the budget recap and the score year
// summary through the whole operation path (validation, transaction, mapping), next to the same
// queries in raw SQL on a second connection to the same file, in the same run. Medians.
//   npx tsx bench/year-recap.ts [runs]

const RUNS = Number(process.argv[2] ?? 100);

const time = (fn: () => unknown) => medianTime(fn, RUNS);

async function main() {
  const { counts, generatedMs, raw, call, close } = benchRegency(TEN_YEAR_REGENCY, 'rakor-bench-recap-');
  const lastYear = TEN_YEAR_REGENCY.firstYear + TEN_YEAR_REGENCY.years - 1;

  // The same SQL the recap runs, without the mapping and the operation path.
  const sums = `count(b.id) AS lines, coalesce(sum(b.allocation_sen), 0) AS a, coalesce(sum(b.realization_sen), 0) AS r`;
  const recapSql = (year: number | null) => {
    const w = year === null ? '' : 'WHERE b.fiscal_year = ?';
    const p = year === null ? [] : [year];
    return [
      [raw.prepare(`SELECT ${sums} FROM budget_line b ${w}`), p],
      [raw.prepare(`SELECT c.code, sum(x.lines), sum(x.a), sum(x.r) FROM (SELECT b.indicator_id, ${sums} FROM budget_line b ${w} GROUP BY b.indicator_id) x
        LEFT JOIN indicator i ON i.id = x.indicator_id LEFT JOIN cluster c ON c.id = i.cluster_id GROUP BY c.code`), p],
      [raw.prepare(`SELECT g.id, g.name, coalesce(x.lines, 0) AS lines, coalesce(x.a, 0) AS a, coalesce(x.r, 0) FROM agency g
        LEFT JOIN (SELECT b.agency_id, ${sums} FROM budget_line b ${w} GROUP BY b.agency_id) x ON x.agency_id = g.id
        WHERE g.active = 1 OR x.lines > 0 ORDER BY a DESC, lines DESC, g.name`), p],
      [raw.prepare(`SELECT trim(b.funding_source) AS k, ${sums} FROM budget_line b ${w} GROUP BY trim(b.funding_source) ORDER BY a DESC, k`), p],
      [raw.prepare(`SELECT b.fiscal_year, ${sums} FROM budget_line b ${w} GROUP BY b.fiscal_year ORDER BY b.fiscal_year`), p],
    ] as [Database.Statement, unknown[]][];
  };
  const runAll = (statements: [Database.Statement, unknown[]][]) => statements.map(([s, p]) => s.all(...p));
  const recapAll = recapSql(null);
  const recapYear = recapSql(lastYear);
  const summarySql = [
    raw.prepare(`SELECT max(year) AS y FROM evaluation_year WHERE year <= ?`),
    raw.prepare(`SELECT c.code, i.id, i.number, i.name, i.max_points, s.stage, s.score FROM cluster c JOIN indicator i ON i.cluster_id = c.id
      LEFT JOIN indicator_score s ON s.indicator_id = i.id AND s.year = ? WHERE c.year = ? ORDER BY c.position, i.number`),
    raw.prepare(`SELECT sub.id, sub.code, ss.stage, ss.score FROM sub_indicator sub JOIN indicator i ON i.id = sub.indicator_id JOIN cluster c ON c.id = i.cluster_id
      LEFT JOIN sub_indicator_score ss ON ss.sub_indicator_id = sub.id AND ss.year = ? WHERE c.year = ?`),
    raw.prepare(`SELECT stage, total FROM year_score WHERE year = ?`),
    raw.prepare(`SELECT name, min_score, max_score FROM predikat_band WHERE year = ?`),
  ];
  const summaryRaw = () => {
    const ref = (summarySql[0].get(lastYear) as { y: number }).y;
    summarySql[1].all(lastYear, ref);
    summarySql[2].all(lastYear, ref);
    summarySql[3].all(lastYear);
    summarySql[4].all(ref);
  };

  // The tracker: the same three statements raw (counts per status, the first page, the page
  // rows' details), as the operation runs them.
  const trackerRaw = (input: Record<string, unknown>) => {
    const sql = trackerStatements(contract['actionItem.track'].input.parse(input), regionToday(raw));
    const counts = raw.prepare(sql.counts);
    const page = raw.prepare(sql.page);
    const details = raw.prepare(PAGE_DETAILS_SQL);
    return () => {
      counts.all(sql.params);
      const rows = page.all(sql.params) as { id: number }[];
      if (rows.length) details.all(JSON.stringify(rows.map((r) => r.id)));
    };
  };
  const trackerInputs: [string, Record<string, unknown>][] = [
    ['Tindak lanjut, semua RTL, halaman 1 + jumlah', {}],
    [`Tindak lanjut, tahun ${lastYear} + status belum, halaman 1 + jumlah`, { year: lastYear, status: 'belum' }],
    ['Tindak lanjut, terlambat, halaman 1 + jumlah', { overdue: true }],
    ['Tindak lanjut, cari "sosialisasi", halaman 1 + jumlah', { search: 'sosialisasi' }],
  ];
  // Beranda: every statement dashboard.home runs, raw (the score summary of the latest scored
  // year, the reference set for the weak-indicator names, rakor per tahun, counts, deadlines, budget).
  const today = regionToday(raw);
  const thisYear = Number(today.slice(0, 4));
  const homeSql = {
    latestYear: raw.prepare(LATEST_SCORE_YEAR_SQL),
    weak: raw.prepare(WEAK_SQL),
    counts: raw.prepare(ACTION_COUNTS_SQL),
    upcoming: raw.prepare(UPCOMING_SQL),
    budgetYear: raw.prepare(BUDGET_YEAR_SQL[0]),
    budgetTotal: raw.prepare(BUDGET_TOTAL_SQL),
    perYear: raw.prepare(PER_YEAR_SQL),
    years: raw.prepare(MEETING_YEARS_SQL),
  };
  const homeRaw = () => {
    homeSql.latestYear.get();
    summaryRaw();
    summarySql[1].all(thisYear, (summarySql[0].get(thisYear) as { y: number }).y);
    homeSql.weak.all();
    homeSql.counts.all({ today });
    homeSql.upcoming.all(upcomingParams(today));
    const y = (homeSql.budgetYear.get(thisYear) as { y: number }).y;
    homeSql.budgetTotal.get(y);
    homeSql.perYear.all(`${thisYear}-01-01`, `${thisYear + 1}-01-01`);
    homeSql.years.all();
  };
  const rows: [string, number, number][] = [
    ['Beranda (`dashboard.home {}`)', await time(() => call('dashboard.home', {})), await time(homeRaw)],
    [`Rakor per tahun (\`meeting.perYear {year: ${lastYear}}\`)`, await time(() => call('meeting.perYear', { year: lastYear })),
      await time(() => { homeSql.perYear.all(`${lastYear}-01-01`, `${lastYear + 1}-01-01`); homeSql.years.all(); summarySql[1].all(lastYear, (summarySql[0].get(lastYear) as { y: number }).y); })],
    ['Rekap anggaran, semua tahun (`budgetLine.recap {}`)', await time(() => call('budgetLine.recap', {})), await time(() => runAll(recapAll))],
    [`Rekap anggaran, satu tahun (\`budgetLine.recap {fiscalYear: ${lastYear}}\`)`, await time(() => call('budgetLine.recap', { fiscalYear: lastYear })), await time(() => runAll(recapYear))],
    [`Ringkasan nilai tahun (\`score.summary {year: ${lastYear}}\`)`, await time(() => call('score.summary', { year: lastYear })), await time(summaryRaw)],
  ];
  for (const [name, input] of trackerInputs) {
    rows.push([`${name} (\`actionItem.track ${JSON.stringify(input)}\`)`, await time(() => call('actionItem.track', input)), await time(trackerRaw(input))]);
  }
  const exportMs = await time(() => call('budgetLine.exportRecap', {}));

  console.log(`Regency: ${JSON.stringify(counts)}; generated in ${Math.round(generatedMs)} ms; ${RUNS} runs each.\n`);
  console.log('| operation | API (median) | raw SQL (median) | ratio |');
  console.log('|---|---|---|---|');
  for (const [name, api, sql] of rows) console.log(`| ${name} | ${api.toFixed(2)} ms | ${sql.toFixed(2)} ms | ${(api / sql).toFixed(2)} |`);
  console.log(`| .xlsx rekap anggaran, semua tahun (\`budgetLine.exportRecap\`) | ${exportMs.toFixed(1)} ms | — | — |`);
  close();
}

void main();
