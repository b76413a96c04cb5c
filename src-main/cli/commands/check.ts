import { parseArgs } from 'node:util';
import fs from 'node:fs';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { databasePath, SCHEMA_VERSION } from '../../core/db/database';
import { checkHealth } from '../../core/db/health';
import { currentLockHolder } from '../../core/db/lock';
import { probeDatabase } from '../../core/db/open-checked';
import { withReader } from '../reader';

// Reads only: no migration, no lock taken, nothing moved. Damage is reported, not repaired: the
// app moves a damaged file aside at its next start.

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Periksa basis data (hanya membaca): versi skema, integritas, jumlah baris per tabel, berkas data dukung (SHA-256).',
  usage: 'check --data-dir FOLDER [--json]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } } });
    const dataDir = dataDirFromArgs(argv);
    const file = databasePath(dataDir);
    if (!fs.existsSync(file)) {
      console.error(`Basis data tidak ditemukan: ${file}`);
      return 1;
    }
    const holder = currentLockHolder(dataDir);
    const inUse = holder ? `sedang dipakai oleh Rakor KLA ${holder.thisHost ? 'di komputer ini' : `di komputer ${holder.host}`} (PID ${holder.pid}); pemeriksaan hanya membaca` : 'tidak sedang dipakai';
    const problem = probeDatabase(file, SCHEMA_VERSION);
    if (problem !== null) {
      if (values.json) console.log(JSON.stringify({ file, ok: false, damaged: true, problem, inUse: holder }, null, 2));
      else {
        console.log(`Berkas       : ${file}`);
        console.log(`Pemakaian    : ${inUse}`);
        console.log(`Integritas   : RUSAK (${problem})`);
        console.log('Hasil: ADA MASALAH. Pulihkan dari cadangan: list-backups lalu restore BERKAS.zip');
      }
      return 1;
    }
    // Every evidence file the database or Terhapus names is hashed: a missing or altered one makes
    // the result ADA MASALAH, never a silent pass.
    const { health, evidence } = await withReader(dataDir, async (call, backend) => ({ health: checkHealth(backend.db), evidence: await call('evidence.verify', {}) }));
    const report = { ...health, ok: health.ok && evidence.length === 0, evidenceProblems: evidence };
    if (values.json) {
      console.log(JSON.stringify({ file, expectedSchemaVersion: SCHEMA_VERSION, inUse: holder, ...report }, null, 2));
    } else {
      console.log(`Berkas       : ${file}`);
      console.log(`Pemakaian    : ${inUse}`);
      console.log(`Versi skema  : ${report.schemaVersion} (aplikasi: ${SCHEMA_VERSION})`);
      console.log(`Integritas   : ${report.integrity.join('; ')}`);
      console.log(`Kunci asing  : ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} masalah`}`);
      console.log('Jumlah baris :');
      for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table.padEnd(22)} ${n}`);
      console.log(`Data dukung  : ${evidence.length === 0 ? 'semua berkas ada dan utuh' : `${evidence.length} masalah`}`);
      for (const problem of evidence) console.log(`  - ${problem.message}`);
      console.log(report.ok ? 'Hasil: BAIK' : 'Hasil: ADA MASALAH');
    }
    return report.ok ? 0 : 1;
  },
};
