import { parseArgs } from 'node:util';
import fs from 'node:fs';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { databasePath, openDatabase, SCHEMA_VERSION } from '../../core/db/database';
import { checkHealth } from '../../core/db/health';
import { probeDatabase } from '../../core/db/open-checked';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Periksa basis data: versi skema, integritas, jumlah baris per tabel.',
  usage: 'check --data-dir FOLDER [--json]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } } });
    const file = databasePath(dataDirFromArgs(argv));
    if (!fs.existsSync(file)) {
      console.error(`Basis data tidak ditemukan: ${file}`);
      return 1;
    }
    // Damage is reported, not repaired: the app moves a damaged file aside at its next start.
    const problem = probeDatabase(file, SCHEMA_VERSION);
    if (problem !== null) {
      if (values.json) console.log(JSON.stringify({ file, ok: false, damaged: true, problem }, null, 2));
      else {
        console.log(`Berkas       : ${file}`);
        console.log(`Integritas   : RUSAK (${problem})`);
        console.log('Hasil: ADA MASALAH. Pulihkan dari cadangan: list-backups lalu restore BERKAS.zip');
      }
      return 1;
    }
    const db = openDatabase(file);
    try {
      const report = checkHealth(db);
      if (values.json) {
        console.log(JSON.stringify({ file, expectedSchemaVersion: SCHEMA_VERSION, ...report }, null, 2));
      } else {
        console.log(`Berkas       : ${file}`);
        console.log(`Versi skema  : ${report.schemaVersion} (aplikasi: ${SCHEMA_VERSION})`);
        console.log(`Integritas   : ${report.integrity.join('; ')}`);
        console.log(`Kunci asing  : ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} masalah`}`);
        console.log('Jumlah baris :');
        for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table.padEnd(22)} ${n}`);
        console.log(report.ok ? 'Hasil: BAIK' : 'Hasil: ADA MASALAH');
      }
      return report.ok && report.schemaVersion === SCHEMA_VERSION ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
