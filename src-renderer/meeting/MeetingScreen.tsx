import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { formatLongDate, formatTimeRange } from '../../shared/format';
import { clusterLabel } from '../../shared/kla';
import { useApiQuery } from '../api/useApi';
import { navigate } from '../router';
import { flushAll } from '../hooks/useAutosave';
import { SaveIndicator } from '../components/AutosaveFields';
import type { FocusRequest, TabProps } from '../workspace/tab-props';
import { meetingAgencies } from '../workspace/meeting-agencies';
import { StatusBadge } from './StatusBadge';
import { PrepareTab } from './PrepareTab';
import { AttendanceTab } from '../attendance/AttendanceTab';
import { IndicatorReviewTab } from '../indicator-review/IndicatorReviewTab';
import { FollowUpTab } from '../follow-up/FollowUpTab';
import { DecisionTab } from '../decision/DecisionTab';
import { CloseTab } from './CloseTab';
import { MeetingEvidenceTab } from '../evidence/MeetingEvidenceTab';
import { ShortcutOverlay } from './ShortcutOverlay';
import { takeArrivalFocus } from '../components/focus';
import './meeting.css';

// The Word export (docx) is the heaviest code of the app: loaded when its tab is first opened.
const ExportPanel = lazy(async () => ({ default: (await import('../export/ExportPanel')).ExportPanel }));

