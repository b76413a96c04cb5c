import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { seedDemoCommand } from './seed-demo';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { listBackupsCommand } from './list-backups';
import { exportNotulenCommand } from './export-notulen';
import { exportDaftarHadirCommand } from './export-daftar-hadir';
import { listMeetingsCommand } from './list-meetings';
import { exportAnggaranCommand } from './export-anggaran';
import { exportRtlCommand } from './export-rtl';
import { exportReferensiCommand } from './export-referensi';
import { importNilaiCommand } from './import-nilai';
import { importReferensiCommand } from './import-referensi';
import { importDataDukungCommand } from './import-data-dukung';
import { exportDataDukungCommand } from './export-data-dukung';
import { exportRekapInstansiCommand } from './export-rekap-instansi';

/** Every CLI command; a feature adds its command file and one line here. */
export const COMMANDS: CliCommand[] = [
  seedDemoCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
  listBackupsCommand,
  listMeetingsCommand,
  exportNotulenCommand,
  exportDaftarHadirCommand,
  exportAnggaranCommand,
  exportRtlCommand,
  exportReferensiCommand,
  importNilaiCommand,
  importReferensiCommand,
  importDataDukungCommand,
  exportDataDukungCommand,
  exportRekapInstansiCommand,
];
