import type { BackupInfo } from '../../shared/api/backup';

// How a backup is described to the user: when (local time, Indonesian), what it holds, how big.

const dateTime = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatBackupTime(iso: string | null): string {
  if (!iso) return 'Tanggal tidak diketahui';
  return dateTime.format(new Date(iso)).replace(' pukul ', ', pukul ');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('id-ID')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

export function describeContents(b: BackupInfo): string {
  const c = b.rowCounts;
  return `${(c.meeting ?? 0).toLocaleString('id-ID')} rapat · ${(c.action_item ?? 0).toLocaleString('id-ID')} RTL · ${(c.attendance ?? 0).toLocaleString('id-ID')} peserta · ${(c.agency ?? 0).toLocaleString('id-ID')} instansi`;
}
