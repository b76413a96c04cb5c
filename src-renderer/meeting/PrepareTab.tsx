import { useMemo, useState } from 'react';
import type { Meeting } from '../../shared/meeting';
import type { MeetingPatch } from '../../shared/api/meeting';
import { TIME_ZONES } from '../../shared/format';
import { clusterLabel } from '../../shared/kla';
import { normalizeNip } from '../../shared/nip';
import { t } from '../../shared/messages';
import { api, ApiCallError } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useNotice } from '../components/Notice';
import { AutoSelect, AutoText } from './fields';
import type { TabProps } from './MeetingScreen';

type TextKey = Exclude<keyof MeetingPatch, 'id' | 'endTime' | 'timeZone'>;

const nipProblem = (v: string) => (v.trim() !== '' && !normalizeNip(v) ? t('field.nip') : undefined);

/** Setup of the rakor: title, klaster, time, place, chair and notulis, agenda, invitations. */
export function PrepareTab({ ws, agencies, editable, reload }: TabProps) {
  const m = ws.meeting;
  const notice = useNotice();
  const patch = (p: Omit<MeetingPatch, 'id'>, keepalive = false) => api.call('meeting.update', { id: m.id, ...p }, { keepalive });
  const text = (key: TextKey, label: string, extra: Partial<Parameters<typeof AutoText>[0]> = {}) => (
    <AutoText saveKey={`meeting:${m.id}:${key}`} label={label} initial={String(m[key as keyof Meeting] ?? '')} path={key}
      save={(v, k) => patch({ [key]: v } as Omit<MeetingPatch, 'id'>, k)} {...extra} />
  );

  return (
    <fieldset disabled={!editable} className="plain">
      <div className="card form-grid two-columns">
        <h2>Rapat</h2>
        <div className="full">{text('title', 'Judul rapat', { required: true })}</div>
        <ClusterPicker meeting={m} reload={reload} />
        {text('date', 'Tanggal', { input: { type: 'date' }, required: true })}
        <div className="time-row">
          {text('startTime', 'Jam mulai', { input: { type: 'time' }, required: true })}
          <AutoText saveKey={`meeting:${m.id}:endTime`} label="Jam selesai" initial={m.endTime ?? ''} path="endTime" input={{ type: 'time' }}
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

      <AgendaEditor ws={ws} reload={reload} notice={notice} />
      <Invitations ws={ws} agencies={agencies} reload={reload} />
      {m.status === 'draf' && editable && (
        <div className="card start-card">
          <p>Siap dimulai? Status rapat berubah menjadi <strong>Berlangsung</strong>.</p>
          <button type="button" className="primary" onClick={async () => { await api.call('meeting.start', { id: m.id }); await reload(); }}>Mulai rapat</button>
        </div>
      )}
    </fieldset>
  );
}

function ClusterPicker({ meeting, reload }: { meeting: Meeting; reload(): Promise<void> }) {
  const reference = useQuery('reference.get', { year: meeting.referenceYear });
  const [error, setError] = useState<string>();
  const clusters = reference.data?.clusters ?? [];
  async function toggle(code: string) {
    const next = meeting.clusterCodes.includes(code) ? meeting.clusterCodes.filter((c) => c !== code) : [...meeting.clusterCodes, code];
    try {
      await api.call('meeting.setClusters', { id: meeting.id, clusterCodes: next });
      setError(undefined);
      await reload();
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fields[0]?.message ?? e.message) : (e as Error).message);
    }
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
    </fieldset>
  );
}

function AgendaEditor({ ws, reload, notice }: { ws: TabProps['ws']; reload(): Promise<void>; notice: ReturnType<typeof useNotice> }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  const items = ws.agenda;
  async function add() {
    if (title.trim() === '') {
      setError(t('field.required'));
      return;
    }
    await api.call('agendaItem.create', { meetingId: ws.meeting.id, title: title.trim() });
    setTitle('');
    setError(undefined);
    await reload();
  }
  async function move(index: number, delta: number) {
    const ids = items.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    await api.call('agendaItem.reorder', { meetingId: ws.meeting.id, ids });
    await reload();
  }
  async function remove(id: number) {
    await api.call('agendaItem.delete', { id });
    notice('info', 'Agenda dihapus.');
    await reload();
  }
  return (
    <div className="card">
      <h2>Acara / agenda</h2>
      <ol className="ordered-editor">
        {items.map((a, i) => (
          <li key={a.id} data-testid="agenda-item">
            <span className="ordinal">{i + 1}.</span>
            <AutoText saveKey={`agenda:${a.id}:title`} label={`Agenda ${i + 1}`} hideLabel initial={a.title} required path="title"
              save={(v, k) => api.call('agendaItem.update', { id: a.id, title: v }, { keepalive: k })} className="grow" />
            <div className="row-actions">
              <button type="button" disabled={i === 0} onClick={() => void move(i, -1)} aria-label={`Naikkan agenda ${i + 1}`}>↑</button>
              <button type="button" disabled={i === items.length - 1} onClick={() => void move(i, 1)} aria-label={`Turunkan agenda ${i + 1}`}>↓</button>
              <button type="button" className="danger-text" onClick={() => void remove(a.id)} aria-label={`Hapus agenda ${i + 1}`}>Hapus</button>
            </div>
          </li>
        ))}
      </ol>
      <div className="add-row">
        <div className={`field grow${error ? ' has-error' : ''}`}>
          <label htmlFor="new-agenda" className="visually-hidden">Agenda baru</label>
          <input id="new-agenda" value={title} placeholder="Tambah agenda, lalu Enter" onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } }} />
          {error && <div className="field-error" role="alert">{error}</div>}
        </div>
        <button type="button" onClick={() => void add()}>+ Tambah agenda</button>
      </div>
    </div>
  );
}

function Invitations({ ws, agencies, reload }: { ws: TabProps['ws']; agencies: TabProps['agencies']; reload(): Promise<void> }) {
  const [extra, setExtra] = useState('');
  const invited = new Set(ws.invitedAgencyIds);
  const suggested = useMemo(() => new Set(ws.suggestedAgencyIds), [ws.suggestedAgencyIds]);
  const shown = agencies.filter((a) => suggested.has(a.id) || invited.has(a.id));
  const others = agencies.filter((a) => !suggested.has(a.id) && !invited.has(a.id));
  async function set(agencyId: number, on: boolean) {
    await api.call('meeting.setInvitation', { meetingId: ws.meeting.id, agencyId, invited: on });
    await reload();
  }
  return (
    <div className="card">
      <h2>Instansi yang diundang</h2>
      <p className="muted small">Usulan diambil dari penanggung jawab indikator klaster ini. {invited.size} instansi diundang.</p>
      <div className="chips">
        {shown.map((a) => (
          <label key={a.id} className={`chip${invited.has(a.id) ? ' on' : ''}`}>
            <input type="checkbox" checked={invited.has(a.id)} onChange={(e) => void set(a.id, e.target.checked)} />
            {a.abbreviation || a.name}
          </label>
        ))}
      </div>
      <div className="add-row">
        <label htmlFor="invite-other" className="visually-hidden">Undang instansi lain</label>
        <select id="invite-other" value={extra} onChange={(e) => setExtra(e.target.value)}>
          <option value="">Undang instansi lain…</option>
          {others.map((a) => <option key={a.id} value={a.id}>{a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name}</option>)}
        </select>
        <button type="button" disabled={!extra} onClick={async () => { await set(Number(extra), true); setExtra(''); }}>Undang</button>
      </div>
    </div>
  );
}
