import { parseArgs } from 'node:util';
import path from 'node:path';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { createBackend } from '../../core/backend';
import type { RestoreResult } from '../../../shared/api/backup';
import { formatBackupLine } from './list-backups';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Pulihkan basis data dari cadangan .zip (data sekarang dicadangkan dulu).',
  usage: 'restore BERKAS.zip --data-dir FOLDER [--ambil-alih]',
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, 'ambil-alih': { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) {
      console.error('Sebutkan satu berkas cadangan .zip. Lihat daftarnya dengan: list-backups --data-dir FOLDER');
      return 2;
    }
    const dataDir = dataDirFromArgs(argv);
    const file = path.isAbsolute(positionals[0]) || positionals[0].includes(path.sep) ? path.resolve(positionals[0]) : positionals[0];
    const backend = createBackend({ dataDir, runtime: 'cli', takeOverLock: values['ambil-alih'] === true });
    try {
      const result = await backend.invoke('backup.restore', { file });
      if (!result.ok) {
        console.error(result.error.message);
        return 1;
      }
      const { restored, safetyBackup } = result.data as RestoreResult;
      if (safetyBackup) console.log(`Data sebelumnya dicadangkan ke: ${safetyBackup.file}`);
      console.log(`Dipulihkan dari: ${formatBackupLine(restored)}`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