export const TABS = [
  { id: 'persiapan', label: 'Persiapan' },
  { id: 'hadir', label: 'Daftar hadir' },
  { id: 'pembahasan', label: 'Pembahasan' },
  { id: 'tindak-lanjut', label: 'Tindak lanjut' },
  { id: 'kesimpulan', label: 'Kesimpulan' },
  { id: 'penutup', label: 'Penutup' },
  { id: 'ekspor', label: 'Ekspor' },
  { id: 'data-dukung', label: 'Data dukung' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

/** The tab named in the URL ("#/rapat/12/pembahasan"); the first tab when none or unknown. */
function tabOf(segment: string | undefined): TabId {
  return TABS.find((x) => x.id === segment)?.id ?? 'persiapan';
}

/**
 * One rakor. The URL is the only record of the open tab: a tab click changes the hash (so Back
 * and Forward move between tabs) and a hash typed by hand switches the tab.
 */
export function MeetingScreen({ id, tab: tabInPath }: { id: number; tab?: string }) {
  const tab = tabOf(tabInPath);
  const workspace = useApiQuery('meeting.get', { id });
  const agencies = useApiQuery('agency.list', { includeInactive: false });
  const [help, setHelp] = useState(false);
  const [focus, setFocus] = useState<FocusRequest>(null);

  const go = useCallback(async (next: TabId) => {
    await flushAll();
    navigate(`/rapat/${id}/${next}`);
  }, [id]);

  // Leaving a tab any other way (Back, a hash typed by hand) also sends what is still waiting.
  useEffect(() => () => void flushAll(), [tab]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // "?" is a character inside a text field; F1 and Ctrl+/ open the overlay from anywhere.
      const typing = e.target instanceof HTMLElement && e.target.matches('input, textarea, select, [contenteditable]');
      if (e.altKey && !e.ctrlKey && /^[1-9]$/.test(e.key)) {
        const target = TABS[Number(e.key) - 1];
        if (target) {
          e.preventDefault();
          void go(target.id);
        }
      } else if (e.altKey && (e.key === 'h' || e.key === 'H')) {
        e.preventDefault();
        void (tab === 'hadir' ? Promise.resolve() : go('hadir')).then(() => setFocus({ what: 'attendee', seq: Date.now() }));
      } else if (e.altKey && (e.key === 'r' || e.key === 'R')) {
        e.preventDefault();
        void (tab === 'pembahasan' ? Promise.resolve() : go('pembahasan')).then(() => setFocus({ what: 'rtl', seq: Date.now() }));
      } else if (e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        void (tab === 'kesimpulan' ? Promise.resolve() : go('kesimpulan')).then(() => setFocus({ what: 'decision', seq: Date.now() }));
      } else if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        void flushAll();
      } else if (e.key === 'F1' || ((e.ctrlKey || e.metaKey) && e.key === '/') || (!typing && e.key === '?')) {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (e.key === 'Escape' && help) {
        setHelp(false);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, tab, help]);

  const ws = workspace.data;
  // After "Buat rapat" or "Duplikat" the new meeting's title takes focus (not the page body).
  const title = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(ws);
  useEffect(() => {
    if (loaded && takeArrivalFocus()) title.current?.focus();
  }, [loaded]);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  /** ARIA tab pattern: ←/→ move between tabs (wrapping), Home/End to the first/last. */
  function onTabKey(e: ReactKeyboardEvent, index: number) {
    const last = TABS.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    void go(TABS[next].id).then(() => tabRefs.current[next]?.focus());
  }
  const error = workspace.error ?? agencies.error;
  if (error && !ws) return <section className="screen"><h1>Rapat</h1><p className="form-error" role="alert">{error.message}</p><a href="#/rapat">Kembali ke daftar rapat</a></section>;
  if (!ws) return <section className="screen"><p className="muted">Memuat rapat…</p></section>;

  const m = ws.meeting;
  const editable = m.status !== 'selesai';
  const props: TabProps = { ws, agencies: meetingAgencies(agencies.data ?? [], ws.agencies), editable };
  const present = ws.attendance.filter((a) => a.present).length;
  return (
    <section className="screen meeting-screen" aria-labelledby="meeting-title">
      <header className="meeting-header">
        <div className="meeting-heading">
          <a href="#/rapat" className="back-link">← Daftar rapat</a>
          <h1 id="meeting-title" ref={title} tabIndex={-1}>{m.title}</h1>
          <p className="subtitle">
            {formatLongDate(m.date)} · {formatTimeRange(m.startTime, m.endTime, m.timeZone)}{m.place ? ` · ${m.place}` : ''} · {m.clusterCodes.map(clusterLabel).join(', ')}
          </p>
        </div>
        <div className="meeting-header-side">
          <StatusBadge status={m.status} />
          <span className="muted small">{present} hadir</span>
          <SaveIndicator />
          <button type="button" className="help-button" onClick={() => setHelp(true)} aria-label="Pintasan keyboard (?)" title="Pintasan keyboard: F1, Ctrl+/ atau ?">?</button>
        </div>
      </header>
      {!editable && <div className="closed-banner" role="note">Rapat sudah ditutup; isian hanya dapat dibaca. Buka kembali di tab Penutup untuk mengubah.</div>}
      <nav className="tabs" role="tablist" aria-label="Bagian rapat">
        {TABS.map((x, i) => (
          <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'tab active' : 'tab'}
            id={`tab-${x.id}`} aria-controls={tab === x.id ? 'meeting-tabpanel' : undefined} tabIndex={tab === x.id ? 0 : -1}
            ref={(el) => { tabRefs.current[i] = el; }} onKeyDown={(e) => onTabKey(e, i)}
            onClick={() => void go(x.id)} title={`${x.id === 'tindak-lanjut' ? 'Tindak lanjut rapat sebelumnya — ' : ''}Alt+${i + 1}`}>
            {x.label}
            {x.id === 'tindak-lanjut' && ws.previousActions.length > 0 && <span className="tab-count">{ws.previousActions.length}</span>}
          </button>
        ))}
      </nav>
      <div className="tab-panel" role="tabpanel" key={tab} id="meeting-tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'persiapan' && <PrepareTab {...props} />}
        {tab === 'hadir' && <AttendanceTab {...props} focus={focus} />}
        {tab === 'pembahasan' && <IndicatorReviewTab {...props} focus={focus} />}
        {tab === 'tindak-lanjut' && <FollowUpTab {...props} />}
        {tab === 'kesimpulan' && <DecisionTab {...props} focus={focus} />}
        {tab === 'penutup' && <CloseTab {...props} />}
        {tab === 'ekspor' && (
          <Suspense fallback={<p className="muted">Memuat…</p>}><ExportPanel meetingId={m.id} /></Suspense>
        )}
        {tab === 'data-dukung' && <MeetingEvidenceTab {...props} />}
      </div>
      <ShortcutOverlay open={help} onClose={() => setHelp(false)} />
    </section>
  );
}
