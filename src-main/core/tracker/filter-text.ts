import type { Db } from '../db/database';
import { ACTION_STATUS_LABEL } from '../../../shared/meeting';
import { clusterLabel } from '../../../shared/kla';
import { formatDate } from '../../../shared/format';
import type { TrackerFilter } from './tracker';

// The tracker's filters in words, printed under the exports' title so a reader of the file knows
// which RTLs it holds ("Tahun 2025 · Klaster III · Status: Belum · Terlambat").

export function trackerFilterText(db: Db, filter: TrackerFilter): string {
  const parts: string[] = [];
  if (filter.year !== undefined) parts.push(`Tahun rapat ${filter.year}`);
  if (filter.clusterCode) parts.push(clusterLabel(filter.clusterCode));
  if (filter.indicatorId !== undefined) {
    const i = db.prepare(`SELECT number, name FROM indicator WHERE id = ?`).get(filter.indicatorId) as { number: number; name: string } | undefined;
    parts.push(i ? `Indikator ${i.number}. ${i.name}` : 'Indikator tidak ditemukan');
  }
  if (filter.indicatorNumber !== undefined) parts.push(`Indikator nomor ${filter.indicatorNumber}`);
  if (filter.agencyId !== undefined) {
    const a = db.prepare(`SELECT name FROM agency WHERE id = ?`).get(filter.agencyId) as { name: string } | undefined;
    parts.push(`Instansi: ${a?.name ?? 'tidak ditemukan'}`);
  }
  if (filter.meetingId !== undefined) {
    const m = db.prepare(`SELECT title, date FROM meeting WHERE id = ?`).get(filter.meetingId) as { title: string; date: string } | undefined;
    parts.push(m ? `Rapat asal: ${m.title} (${formatDate(m.date)})` : 'Rapat asal tidak ditemukan');
  }
  if (filter.status) parts.push(`Status: ${ACTION_STATUS_LABEL[filter.status]}`);
  if (filter.overdue) parts.push('Terlambat');
  if (filter.search?.trim()) parts.push(`Kata kunci “${filter.search.trim()}”`);
  return parts.length ? parts.join(' · ') : 'Semua RTL';
}
