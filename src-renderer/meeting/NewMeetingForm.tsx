import { useEffect, useMemo, useState } from 'react';
import { proposeMeetingTitle } from '../../shared/meeting';
import { clusterLabel } from '../../shared/kla';
import { todayIso } from '../../shared/format';
import { ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useReference } from '../reference/useReference';
import { navigate } from '../router';
import { Field } from '../components/Field';

/** The few facts needed to open a rakor; everything else is filled in on the meeting screen. */
export function NewMeetingForm({ onCancel }: { onCancel(): void }) {
  const profile = useApiQuery('regionProfile.get', {});
  const create = useApiMutation('meeting.create');
  const [date, setDate] = useState(() => todayIso());
  const year = Number(date.slice(0, 4)) || new Date().getFullYear();
  const reference = useReference(year >= 2000 && year <= 2100 ? year : new Date().getFullYear());
  const [codes, setCodes] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [startTime, setStartTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const clusters = useMemo(() => reference.data?.clusters ?? [], [reference.data]);

  useEffect(() => {
    if (profile.data) setDate((d) => (d === todayIso() ? todayIso(profile.data!.timeZone) : d));
  }, [profile.data]);

  useEffect(() => {
    if (!titleEdited) setTitle(proposeMeetingTitle(clusters.filter((c) => codes.includes(c.code)), clusters.length));
  }, [codes, clusters, titleEdited]);

  function toggle(code: string) {
    setErrors(({ clusterCodes: _, ...rest }) => rest);
    setCodes((cs) => (cs.includes(code) ? cs.filter((c) => c !== code) : clusters.map((c) => c.code).filter((c) => c === code || cs.includes(c))));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const meeting = await create.call({
        title, clusterCodes: codes, date, startTime, place,
        agenda: ['Tindak lanjut rapat sebelumnya', 'Pembahasan indikator'],
      });
      navigate(`/rapat/${meeting.id}`);
    } catch (err) {
      if (err instanceof ApiCallError) setErrors(Object.fromEntries(err.fields.map((f) => [f.path.split('.')[0], f.message])));
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid two-columns" onSubmit={submit} aria-labelledby="new-meeting-title" noValidate>
      <h2 id="new-meeting-title">Rapat baru</h2>
      <fieldset className="cluster-picker full" aria-describedby={errors.clusterCodes ? 'cluster-error' : undefined}>
        <legend>Klaster yang dibahas</legend>
        <div className="chips">
          {clusters.map((c) => (
            <label key={c.code} className={`chip${codes.includes(c.code) ? ' on' : ''}`}>
              <input type="checkbox" checked={codes.includes(c.code)} onChange={() => toggle(c.code)} />
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
      <div className="full">
        <Field label="Judul rapat" error={errors.title} hint="Diusulkan dari klaster; boleh diubah.">
          {(p) => <input {...p} value={title} onChange={(e) => { setTitle(e.target.value); setTitleEdited(true); }} />}
        </Field>
      </div>
      <Field label="Tanggal" error={errors.date}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label="Jam mulai" error={errors.startTime} hint={profile.data ? `Zona waktu ${profile.data.timeZone} (dari profil daerah)` : undefined}>
        {(p) => <input {...p} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
      </Field>
      <div className="full">
        <Field label="Tempat" error={errors.place}>
          {(p) => <input {...p} value={place} placeholder="mis. Aula Bappeda" onChange={(e) => setPlace(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Batal</button>
        <button type="submit" className="primary" disabled={busy}>Buat rapat</button>
      </div>
    </form>
  );
}
