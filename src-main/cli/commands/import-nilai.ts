import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { withWriter } from '../reader';
import { importArgs } from './import-file';

export const importNilaiCommand: CliCommand = {
  name: 'import-nilai',
  summary: 'Impor nilai evaluasi dari templat .xlsx yang sudah diisi (semua sel diperiksa dulu; salah satu sel = tidak ada yang diimpor).',
  usage: 'import-nilai FILE.xlsx --year 2024 --data-dir D',
  async run(argv) {
    const { base64, year, file } = importArgs(argv);
    const result = await withWriter(dataDirFromArgs(argv), (call) => call('score.import', { year, base64 }));
    console.log(`Nilai tahun ${year} diimpor dari ${file}: ${result.written} nilai diisi, ${result.cleared} dikosongkan.`);
    return 0;
  },
};
