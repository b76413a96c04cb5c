import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

export const exportDaftarHadirCommand: CliCommand = {
  name: 'export-daftar-hadir',
  summary: 'Simpan daftar hadir kosong (.docx) untuk ditandatangani peserta rapat.',
  usage: 'export-daftar-hadir --data-dir D --meeting ID --out FILE.docx [--rows 40] [--paper A4]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        meeting: { type: 'string' },
        out: { type: 'string' },
        rows: { type: 'string' },
        paper: { type: 'string' },
      },
    });
    const out = requireOption(values.out, 'out');
    const meetingId = numberOption(requireOption(values.meeting, 'meeting'));
    const { target } = await withReader(dataDirFromArgs(argv), async (call) =>
      writeExported(out, await call('export.attendanceSheet', {
        meetingId: meetingId as number,
        ...(values.rows !== undefined ? { rows: numberOption(values.rows) } : {}),
        ...(values.paper ? { paper: values.paper.toUpperCase() as 'A4' } : {}),
      })),
    );
    console.log(`Daftar hadir disimpan: ${target}`);
    return 0;
  },
};
