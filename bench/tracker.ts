import { regionToday } from '../src-main/core/db/clock';
import { PAGE_DETAILS_SQL, trackerStatements } from '../src-main/core/tracker/tracker';
import { contract } from '../shared/api/contract';
import { TEN_YEAR_REGENCY } from './generate-regency';
import { benchRegency } from './support/bench-regency';
import { medianTime } from './support/median';

// Tindak lanjut on the 10-year regency (1,500 rakor, 30,000 RTLs): `actionItem.track` through
// the whole operation path (validation, read transaction, mapping, the page's names) next to
// its three statements (counts, page, the page rows' details) run raw on a second connection to the same file, in the
// same run. Medians.
//   npx tsx bench/tracker.ts [runs]

const RUNS = Number(process.argv[2] ?? 50);

const time = (fn: () => unknown) => medianTime(fn, RUNS);

async function main() {
  const { counts, raw, call, close } = benchRegency(TEN_YEAR_REGENCY, 'rakor-bench-tracker-');
  const lastYear = TEN_YEAR_REGENCY.firstYear + TEN_YEAR_REGENCY.years - 1;
  const agency = (raw.prepare(`SELECT lead_agency_id AS id FROM action_item GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`).get() as { id: number }).id;

  const inputs: [string, Record<string, unknown>][] = [
    ['semua RTL', {}],
    [`tahun ${lastYear} + status belum`, { year: lastYear, status: 'belum' }],
    ['terlambat', { overdue: true }],
    ['Klaster III + proses', { clusterCode: 'III', status: 'proses' }],
    ['satu instansi', { agencyId: agency }],
    ['cari "pendataan" (cocok semua)', { search: 'pendataan' }],
    ['cari "sosialisasi" (tidak ada)', { search: 'sosialisasi' }],
    ['urut rapat asal, terbaru dulu', { sort: 'originDate', descending: true }],
    ['halaman 100', { offset: 4950 }],
  ];
  console.log(`Regency: ${JSON.stringify(counts)}; ${RUNS} runs each.\n`);
  console.log('| Tindak lanjut, halaman 1 + jumlah | API (median) | SQL langsung (median) | rasio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, input] of inputs) {
    const sql = trackerStatements(contract['actionItem.track'].input.parse(input), regionToday(raw));
    const countsStmt = raw.prepare(sql.counts);
    const pageStmt = raw.prepare(sql.page);
    const detailsStmt = raw.prepare(PAGE_DETAILS_SQL);
    const api = await time(() => call('actionItem.track', input));
    // The operation's three statements: counts, the page, the page rows' details.
    const direct = await time(() => {
      countsStmt.all(sql.params);
      const rows = pageStmt.all(sql.params) as { id: number }[];
      if (rows.length) detailsStmt.all(JSON.stringify(rows.map((r) => r.id)));
    });
    console.log(`| ${name} \`${JSON.stringify(input)}\` | ${api.toFixed(2)} ms | ${direct.toFixed(2)} ms | ${(api / direct).toFixed(2)} |`);
  }
  close();
}

void main();
