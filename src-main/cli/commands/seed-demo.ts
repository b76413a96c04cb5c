import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { createBackend } from '../../core/backend';
import { seedDemo } from '../../core/demo/seed-demo';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Isi folder data baru dengan contoh kabupaten: profil, nilai, beberapa rakor lengkap.',
  usage: 'seed-demo --data-dir FOLDER',
  async run(argv) {
    const dataDir = dataDirFromArgs(argv);
    const backend = createBackend({ dataDir, runtime: 'cli' });
    try {
      const summary = seedDemo(backend.db);
      console.log(`Data contoh dibuat di ${dataDir}: ${summary.meetings} rapat, ${summary.attendees} peserta, ${summary.actionItems} RTL, ${summary.budgetLines} baris anggaran.`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
