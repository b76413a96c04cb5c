import { formatDate } from '../../../shared/format';
import { clusterLabel } from '../../../shared/kla';
import type { ActionStatus } from '../../../shared/types';

export const STATUS_LABEL: Record<ActionStatus, string> = { belum: 'Belum', proses: 'Proses', selesai: 'Selesai' };

export { LAMPIRAN_CODES as ROMAN, type LampiranCode } from '../../../shared/api/export';

/** "Klaster III\n12. Status gizi balita" for an RTL row; "-" for an RTL tied to no indicator. */
export function indicatorCell(clusterCode: string | null, number: number | null, name: string | null): string {
  if (number === null || name === null) return '';
  return `${clusterCode ? clusterLabel(clusterCode) : ''}\n${number}. ${name}`;
}

export function targetDateText(iso: string | null): string {
  return iso ? formatDate(iso) : '';
}

export function joinAgencies(names: readonly string[]): string {
  return names.join(', ');
}
