import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { exportOps } from '../../../shared/api/export';
import { formatNumber } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { loadMinutesData } from '../../core/export/minutes-data';
import { renderMinutes } from '../../core/export/minutes-document';
import { checkInput, numberOption, requireOption, withDatabase, writeOutput } from './export-args';

export const exportNotulenCommand: CliCommand = {
  name: 'export-notulen',
  summary: 'Simpan notulen rapat sebagai dokumen Word (.docx), dengan lampiran pilihan.',
  usage: 'export-notulen --data-dir D --meeting ID --out FILE.docx [--paper F4] [--lampiran I,II,III]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        meeting: { type: 'string' },
        out: { type: 'string' },
        paper: { type: 'string' },
        lampiran: { type: 'string' },
      },
    });
    const out = requireOption(values.out, 'out');
    const input = checkInput(exportOps['export.notulen'].input, {
      meetingId: numberOption(requireOption(values.meeting, 'meeting')),
      ...(values.paper ? { paper: values.paper.toUpperCase() } : {}),
      // "--lampiran ''" or "--lampiran none" means the notulen alone.
      ...(values.lampiran !== undefined
        ? { lampiran: values.lampiran.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== '' && s !== 'NONE') }
        : {}),
    });
    const { target, size } = await withDatabase(dataDirFromArgs(argv), async (db) => {
      const bytes = await renderMinutes(loadMinutesData(db, input.meetingId), { paper: input.paper, lampiran: input.lampiran });
      return { target: await writeOutput(out, bytes), size: bytes.byteLength };
    });
    console.log(`Notulen disimpan: ${target} (${formatNumber(Math.ceil(size / 1024))} KB)`);
    return 0;
  },
};
