import type { BoardIndicator, HistoryAction, HistoryMeeting } from '../../shared/board';
import { formatDate, formatScore, formatShortDate } from '../../shared/format';
import { ACTION_STATUS_LABEL } from '../../shared/meeting';
import { useApiQuery } from '../api/useApi';
import { EmptyState } from '../components/EmptyState';
import { absorption, clusterTitle, money } from './labels';

// One indicator across the rakor of a year: what each rakor said about it, which RTLs came out
// and how they went on. A closed rakor is shown as it was signed (from its snapshot).

function ActionLine({ a }: { a: HistoryAction }) {
  const ended = a.events.at(-1);
  return (
    <li data-testid="history-action">
      <strong>{a.description}</strong>
      {a.leadAgencyName ? ` — ${a.leadAgencyName}` : ''}
      {a.targetDate ? `, target ${formatShortDate(a.targetDate)}` : ''}
      <div className="history-trail">
        Saat disepakati: {ACTION_STATUS_LABEL[a.statusAtMeeting]}
        {a.events.map((e, k) => (
          <span key={k}> → {ACTION_STATUS_LABEL[e.status]} ({e.meetingTitle ?? 'di luar rakor'}, {formatShortDate(e.date)}{e.notes ? `: ${e.notes}` : ''})</span>
        ))}
        {'. '}
        <span className={a.overdue ? 'late' : undefined}>
          Sekarang: {ACTION_STATUS_LABEL[a.currentStatus]}{a.overdue ? ' (terlambat)' : ''}
          {a.currentStatus === 'selesai' && ended ? `, selesai ${formatDate(ended.date)}` : ''}
        </span>
      </div>
    </li>
  );
}

function MeetingEntry({ m }: { m: HistoryMeeting }) {
  return (
    <li data-testid="history-meeting">
      <h3><a href={`#/rapat/${m.meetingId}`}>{m.title}</a></h3>
      <div className="history-meta">
        {formatDate(m.date)}
        {m.fromSnapshot ? ' · notulen ditandatangani' : m.minutesRevision > 1 ? ' · dibuka kembali, sedang direvisi' : m.status === 'selesai' ? '' : ' · belum ditutup'}
      </div>
      {m.review ? (
        <dl>
          <dt>Capaian</dt><dd>{m.review.achievement || '–'}{m.review.isWeak ? ' (lemah)' : ''}</dd>
          {m.review.score !== null && <><dt>Nilai</dt><dd>{formatScore(m.review.score)}</dd></>}
          {m.review.problem && <><dt>Permasalahan</dt><dd>{m.review.problem}</dd></>}
          {m.review.recommendation && <><dt>Rekomendasi</dt><dd>{m.review.recommendation}</dd></>}
        </dl>
      ) : <p className="muted">Tidak ada pembahasan indikator ini; tindak lanjut saja.</p>}
      {m.actions.length > 0 && (
        <>
          <strong>RTL yang disepakati</strong>
          <ul className="history-actions">{m.actions.map((a) => <ActionLine key={a.id} a={a} />)}</ul>
        </>
      )}
      {m.followUps.length > 0 && (
        <>
          <strong>RTL sebelumnya yang ditinjau</strong>
          <ul className="history-actions">
            {m.followUps.map((f) => <li key={f.actionItemId}>{f.description}: {ACTION_STATUS_LABEL[f.status]}{f.notes ? ` — ${f.notes}` : ''}</li>)}
          </ul>
        </>
      )}
    </li>
  );
}

export function IndicatorHistoryPanel({ year, indicator, onBack }: { year: number; indicator: BoardIndicator; onBack: () => void }) {
  const query = useApiQuery('reference.indicatorHistory', { indicatorId: indicator.indicatorId, year });
  const meetings = query.data?.meetings ?? [];
  return (
    <section className="screen" aria-labelledby="history-title">
      <a href="#" className="back-link" onClick={(e) => { e.preventDefault(); onBack(); }}>← Papan indikator {year}</a>
      <header className="screen-header">
        <div>
          <h1 id="history-title">Indikator {indicator.number}. {indicator.name}</h1>
          <p className="subtitle">{clusterTitle(indicator.clusterCode, indicator.clusterName)} · riwayat tahun {year}</p>
        </div>
      </header>
      <div className="summary-tiles">
        <div className="tile"><strong>{indicator.latest?.achievement || '–'}</strong><span>capaian terakhir{indicator.weak ? ' (lemah)' : ''}</span></div>
        <div className="tile"><strong>{indicator.actions.open}</strong><span>RTL terbuka{indicator.actions.overdue ? `, ${indicator.actions.overdue} terlambat` : ''}; {indicator.actions.done} selesai</span></div>
        <div className="tile"><strong>{absorption(indicator.budget)}</strong><span>serapan dari pagu {money(indicator.budget.allocationSen)}</span></div>
        <div className="tile"><strong>{indicator.agencies.length}</strong><span>{indicator.agencies.map((a) => a.abbreviation || a.name).join(', ') || 'instansi belum ditetapkan'}</span></div>
      </div>
      {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      {query.data && meetings.length === 0 ? (
        <EmptyState title={`Indikator ini belum dibahas di rakor tahun ${year}.`}>Riwayat muncul setelah indikator dibahas atau RTL-nya ditinjau di rakor.</EmptyState>
      ) : (
        <ol className="history-list" aria-label="Rakor yang membahas indikator ini">
          {meetings.map((m) => <MeetingEntry key={m.meetingId} m={m} />)}
        </ol>
      )}
    </section>
  );
}
