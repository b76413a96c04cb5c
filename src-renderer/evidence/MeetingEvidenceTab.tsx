import { useState } from 'react';
import type { ActionItem } from '../../shared/meeting';
import { formatShortDate, todayIso, type TimeZoneCode } from '../../shared/format';
import { useApiQuery } from '../api/useApi';
import type { TabProps } from '../workspace/tab-props';
import { EvidencePanel } from './EvidencePanel';
import { DocumentationPicker } from './DocumentationPicker';

// The meeting's own data dukung (photo documentation, the scans of the signed daftar hadir and
// notulen) and the proof of each RTL: those agreed here and those of earlier meetings followed up
// here. Open even after the close: signed scans arrive afterwards and are not part of the minutes.
// Below the meeting's files, the choice of photos for the notulen's Lampiran Dokumentasi (which
// is part of the minutes, so frozen at close).

export function MeetingEvidenceTab({ ws, editable }: TabProps) {
  // The same read as the panel's list (one cached query): the photos to choose from.
  const own = useApiQuery('evidence.list', { meetingId: ws.meeting.id });
  const zone = useApiQuery('regionProfile.get', {}).data?.timeZone ?? ws.meeting.timeZone;
  const m = ws.meeting;
  // Earlier rakor of a cluster often share one title: the date tells them apart.
  const rtls: (ActionItem & { from?: string })[] = [...ws.actions, ...ws.previousActions.map((a) => ({ ...a, from: `${a.meetingTitle}, ${formatShortDate(a.meetingDate)}` }))];
  return (
    <div className="meeting-evidence">
      <p className="muted">Foto kegiatan, pindaian daftar hadir dan notulen yang sudah ditandatangani, dan bukti pelaksanaan RTL.</p>
      <EvidencePanel owner={{ meetingId: m.id }} label={m.title} defaultDate={m.date} />
      {own.data && <DocumentationPicker meetingId={m.id} items={own.data} editable={editable} />}
      <h3>Bukti pelaksanaan RTL</h3>
      {rtls.length === 0 ? <p className="muted">Rapat ini belum punya RTL.</p> : rtls.map((a) => <RtlEvidence key={a.id} action={a} zone={zone} />)}
    </div>
  );
}

/**
 * One RTL's proof, its panel (and its evidence.list read) made when first opened: the tab lists
 * every RTL followed up here (hundreds in a busy cluster), and reading each one's files up front
 * took seconds and thousands of DOM nodes. Kept once opened, so files waiting to be attached stay.
 */
function RtlEvidence({ action: a, zone }: { action: ActionItem & { from?: string }; zone: TimeZoneCode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="rtl-evidence" data-testid="rtl-evidence" onToggle={(e) => { if (e.currentTarget.open) setOpened(true); }}>
      <summary>{a.description || a.problem || `RTL ${a.id}`}{a.from ? <span className="muted small"> · dari {a.from}</span> : null}</summary>
      {opened && <EvidencePanel compact owner={{ actionItemId: a.id }} label={`RTL “${a.description || a.problem || a.id}”`} defaultDate={todayIso(zone)} />}
    </details>
  );
}
