import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../src-main/core/backend';
import { databasePath, openDatabase } from '../src-main/core/db/database';
import { regionToday } from '../src-main/core/db/clock';
import { trackerStatements } from '../src-main/core/tracker/tracker';
import { contract } from '../shared/api/contract';
import { generateRegency, TEN_YEAR_REGENCY } from './generate-regency';
import { medianTime } from './support/median';

// Tindak lanjut on the 10-year regency (1,500 rakor, 30,000 RTLs): `actionItem.track` through
// the whole operation path (validation, read transaction, mapping, the page's names) next to
// its two statements (counts, page) run raw on a second connection to the same file, in the
// same run. Medians.
//   npx tsx bench/tracker.ts [runs]

const RUNS = Number(process.argv[2] ?? 50);

const time = (fn: () => unknown) => medianTime(fn, RUNS);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-bench-tracker-'));
  const seedDb = openDatabase(databasePath(dataDir));
  const counts = generateRegency(seedDb, TEN_YEAR_REGENCY);
  seedDb.close();
  const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
  const raw = new Database(databasePath(dataDir));
  raw.pragma('journal_mode = WAL');
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
    const api = await time(async () => {
      const result = await backend.invoke('actionItem.track', input);
      if (!result.ok) throw new Error(result.error.message);
    });
    const direct = await time(() => {
      countsStmt.all(sql.params);
      pageStmt.all(sql.params);
    });
    console.log(`| ${name} \`${JSON.stringify(input)}\` | ${api.toFixed(2)} ms | ${direct.toFixed(2)} ms | ${(api / direct).toFixed(2)} |`);
  }
  backend.close();
  raw.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
