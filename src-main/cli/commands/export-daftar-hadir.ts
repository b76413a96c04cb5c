import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { exportOps } from '../../../shared/api/export';
import { dataDirFromArgs } from '../../core/data-dir';
import { loadMinutesData } from '../../core/export/minutes-data';
import { renderAttendanceSheet } from '../../core/export/attendance-sheet';
import { checkInput, numberOption, requireOption, withDatabase, writeOutput } from './export-args';

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
    const input = checkInput(exportOps['export.daftarHadir'].input, {
      meetingId: numberOption(requireOption(values.meeting, 'meeting')),
      ...(values.rows !== undefined ? { rows: numberOption(values.rows) } : {}),
      ...(values.paper ? { paper: values.paper.toUpperCase() } : {}),
    });
    const target = await withDatabase(dataDirFromArgs(argv), async (db) =>
      writeOutput(out, await renderAttendanceSheet(loadMinutesData(db, input.meetingId), { paper: input.paper, rows: input.rows })),
    );
    console.log(`Daftar hadir (${input.rows} baris) disimpan: ${target}`);
    return 0;
  },
};
