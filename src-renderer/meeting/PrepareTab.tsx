import { useState } from 'react';
import type { Meeting } from '../../shared/meeting';
import type { MeetingPatch } from '../../shared/api/meeting';
import { TIME_ZONES } from '../../shared/format';
import { clusterLabel } from '../../shared/kla';
import { normalizeNip } from '../../shared/nip';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoDate, AutoSelect, AutoText, AutoTime } from '../components/AutosaveFields';
import { AgendaEditor } from '../agenda-item/AgendaEditor';
import { Invitations } from './Invitations';
import { useReference } from '../reference/useReference';
import type { TabProps } from '../workspace/tab-props';
import { ConfirmDialog } from '../components/ConfirmDialog';

type TextKey = Exclude<keyof MeetingPatch, 'id' | 'baseRevision' | 'endTime' | 'timeZone'>;

const nipProblem = (v: string) => (v.trim() !== '' && !normalizeNip(v) ? t('field.nip') : undefined);

/** Setup of the rakor: title, klaster, time, place, chair and notulis, agenda, invitations. */
export function PrepareTab({ ws, agencies, editable }: TabProps) {
  const m = ws.meeting;
  const update = useApiMutation('meeting.update');
  const start = useApiMutation('meeting.start');
  const patch = (p: Omit<MeetingPatch, 'id' | 'baseRevision'>, keepalive = false) => update.call({ id: m.id, ...p }, keepalive);
  const text = (key: TextKey, label: string, extra: Partial<Parameters<typeof AutoText>[0]> = {}) => (
    <AutoText saveKey={`meeting:${m.id}:${key}`} label={label} initial={String(m[key as keyof Meeting] ?? '')} path={key}
      save={(v, k) => patch({ [key]: v } as Omit<MeetingPatch, 'id' | 'baseRevision'>, k)} {...extra} />
  );

  return (
    <fieldset disabled={!editable} className="plain">
      <div className="card form-grid two-columns">
        <h2>Rapat</h2>
        <div className="full">{text('title', 'Judul rapat', { required: true })}</div>
        <ClusterPicker meeting={m} />
        <AutoDate saveKey={`meeting:${m.id}:date`} label="Tanggal" initial={m.date} path="date" required
          save={(v, k) => patch({ date: v }, k)} />
        <div className="time-row">
          <AutoTime saveKey={`meeting:${m.id}:startTime`} label="Jam mulai" initial={m.startTime} path="startTime" required
            save={(v, k) => patch({ startTime: v }, k)} />
          <AutoTime saveKey={`meeting:${m.id}:endTime`} label="Jam selesai" initial={m.endTime ?? ''} path="endTime"
            save={(v, k) => patch({ endTime: v === '' ? null : v }, k)}
            check={(v) => (v && v < m.startTime ? t('field.endBeforeStart') : undefined)} />
          <AutoSelect saveKey={`meeting:${m.id}:timeZone`} label="Zona waktu" initial={m.timeZone}
            options={TIME_ZONES.map((z) => ({ value: z, label: z }))} save={(v, k) => patch({ timeZone: v }, k)} />
        </div>
        <div className="full">{text('place', 'Tempat')}</div>
      </div>

      <div className="card form-grid two-columns">
        <h2>Pimpinan rapat dan notulis</h2>
        <div className="person">
          <h3>Pimpinan rapat</h3>
          {text('chairName', 'Nama pimpinan')}
          {text('chairPosition', 'Jabatan pimpinan')}
          {text('chairRank', 'Pangkat/golongan pimpinan')}
          {text('chairNip', 'NIP pimpinan', { check: nipProblem, hint: '18 digit, boleh dengan spasi; kosongkan bila bukan ASN.', input: { inputMode: 'numeric' } })}
        </div>
        <div className="person">
          <h3>Notulis</h3>
          {text('notulisName', 'Nama notulis')}
          {text('notulisPosition', 'Jabatan notulis')}
          {text('notulisRank', 'Pangkat/golongan notulis')}
          {text('notulisNip', 'NIP notulis', { check: nipProblem, hint: '18 digit, boleh dengan spasi; kosongkan bila bukan ASN.', input: { inputMode: 'numeric' } })}
        </div>
      </div>

      <AgendaEditor meetingId={m.id} items={ws.agenda} />
      <Invitations ws={ws} agencies={agencies} editable={editable} />
      {m.status === 'draf' && editable && (
        <div className="card start-card">
          <p>Siap dimulai? Status rapat berubah menjadi <strong>Berlangsung</strong>.</p>
          <button type="button" className="primary" onClick={() => void start.call({ id: m.id })}>Mulai rapat</button>
        </div>
      )}
    </fieldset>
  );
}

function ClusterPicker({ meeting }: { meeting: Meeting }) {
  const reference = useReference(meeting.referenceYear);
  const setClusters = useApiMutation('meeting.setClusters');
  const [error, setError] = useState<string>();
  // Unticking a klaster with content: the core names what would be hidden; the user confirms first.
  const [hiding, setHiding] = useState<{ clusterCodes: string[]; message: string } | null>(null);
  const clusters = reference.data?.clusters ?? [];
  async function send(clusterCodes: string[], confirmHidden: boolean) {
    try {
      await setClusters.call({ id: meeting.id, clusterCodes, confirmHidden });
      setError(undefined);
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'CONFLICT' && !confirmHidden) setHiding({ clusterCodes, message: e.message });
      else setError(e instanceof ApiCallError ? (e.fields[0]?.message ?? e.message) : (e as Error).message);
    }
  }
  function toggle(code: string) {
    const next = meeting.clusterCodes.includes(code) ? meeting.clusterCodes.filter((c) => c !== code) : [...meeting.clusterCodes, code];
    void send(next, false);
  }
  return (
    <fieldset className="cluster-picker full">
      <legend>Klaster</legend>
      <div className="chips">
        {clusters.map((c) => (
          <label key={c.code} className={`chip${meeting.clusterCodes.includes(c.code) ? ' on' : ''}`}>
            <input type="checkbox" checked={meeting.clusterCodes.includes(c.code)} onChange={() => void toggle(c.code)} />
            {clusterLabel(c.code)}
          </label>
        ))}
      </div>
      {error && <div className="field-error" role="alert">{error}</div>}
      <ConfirmDialog open={hiding !== null} title="Hapus centang klaster?" message={hiding?.message ?? ''} confirmLabel="Tetap hapus centang" danger
        onConfirm={() => { const h = hiding; setHiding(null); if (h) void send(h.clusterCodes, true); }} onCancel={() => setHiding(null)} />
    </fieldset>
  );
}
