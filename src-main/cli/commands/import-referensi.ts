import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { withWriter } from '../reader';
import { importArgs } from './import-file';

export const importReferensiCommand: CliCommand = {
  name: 'import-referensi',
  summary: 'Impor daftar indikator KLA satu tahun dari .xlsx (membuat atau mengganti set tahun itu).',
  usage: 'import-referensi FILE.xlsx --year 2026 --data-dir D',
  async run(argv) {
    const { base64, year, file } = importArgs(argv);
    const set = await withWriter(dataDirFromArgs(argv), (call) => call('reference.importXlsx', { year, base64 }));
    const indicators = set.clusters.reduce((n, c) => n + c.indicators.length, 0);
    console.log(`Set indikator tahun ${set.year} diimpor dari ${file}: ${set.clusters.length} klaster, ${indicators} indikator, ${set.bands.length} predikat.`);
    return 0;
  },
};
