import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import type { LampiranCode } from '../../../shared/api/export';
import { formatNumber } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

export const exportNotulenCommand: CliCommand = {
  name: 'export-notulen',
  summary: 'Simpan notulen rapat sebagai dokumen Word (.docx), dengan lampiran pilihan.',
  usage: 'export-notulen --data-dir D --meeting ID --out FILE.docx [--paper F4] [--lampiran I,II,III,IV]',
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
    const meetingId = numberOption(requireOption(values.meeting, 'meeting'));
    const { target, size } = await withReader(dataDirFromArgs(argv), async (call) =>
      writeExported(out, await call('export.minutes', {
        meetingId: meetingId as number,
        ...(values.paper ? { paper: values.paper.toUpperCase() as 'A4' } : {}),
        // "--lampiran ''" or "--lampiran none" means the notulen alone.
        ...(values.lampiran !== undefined
          ? { lampiran: values.lampiran.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== '' && s !== 'NONE') as LampiranCode[] }
          : {}),
      })),
    );
    console.log(`Notulen disimpan: ${target} (${formatNumber(Math.ceil(size / 1024))} KB)`);
    return 0;
  },
};
