import { useEffect, useMemo, useRef, useState } from 'react';
import { proposeMeetingTitle, type MeetingDraft } from '../../shared/meeting';
import { clusterLabel } from '../../shared/kla';
import { todayIso } from '../../shared/format';
import { ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useReference } from '../reference/useReference';
import { navigate } from '../router';
import { Field } from '../components/Field';
import { DateInput, TimeInput } from '../components/DateTimeInput';
import { requestArrivalFocus } from '../components/focus';

const PEOPLE_KEYS = ['chairName', 'chairPosition', 'chairRank', 'chairNip', 'notulisName', 'notulisPosition', 'notulisRank', 'notulisNip'] as const;
type People = Pick<MeetingDraft, (typeof PEOPLE_KEYS)[number]>;
const NO_PEOPLE = Object.fromEntries(PEOPLE_KEYS.map((k) => [k, ''])) as People;
const DEFAULT_AGENDA = 'Tindak lanjut rapat sebelumnya\nPembahasan indikator';
/** Every field of the form that a proposal can fill. */
type Fields = People & { title: string; startTime: string; place: string; agenda: string; invited: number[] };

/**
 * The facts needed to open a rakor, proposed as soon as the klaster is chosen (meeting.draftFor):
 * chair and notulis from Profil daerah, place, time, invitations and agenda from the last rakor
 * of the same klaster. Everything stays editable here; a field the user typed in is not
 * overwritten by a later proposal.
 */
