import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { AppError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

export const exportRekapInstansiCommand: CliCommand = {
  name: 'export-rekap-instansi',
  summary: 'Simpan rekap per instansi (surat satu halaman, .docx), atau semua instansi sekaligus (.zip).',
  usage: 'export-rekap-instansi --data-dir D (--agency ID | --all) --out FILE [--tahun 2025] [--paper F4]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' }, agency: { type: 'string' }, all: { type: 'boolean' },
        out: { type: 'string' }, tahun: { type: 'string' }, paper: { type: 'string' },
      },
    });
    const out = requireOption(values.out, 'out');
    if ((values.agency === undefined) === (values.all !== true)) throw new AppError('VALIDATION', 'Pilih satu: --agency ID atau --all.');
    const year = numberOption(values.tahun);
    const { target, size } = await withReader(dataDirFromArgs(argv), async (call) =>
      writeExported(out, await call('export.agencyRecap', {
        ...(values.all ? { all: true as const } : { agencyId: numberOption(values.agency) }),
        ...(year === undefined ? {} : { year }),
        ...(values.paper ? { paper: values.paper.toUpperCase() as 'A4' } : {}),
      })),
    );
    console.log(`Rekap per instansi disimpan: ${target} (${formatNumber(Math.ceil(size / 1024))} KB)`);
    return 0;
  },
};
