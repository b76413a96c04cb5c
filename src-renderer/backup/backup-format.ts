import type { BackupInfo } from '../../shared/api/backup';
import { formatLongTimestamp, type TimeZoneCode } from '../../shared/format';

// How a backup is described to the user: when (in the region's zone, as every time the app
// shows, whatever the laptop's clock says), what it holds.

export function formatBackupTime(iso: string | null, zone: TimeZoneCode = 'WIB'): string {
  if (!iso) return 'Tanggal tidak diketahui';
  return formatLongTimestamp(iso, zone);
}

export function describeContents(b: BackupInfo): string {
  const c = b.rowCounts;
  return `${(c.meeting ?? 0).toLocaleString('id-ID')} rapat · ${(c.action_item ?? 0).toLocaleString('id-ID')} RTL · ${(c.attendance ?? 0).toLocaleString('id-ID')} peserta · ${(c.agency ?? 0).toLocaleString('id-ID')} instansi`;
}