export function NewMeetingForm({ onCancel }: { onCancel(): void }) {
  const profile = useApiQuery('regionProfile.get', {});
  const agencies = useApiQuery('agency.list', { includeInactive: false });
  const create = useApiMutation('meeting.create');
  // What the user typed; a field not typed in shows the current proposal, so a later proposal
  // (another klaster, the profile arriving) never overwrites what the user wrote.
  const [typed, setTyped] = useState<Partial<Fields>>({});
  const type = <K extends keyof Fields>(key: K, value: Fields[K]) => setTyped((t) => ({ ...t, [key]: value }));
  const [typedDate, setDate] = useState<string | null>(null);
  const date = typedDate ?? todayIso(profile.data?.timeZone);
  const year = Number(date.slice(0, 4)) || new Date().getFullYear();
  const reference = useReference(year >= 2000 && year <= 2100 ? year : new Date().getFullYear());
  const [codes, setCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const clusters = useMemo(() => reference.data?.clusters ?? [], [reference.data]);
  const draft = useApiQuery('meeting.draftFor', { clusterCodes: codes, ...(date ? { date } : {}) }, { enabled: codes.length > 0 });
  const firstChip = useRef<HTMLInputElement>(null);

  const d = codes.length > 0 ? draft.data : undefined;
  const proposal: Fields = {
    title: proposeMeetingTitle(clusters.filter((c) => codes.includes(c.code)), clusters.length),
    startTime: d?.startTime ?? '09:00',
    place: d?.place ?? '',
    agenda: d ? d.agenda.join('\n') : DEFAULT_AGENDA,
    invited: d?.invitedAgencyIds ?? [],
    ...(d ? (Object.fromEntries(PEOPLE_KEYS.map((k) => [k, d[k]])) as People) : NO_PEOPLE),
  };
  const value = <K extends keyof Fields>(key: K): Fields[K] => (typed[key] ?? proposal[key]) as Fields[K];
  const { title, startTime, place, agenda, invited } = { ...proposal, ...typed };
  const people = Object.fromEntries(PEOPLE_KEYS.map((k) => [k, value(k)])) as People;

  // "+ Rapat baru" lands on the first choice to make: the klaster (once the list has arrived).
  const hasClusters = clusters.length > 0;
  useEffect(() => {
    if (hasClusters) firstChip.current?.focus();
  }, [hasClusters]);

  function toggle(code: string) {
    setErrors(({ clusterCodes: _, ...rest }) => rest);
    setCodes((cs) => (cs.includes(code) ? cs.filter((c) => c !== code) : clusters.map((c) => c.code).filter((c) => c === code || cs.includes(c))));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const meeting = await create.call({
        title, clusterCodes: codes, date, startTime, place, ...people,
        agenda: agenda.split('\n').map((s) => s.trim()).filter(Boolean),
        invitedAgencyIds: invited,
      });
      requestArrivalFocus();
      navigate(`/rapat/${meeting.id}`);
    } catch (err) {
      if (err instanceof ApiCallError) setErrors(Object.fromEntries(err.fields.map((f) => [f.path.split('.')[0], f.message])));
      setBusy(false);
    }
  }

  const person = (key: keyof People, label: string) => (
    <Field label={label} error={errors[key]}>
      {(p) => <input {...p} value={people[key]} onChange={(e) => type(key, e.target.value)} />}
    </Field>
  );
  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, a.abbreviation || a.name]));

  return (
    <form className="card form-grid two-columns new-meeting" onSubmit={submit} aria-labelledby="new-meeting-title" noValidate>
      <h2 id="new-meeting-title">Rapat baru</h2>
      <fieldset className="cluster-picker full" aria-describedby={errors.clusterCodes ? 'cluster-error' : undefined}>
        <legend>Klaster yang dibahas</legend>
        <div className="chips">
          {clusters.map((c, i) => (
            <label key={c.code} className={`chip${codes.includes(c.code) ? ' on' : ''}`}>
              <input ref={i === 0 ? firstChip : undefined} type="checkbox" checked={codes.includes(c.code)} onChange={() => toggle(c.code)} />
              {clusterLabel(c.code)}{c.code !== 'KL' ? ` ${c.name}` : ''}
            </label>
          ))}
          <button type="button" className="link" onClick={() => {
            setErrors(({ clusterCodes: _, ...rest }) => rest);
            setCodes(codes.length === clusters.length ? [] : clusters.map((c) => c.code));
          }}>
            {codes.length === clusters.length ? 'Kosongkan' : 'Semua klaster (pleno)'}
          </button>
        </div>
        {errors.clusterCodes && <div className="field-error" id="cluster-error" role="alert">{errors.clusterCodes}</div>}
      </fieldset>
      {codes.length > 0 && d && (
        <p className="full muted small" role="status" data-testid="draft-source">
          {d.sourceTitle ? `Diisi dari rapat terakhir klaster ini: “${d.sourceTitle}” dan Profil daerah; semua boleh diubah.` : 'Belum ada rapat klaster ini: pimpinan dan notulis dari Profil daerah, undangan dari penanggung jawab indikator.'}
        </p>
      )}
      <div className="full">
        <Field label="Judul rapat" error={errors.title} hint="Diusulkan dari klaster; boleh diubah.">
          {(p) => <input {...p} value={title} onChange={(e) => type('title', e.target.value)} />}
        </Field>
      </div>
      <Field label="Tanggal" error={errors.date} hint="hh/bb/tttt, mis. 26/11/2024">
        {(p) => <DateInput {...p} value={date} onChange={setDate} onProblem={(m) => setErrors(({ date: _, ...rest }) => (m ? { ...rest, date: m } : rest))} />}
      </Field>
      <Field label="Jam mulai" error={errors.startTime} hint={profile.data ? `Jam 24, mis. 09.00; zona ${profile.data.timeZone} (dari profil daerah)` : undefined}>
        {(p) => <TimeInput {...p} value={startTime} onChange={(v) => type('startTime', v)}
          onProblem={(m) => setErrors(({ startTime: _, ...rest }) => (m ? { ...rest, startTime: m } : rest))} />}
      </Field>
      <div className="full">
        <Field label="Tempat" error={errors.place}>
          {(p) => <input {...p} value={place} placeholder="mis. Aula Bappeda" onChange={(e) => type('place', e.target.value)} />}
        </Field>
      </div>
      <div className="person">
        <h3>Pimpinan rapat</h3>
        {person('chairName', 'Nama pimpinan')}
        {person('chairPosition', 'Jabatan pimpinan')}
        {person('chairRank', 'Pangkat/golongan pimpinan')}
        {person('chairNip', 'NIP pimpinan')}
      </div>
      <div className="person">
        <h3>Notulis</h3>
        {person('notulisName', 'Nama notulis')}
        {person('notulisPosition', 'Jabatan notulis')}
        {person('notulisRank', 'Pangkat/golongan notulis')}
        {person('notulisNip', 'NIP notulis')}
      </div>
      <div className="full">
        <Field label="Acara (satu per baris)" error={errors.agenda}>
          {(p) => <textarea {...p} rows={3} value={agenda} onChange={(e) => type('agenda', e.target.value)} />}
        </Field>
      </div>
      {codes.length > 0 && (
        <fieldset className="full invite-proposal">
          <legend>Instansi yang diundang ({invited.length})</legend>
          <div className="chips">
            {invited.map((id) => (
              <label key={id} className="chip on">
                <input type="checkbox" checked onChange={() => type('invited', invited.filter((x) => x !== id))} />
                {agencyName.get(id) ?? `#${id}`}
              </label>
            ))}
          </div>
          <p className="muted small">Instansi lain dapat diundang per kelompok setelah rapat dibuat (tab Persiapan).</p>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Batal</button>
        <button type="submit" className="primary" disabled={busy}>Buat rapat</button>
      </div>
    </form>
  );
}
