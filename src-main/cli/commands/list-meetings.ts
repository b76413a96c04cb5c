import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { MEETING_STATUS_LABEL } from '../../../shared/meeting';
import { clusterLabel } from '../../../shared/kla';
import { formatShortDate } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { withReader } from '../reader';

// The IDs the export commands ask for: one line per rapat, newest first, read through the same
// 'meeting.list' operation as the app's list (read-only: the app may stay open).

export const listMeetingsCommand: CliCommand = {
  name: 'list-meetings',
  summary: 'Daftar rapat (terbaru di atas) dengan ID untuk export-notulen.',
  usage: 'list-meetings --data-dir FOLDER [--year TAHUN] [--json]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } } });
    const year = values.year === undefined ? undefined : /^\d{4}$/.test(values.year.trim()) ? Number(values.year) : values.year;
    const meetings = await withReader(dataDirFromArgs(argv), (call) => call('meeting.list', year === undefined ? {} : { year: year as number }));
    if (values.json) {
      console.log(JSON.stringify(meetings, null, 2));
      return 0;
    }
    if (meetings.length === 0) {
      console.log(year === undefined ? 'Belum ada rapat.' : `Tidak ada rapat pada tahun ${year}.`);
      return 0;
    }
    const width = String(Math.max(...meetings.map((m) => m.id))).length;
    console.log(`${'ID'.padStart(width)}  Tanggal      Status       Klaster              Judul`);
    for (const m of meetings) {
      const clusters = m.clusterCodes.map(clusterLabel).join(', ');
      console.log(`${String(m.id).padStart(width)}  ${formatShortDate(m.date).padEnd(11)}  ${MEETING_STATUS_LABEL[m.status].padEnd(11)}  ${clusters.padEnd(19)}  ${m.title}`);
    }
    console.log(`${meetings.length} rapat.`);
    return 0;
  },
};
