import type { MeetingDeletePreview } from '../../shared/meeting';
import { formatShortDate } from '../../shared/format';
import type { DeletePreview } from '../components/useConfirmedDelete';

// The confirmation of a meeting delete says exactly what goes (from meeting.deletePreview), and a
// refusal names the later meetings that depend on it, with "Hapus" off.

const PARTS: [keyof MeetingDeletePreview['counts'], string][] = [
  ['attendance', 'peserta daftar hadir'], ['agenda', 'agenda'], ['reviews', 'pembahasan indikator'], ['actions', 'RTL'],
  ['budgetLines', 'baris anggaran'], ['decisions', 'kesimpulan'], ['followUps', 'catatan tindak lanjut'],
];

export function deletePreviewOf(p: MeetingDeletePreview): DeletePreview {
  const parts = PARTS.filter(([k]) => p.counts[k] > 0).map(([k, label]) => `${p.counts[k]} ${label}`);
  const message = `“${p.title}” (${formatShortDate(p.date)}) akan dipindahkan ke Terhapus${parts.length > 0 ? ` beserta ${parts.join(', ')}` : ''}. Rapat dapat dipulihkan dari menu Terhapus.`;
  if (!p.refusal) return { message };
  return {
    message,
    refusal: p.refusal,
    details: p.blockedBy.length > 0 ? (
      <ul className="blocked-by" data-testid="delete-blocked-by">
        {p.blockedBy.map((m) => <li key={m.id}>{m.title} ({formatShortDate(m.date)})</li>)}
      </ul>
    ) : undefined,
  };
}
