import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { formatBytes } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { writeEvidencePackage } from '../../core/evidence/package';
import { withReader } from '../reader';
import { terminalProgress } from '../progress';
import { numberOption, requireOption } from './export-args';

export const exportDataDukungCommand: CliCommand = {
  name: 'export-data-dukung',
  summary: 'Simpan paket data dukung satu tahun evaluasi sebagai .zip (per klaster dan indikator) dengan checklist .xlsx ada/belum ada dan notulen rakor tahun itu (.docx).',
  usage: 'export-data-dukung --year 2024 --out PAKET.zip --data-dir D',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, year: { type: 'string' } } });
    const year = numberOption(requireOption(values.year, 'year')) as number;
    const out = path.resolve(requireOption(values.out, 'out'));
    const dataDir = dataDirFromArgs(argv);
    // The year is checked by the contract's schema (an Indonesian message) before anything is written.
    const result = await withReader(dataDir, async (call, backend) => {
      await call('evidence.completeness', { year });
      const show = terminalProgress(process.stderr, `Menyusun paket data dukung ${year}`);
      return writeEvidencePackage(backend.db, backend.dataDir, year, out, show && (({ done, total }) => show(total > 0 ? done / total : 0)));
    });
    console.log(`Paket data dukung ${year} disimpan: ${out} (${result.files} berkas, ${formatBytes(result.bytes)}; ${result.minutes} notulen rakor; ${result.checklistName})`);
    if (result.problems.length > 0) {
      console.log(`Tidak dimasukkan (${result.problems.length}); pulihkan dari cadangan lalu ulangi:`);
      for (const line of result.problems) console.log(`  ${line}`);
      return 1;
    }
    return 0;
  },
};
