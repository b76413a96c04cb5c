import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import type { OpInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';
import { numberOption, requireOption, writeExported } from './export-args';

// The tracker's filtered list for IT staff: the same operation the Tindak lanjut screen exports
// with (export.tracker), the format taken from the file name. Option values are passed through
// as given; the operation's schema refuses a wrong one in Indonesian.

export const exportRtlCommand: CliCommand = {
  name: 'export-rtl',
  summary: 'Simpan daftar tindak lanjut (RTL) tersaring sebagai .xlsx atau matriks Word (.docx).',
  usage: 'export-rtl --data-dir D --out FILE.xlsx|FILE.docx [--tahun 2025] [--klaster III] [--indikator ID] [--instansi ID] '
    + '[--status belum|proses|selesai] [--terlambat] [--rapat ID] [--cari TEKS] [--urut targetDate|status|originDate|agency] [--turun] [--paper A4|F4]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        tahun: { type: 'string' },
        klaster: { type: 'string' },
        indikator: { type: 'string' },
        instansi: { type: 'string' },
        status: { type: 'string' },
        terlambat: { type: 'boolean' },
        rapat: { type: 'string' },
        cari: { type: 'string' },
        urut: { type: 'string' },
        turun: { type: 'boolean' },
        paper: { type: 'string' },
      },
    });
    const out = requireOption(values.out, 'out');
    const format = out.toLowerCase().endsWith('.docx') ? 'docx' : out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
    if (!format) throw new AppError('VALIDATION', 'Nama berkas --out harus berakhiran .xlsx atau .docx.');
    const input = {
      format,
      ...(values.tahun !== undefined ? { year: numberOption(values.tahun) } : {}),
      ...(values.klaster !== undefined ? { clusterCode: values.klaster.trim().toUpperCase() } : {}),
      ...(values.indikator !== undefined ? { indicatorId: numberOption(values.indikator) } : {}),
      ...(values.instansi !== undefined ? { agencyId: numberOption(values.instansi) } : {}),
      ...(values.status !== undefined ? { status: values.status.trim().toLowerCase() } : {}),
      ...(values.terlambat ? { overdue: true } : {}),
      ...(values.rapat !== undefined ? { meetingId: numberOption(values.rapat) } : {}),
      ...(values.cari !== undefined ? { search: values.cari } : {}),
      ...(values.urut !== undefined ? { sort: values.urut } : {}),
      ...(values.turun ? { descending: true } : {}),
      ...(values.paper ? { paper: values.paper.toUpperCase() } : {}),
    } as OpInput<'export.tracker'>;
    const { target, size } = await withReader(dataDirFromArgs(argv), async (call) => writeExported(out, await call('export.tracker', input)));
    console.log(`Daftar tindak lanjut disimpan: ${target} (${formatNumber(Math.ceil(size / 1024))} KB)`);
    return 0;
  },
};
