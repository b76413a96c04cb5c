import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

export const exportReferensiCommand: CliCommand = {
  name: 'export-referensi',
  summary: 'Simpan daftar indikator KLA satu tahun (klaster, indikator, sub, poin, predikat) sebagai .xlsx.',
  usage: 'export-referensi --data-dir D --year 2024 --out FILE.xlsx',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, year: { type: 'string' } } });
    const out = requireOption(values.out, 'out');
    const year = numberOption(requireOption(values.year, 'year')) as number;
    const { target } = await withReader(dataDirFromArgs(argv), async (call) => writeExported(out, await call('reference.exportXlsx', { year })));
    console.log(`Daftar indikator disimpan: ${target}`);
    return 0;
  },
};
