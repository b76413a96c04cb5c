import Database from 'better-sqlite3';
import type { Db } from '../src-main/core/db/database';
import { regionToday } from '../src-main/core/db/clock';
import { BOARD_SQL } from '../src-main/core/board/board';
import { LATEST_REVIEW_SQL } from '../src-main/core/board/year-facts';
import { RECAP_SQL } from '../src-main/core/agency-recap/recap';
import { TEN_YEAR_REGENCY } from './generate-regency';
import { benchRegency } from './support/bench-regency';
import { medianTime } from './support/median';

// Papan indikator and Rekap per instansi on the 10-year regency (1,500 rakor, 30,000 RTLs,
// 21,000 budget lines, 60,000 attendance rows, 100 agencies; every indicator given one lead and
// two supporting agencies): each operation through the whole path (validation, transaction,
// mapping) next to the same statements in raw SQL on a second connection to the same file, in
// the same run. Medians.
//   npx tsx bench/board-recap.ts [runs]

const RUNS = Number(process.argv[2] ?? 100);

const time = (fn: () => unknown) => medianTime(fn, RUNS);

/** Penanggung jawab per indicator, as a secretariat sets them up: one lead, two supporting. */
function assignAgencies(db: Db): void {
  const agencies = (db.prepare(`SELECT id FROM agency ORDER BY id`).all() as { id: number }[]).map((a) => a.id);
  const insert = db.prepare(`INSERT OR IGNORE INTO assignment (indicator_id, agency_id, role) VALUES (?, ?, ?)`);
  db.transaction(() => {
    for (const { id } of db.prepare(`SELECT id FROM indicator`).all() as { id: number }[]) {
      [0, 7, 19].forEach((step, k) => insert.run(id, agencies[(id * 3 + step) % agencies.length], k === 0 ? 'lead' : 'support'));
    }
  })();
}

async function main() {
  const { counts, raw, call, close } = benchRegency(TEN_YEAR_REGENCY, 'rakor-bench-board-', assignAgencies);
  const year = TEN_YEAR_REGENCY.firstYear + TEN_YEAR_REGENCY.years - 1;
  const today = regionToday(raw);
  const scope = { from: `${year}-01-01`, to: `${year + 1}-01-01`, today };
  // The agency with the most RTLs that year: the heaviest recap.
  const agency = (raw.prepare(
    `SELECT a.lead_agency_id AS id FROM action_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.date >= ? AND m.date < ?
     GROUP BY a.lead_agency_id ORDER BY count(*) DESC LIMIT 1`,
  ).get(scope.from, scope.to) as { id: number }).id;

  // The same statements the operations run, on the raw connection.
  const refYear = raw.prepare(`SELECT coalesce((SELECT max(year) FROM evaluation_year WHERE year <= ?), (SELECT min(year) FROM evaluation_year)) AS y`);
  const referenceSet = raw.prepare(`SELECT c.id, c.code, c.name, i.id AS iid, i.number, i.name AS iname, i.max_points FROM cluster c JOIN indicator i ON i.cluster_id = c.id WHERE c.year = ? ORDER BY c.position, i.number`);
  const latest = raw.prepare(LATEST_REVIEW_SQL);
  const board = Object.fromEntries(Object.entries(BOARD_SQL).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<keyof typeof BOARD_SQL, Database.Statement>;
  const recap = Object.fromEntries(Object.entries(RECAP_SQL).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<keyof typeof RECAP_SQL, Database.Statement>;
  const agencyRow = raw.prepare(`SELECT id, name, abbreviation, kind, active FROM agency WHERE id = ?`);

  const boardRaw = () => {
    const ref = (refYear.get(year) as { y: number }).y;
    const ids = JSON.stringify((referenceSet.all(ref) as { iid: number }[]).map((r) => r.iid));
    const params = { ...scope, ids, year };
    latest.all({ ...scope, ids });
    board.meetings.all(params);
    board.actions.all(params);
    board.budgets.all(params);
    board.assigned.all({ ids });
    board.years.all(year, Number(today.slice(0, 4)));
  };
  const recapRaw = () => {
    agencyRow.get(agency);
    const ref = (refYear.get(year) as { y: number }).y;
    const params = { ...scope, agency, year, ref };
    const assigned = recap.assigned.all(params) as { indicatorId: number }[];
    latest.all({ ...scope, ids: JSON.stringify(assigned.map((a) => a.indicatorId)) });
    recap.actions.all(params);
    recap.budgetLines.all(params);
    recap.meetings.all(params);
    recap.held.get(params);
  };
  const someIndicator = (raw.prepare(`SELECT indicator_id AS id FROM indicator_review LIMIT 1`).get() as { id: number }).id;

  const rows: [string, number, number | null][] = [
    [`Papan indikator tahun ${year} (\`reference.board {year: ${year}}\`)`, await time(() => call('reference.board', { year })), await time(boardRaw)],
    [`Rekap per instansi, instansi dengan RTL terbanyak, tahun ${year} (\`agency.recap\`)`, await time(() => call('agency.recap', { agencyId: agency, year })), await time(recapRaw)],
    [`Riwayat satu indikator tahun ${year} (\`reference.indicatorHistory\`, rakor tertutup dari snapshot)`, await time(() => call('reference.indicatorHistory', { indicatorId: someIndicator, year })), null],
  ];
  const letterMs = await time(() => call('export.agencyRecap', { agencyId: agency, year }));
  const zipStart = performance.now();
  const zip = (await call('export.agencyRecap', { all: true, year })) as { base64: string };
  const zipMs = performance.now() - zipStart;

  console.log(`Regency: ${JSON.stringify(counts)}; ${RUNS} runs each.\n`);
  console.log('| operation | API (median) | raw SQL (median) | ratio |');
  console.log('|---|---|---|---|');
  for (const [name, api, sql] of rows) console.log(`| ${name} | ${api.toFixed(2)} ms | ${sql === null ? '—' : `${sql.toFixed(2)} ms`} | ${sql === null ? '—' : (api / sql).toFixed(2)} |`);
  console.log(`| Surat rekap satu instansi (\`export.agencyRecap {agencyId}\`) | ${letterMs.toFixed(1)} ms | — | — |`);
  console.log(`| Surat rekap semua instansi, .zip (\`export.agencyRecap {all: true}\`, sekali) | ${zipMs.toFixed(0)} ms (${Math.round((zip.base64.length * 3) / 4 / 1024)} KB) | — | — |`);
  close();
}

void main();
