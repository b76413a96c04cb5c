import type { PreviousAction } from '../../shared/meeting';
import { ACTION_STATUS_LABEL } from '../../shared/meeting';
import type { ActionStatus } from '../../shared/types';
import { formatLongDate, formatShortDate } from '../../shared/format';
import { useApiMutation } from '../api/useApi';
import { EmptyState } from '../components/EmptyState';
import { AutoSelect, AutoText } from '../components/AutosaveFields';
import { agencyShort } from '../agency/agencyInput';
import type { TabProps } from '../workspace/tab-props';
import { trackerLink, type TrackerFilters } from '../tracker/tracker-filters';
import { clusterLabel } from '../../shared/kla';

const STATUS_OPTIONS = (Object.keys(ACTION_STATUS_LABEL) as ActionStatus[]).map((s) => ({ value: s, label: ACTION_STATUS_LABEL[s] }));

/** Open RTLs of earlier meetings of the same cluster(s): a status and keterangan recorded here. */
export function FollowUpTab({ ws, agencies, editable }: TabProps) {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const indicatorName = new Map(ws.clusters.flatMap((c) => c.indicators.map((i) => [i.id, `${i.number}. ${i.name}`] as const)));
  // Older open RTLs (and those of other clusters) stay out of the tab: the tracker lists them.
  const older = (
    <p className="muted small" data-testid="older-actions-link">
      RTL terbuka yang lebih lama dari 12 bulan ada di Tindak lanjut:{' '}
      {ws.meeting.clusterCodes.map((code, i) => (
        <span key={code}>{i > 0 && ', '}<a href={trackerLink({ clusterCode: code as TrackerFilters['clusterCode'], status: 'belum' })}>{clusterLabel(code)}</a></span>
      ))}
    </p>
  );
  if (ws.previousActions.length === 0) {
    return (
      <>
        <EmptyState title="Tidak ada RTL terbuka dari rapat sebelumnya.">RTL yang belum selesai dari rakor klaster yang sama dalam 12 bulan terakhir akan muncul di sini untuk ditinjau.</EmptyState>
        {older}
      </>
    );
  }
  return (
    <fieldset disabled={!editable} className="plain">
      <h2>Tindak lanjut rapat sebelumnya</h2>
      <p className="muted">{ws.previousActions.length} RTL dari rapat klaster yang sama dalam 12 bulan terakhir. Status dan keterangan yang diisi di sini dicatat sebagai hasil rapat ini.</p>
      {older}
      {ws.previousActions.map((a, i) => (
        <PreviousActionCard key={a.id} action={a} index={i} meetingId={ws.meeting.id}
          lead={agencyShort(a.leadAgencyId ? byId.get(a.leadAgencyId) : undefined)}
          related={a.relatedAgencyIds.map((x) => agencyShort(byId.get(x))).join(', ')}
          indicator={a.indicatorId ? indicatorName.get(a.indicatorId) : undefined} />
      ))}
    </fieldset>
  );
}

function PreviousActionCard({ action: a, index, meetingId, lead, related, indicator }: {
  action: PreviousAction; index: number; meetingId: number; lead: string; related: string; indicator?: string;
}) {
  const earlier = a.updates.filter((u) => u.meetingId !== meetingId);
  const record = useApiMutation('followUp.record');
  const review = (patch: { status?: ActionStatus; notes?: string }, keepalive: boolean) => record.call({ actionItemId: a.id, meetingId, ...patch }, keepalive);
  return (
    <article className="card followup-card" data-testid="previous-action" aria-labelledby={`prev-${a.id}`}>
      <header>
        <h3 id={`prev-${a.id}`}>{index + 1}. {a.description}</h3>
        <p className="muted small">
          Dari “{a.meetingTitle}”, {formatLongDate(a.meetingDate)}{indicator ? ` · Indikator ${indicator}` : ''}
        </p>
      </header>
      <dl className="facts">
        {a.problem && <><dt>Permasalahan</dt><dd>{a.problem}</dd></>}
        <dt>Penanggung jawab</dt><dd>{lead || '—'}</dd>
        {related && <><dt>Pihak terkait</dt><dd>{related}</dd></>}
        <dt>Target waktu</dt><dd>{a.targetDate ? formatLongDate(a.targetDate) : '—'}{a.overdue && <strong className="late-badge"> · Terlambat</strong>}</dd>
      </dl>
      {earlier.length > 0 && (
        <div className="history">
          <h4>Riwayat</h4>
          <ol>
            {earlier.map((u) => (
              <li key={u.id}>{formatShortDate(u.meetingDate)} — {u.meetingTitle}: <strong>{ACTION_STATUS_LABEL[u.status]}</strong>{u.notes ? ` — ${u.notes}` : ''}</li>
            ))}
          </ol>
        </div>
      )}
      <div className="form-grid followup-grid">
        <AutoSelect saveKey={`review-action:${meetingId}:${a.id}:status`} label="Status di rapat ini" initial={a.reviewHere?.status ?? a.status}
          options={STATUS_OPTIONS} save={(v, k) => review({ status: v }, k)} />
        <AutoText saveKey={`review-action:${meetingId}:${a.id}:notes`} label="Keterangan" multiline rows={2} initial={a.reviewHere?.notes ?? ''}
          save={(v, k) => review({ notes: v }, k)} />
      </div>
    </article>
  );
}
