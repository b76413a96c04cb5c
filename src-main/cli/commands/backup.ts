import { parseArgs } from 'node:util';
import path from 'node:path';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { createBackend } from '../../core/backend';
import { createBackup } from '../../core/backup/backup';
import { readBackupSettings } from '../../core/backup/settings';
import { evidenceFiles } from '../../core/evidence/file-store';
import { formatBackupLine } from './list-backups';
import { terminalProgress } from '../progress';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Buat cadangan sekarang (zip berisi basis data dan metadata, berkas data dukung di folder berkas/) ke folder cadangan.',
  usage: 'backup --data-dir FOLDER [--folder FOLDER_CADANGAN] [--ambil-alih]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, 'ambil-alih': { type: 'boolean' }, folder: { type: 'string' } } });
    const dataDir = dataDirFromArgs(argv);
    const backend = createBackend({ dataDir, runtime: 'cli', takeOverLock: values['ambil-alih'] === true });
    try {
      if (backend.recoveryNeeded()) {
        console.error('Basis data rusak dan sudah dipindahkan ke samping. Jalankan: restore BERKAS.zip --data-dir FOLDER');
        return 1;
      }
      const folder = values.folder ? path.resolve(values.folder) : readBackupSettings(dataDir, backend.db).folder;
      const info = await createBackup(backend.db, { folder, dataDir: backend.dataDir, reason: 'cli', evidence: evidenceFiles, onProgress: terminalProgress(process.stderr, 'Membuat cadangan') });
      console.log(`Cadangan dibuat: ${info.file}`);
      console.log(formatBackupLine(info));
      return 0;
    } finally {
      backend.close();
    }
  },
};
