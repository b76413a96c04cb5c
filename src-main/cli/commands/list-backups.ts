import { parseArgs } from 'node:util';
import path from 'node:path';
import type { CliCommand } from '../command';
import { dataDirFromArgs } from '../../core/data-dir';
import { listBackups } from '../../core/backup/backup';
import { readBackupSettings } from '../../core/backup/settings';
import { BACKUP_REASON_LABEL, type BackupInfo } from '../../../shared/api/backup';
import { formatDateTimeShort } from './format-time';
import { formatBytes } from '../../../shared/format';

export function formatBackupLine(b: BackupInfo): string {
  if (!b.readable) return `${b.name}  (bukan cadangan yang dapat dibaca)`;
  const c = b.rowCounts;
  const size = b.sizeBytes < 1024 * 1024
    ? `${Math.max(1, Math.round(b.sizeBytes / 1024))} KB`
    : `${(b.sizeBytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
  // The evidence lives in the folder's berkas/, shared by the backups: its size is not the zip's.
  const evidence = b.evidenceFiles ? `, ${b.evidenceFiles} berkas data dukung (${formatBytes(b.evidenceBytes ?? 0)})` : '';
  return `${b.name}  ${formatDateTimeShort(b.createdAt)}  ${c.meeting ?? 0} rapat, ${c.action_item ?? 0} RTL, ${c.agency ?? 0} instansi${evidence}  ${size}  ${b.reason ? BACKUP_REASON_LABEL[b.reason] : ''}`;
}

export const listBackupsCommand: CliCommand = {
  name: 'list-backups',
  summary: 'Daftar cadangan (terbaru di atas) dengan tanggal dan jumlah data.',
  usage: 'list-backups --data-dir FOLDER [--folder FOLDER_CADANGAN] [--json]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, folder: { type: 'string' }, json: { type: 'boolean' } } });
    // Reads only the backup folder (its location from the copy beside the database), so it
    // works while the app is open and when the database is damaged.
    const dataDir = dataDirFromArgs(argv);
    const folder = values.folder ? path.resolve(values.folder) : readBackupSettings(dataDir, null).folder;
    const list = listBackups(folder);
    if (values.json) {
      console.log(JSON.stringify(list, null, 2));
      return 0;
    }
    console.log(`Folder cadangan: ${folder}${list.folderAvailable ? '' : ' (tidak dapat dibuka)'}`);
    if (list.backups.length === 0) console.log('Belum ada cadangan.');
    for (const b of list.backups) console.log(`  ${formatBackupLine(b)}`);
    return list.folderAvailable ? 0 : 1;
  },
};
