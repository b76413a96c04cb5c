import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { formatNumber } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

export const exportAnggaranCommand: CliCommand = {
  name: 'export-anggaran',
  summary: 'Simpan rekap anggaran (per klaster, instansi, sumber dana, tahun) sebagai .xlsx.',
  usage: 'export-anggaran --data-dir D --out FILE.xlsx [--tahun 2024]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, tahun: { type: 'string' } } });
    const out = requireOption(values.out, 'out');
    const fiscalYear = numberOption(values.tahun);
    const { target, size } = await withReader(dataDirFromArgs(argv), async (call) =>
      writeExported(out, await call('budgetLine.exportRecap', fiscalYear === undefined ? {} : { fiscalYear })),
    );
    console.log(`Rekap anggaran disimpan: ${target} (${formatNumber(Math.ceil(size / 1024))} KB)`);
    return 0;
  },
};
