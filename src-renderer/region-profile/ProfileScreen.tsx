import type { ReactNode } from 'react';
import type { RegionProfile } from '../../shared/types';
import { TIME_ZONES } from '../../shared/format';
import { PREDIKAT_ORDER } from '../../shared/kla';
import { REGION_TYPES, REGION_TYPE_LABEL, SIGNING_MODE_LABEL } from '../../shared/api/region-profile';
import { SIGNING_MODES } from '../../shared/types';
import { useApiMutation, useApiQuery, type CallInput } from '../api/useApi';
import { Field } from '../components/Field';
import { useAutosaveField, useSaveState } from '../hooks/useAutosave';
import { LogoPicker } from './LogoPicker';

type Patch = CallInput<'regionProfile.update'>;

/** One profile setting that saves itself (after a pause in typing, on blur, and on unload). */
function ProfileField<K extends keyof Patch & keyof RegionProfile>(props: {
  name: K;
  label: string;
  profile: RegionProfile;
  render(field: { value: RegionProfile[K]; change(v: RegionProfile[K]): void; flush(): void }, control: { id: string; 'aria-invalid': boolean }): ReactNode;
}) {
  const update = useApiMutation('regionProfile.update');
  const field = useAutosaveField<RegionProfile[K]>({
    key: `profile.${props.name}`,
    initial: props.profile[props.name],
    path: props.name,
    save: (value, keepalive) => update.call({ [props.name]: value } as Patch, keepalive),
  });
  return (
    <Field label={props.label} error={field.error}>
      {(control) => props.render({ value: field.value, change: field.change, flush: () => void field.flush() }, control)}
    </Field>
  );
}

function SaveStatus() {
  const { state, error } = useSaveState();
  const text = state === 'saving' ? 'Menyimpan…' : state === 'saved' ? 'Tersimpan' : state === 'error' ? error : '';
  return <span className={`save-status save-${state}`} aria-live="polite">{text}</span>;
}

/**
 * The region profile: what the kop surat, the time zone of every meeting and the default paper
 * come from. Every field saves itself, so there is no "Simpan" to forget.
 */
export function ProfileScreen() {
  const query = useApiQuery('regionProfile.get', {});
  const update = useApiMutation('regionProfile.update');
  const p = query.data;
  if (!p) {
    return (
      <section className="screen">
        <h1>Profil daerah</h1>
        {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      </section>
    );
  }
  type TextName = { [K in keyof RegionProfile]: RegionProfile[K] extends string ? K : never }[keyof RegionProfile] & keyof Patch;
  const text = (name: TextName, label: string, placeholder = '') => (
    <ProfileField name={name} label={label} profile={p}
      render={(f, c) => <input {...c} value={f.value} placeholder={placeholder} onChange={(e) => f.change(e.target.value)} onBlur={f.flush} />} />
  );
  /** What the daftar hadir (Lampiran I and the blank sheet) prints: the NIP under the name, the No. HP column; printed by default. */
  const printColumn = (name: 'attendancePrintNip' | 'attendancePrintPhone', label: string) => (
    <ProfileField name={name} label={label} profile={p}
      render={(f, c) => (
        <select {...c} value={f.value ? 'ya' : 'tidak'} onChange={(e) => { f.change(e.target.value === 'ya'); f.flush(); }}>
          <option value="ya">Dicetak</option>
          <option value="tidak">Tidak dicetak</option>
        </select>
      )} />
  );
  /** Nama, jabatan, pangkat/golongan, NIP of one person; the core refuses a mistyped NIP with its message. */
  const person = (who: 'head' | 'chair' | 'notulis', title: string, note: string) => (
    <div className="person">
      <h3>{title}</h3>
      <p className="muted small">{note}</p>
      {text(`${who}Name`, `Nama ${title.toLowerCase()}`)}
      {text(`${who}Position`, `Jabatan ${title.toLowerCase()}`)}
      {text(`${who}Rank`, `Pangkat/golongan ${title.toLowerCase()}`, 'mis. Pembina (IV/a)')}
      <ProfileField name={`${who}Nip`} label={`NIP ${title.toLowerCase()}`} profile={p}
        render={(f, c) => (
          <input {...c} inputMode="numeric" value={f.value} placeholder="18 digit"
            onChange={(e) => f.change(e.target.value)}
            onBlur={f.flush} />
        )} />
    </div>
  );

  return (
    <section className="screen" aria-labelledby="profile-title">
      <header className="screen-header">
        <div>
          <h1 id="profile-title">Profil daerah</h1>
          <p className="subtitle">Dipakai untuk kop surat notulen, zona waktu rapat, dan ukuran kertas.</p>
        </div>
        <SaveStatus />
      </header>

      <div className="card form-grid two-columns">
        <ProfileField name="regionType" label="Jenis daerah" profile={p}
          render={(f, c) => (
            <select {...c} value={f.value} onChange={(e) => { f.change(e.target.value as RegionProfile['regionType']); f.flush(); }}>
              {REGION_TYPES.map((type) => <option key={type} value={type}>{REGION_TYPE_LABEL[type]}</option>)}
            </select>
          )} />
        {text('regionName', p.regionType === 'provinsi' ? 'Nama provinsi' : 'Nama kabupaten/kota', p.regionType === 'provinsi' ? 'mis. Kalimantan Timur' : 'mis. Banua Harapan')}
        {p.regionType !== 'provinsi' && text('province', 'Provinsi', 'mis. Kalimantan Selatan')}
        <p className="full muted small">
          Nama instansi bawaan mengikuti jenis daerah (mis. BNN Kabupaten / Kota / Provinsi) selama belum Anda ubah.
          {p.regionType === 'provinsi' && ' Pemerintah kabupaten/kota dapat ditambahkan sebagai peserta di menu Instansi (jenis “Pemerintah kabupaten/kota”).'}
        </p>
        <ProfileField name="timeZone" label="Zona waktu" profile={p}
          render={(f, c) => (
            <select {...c} value={f.value} onChange={(e) => { f.change(e.target.value as RegionProfile['timeZone']); f.flush(); }}>
              {TIME_ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          )} />
        {text('signingPlace', 'Tempat penandatanganan', 'mis. Kota Harapan')}
        <ProfileField name="targetPredikat" label="Target predikat" profile={p}
          render={(f, c) => (
            <select {...c} value={f.value} onChange={(e) => { f.change(e.target.value); f.flush(); }}>
              <option value="">—</option>
              {PREDIKAT_ORDER.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          )} />
        <ProfileField name="targetYear" label="Tahun target" profile={p}
          render={(f, c) => (
            <input {...c} inputMode="numeric" value={f.value ?? ''} onBlur={f.flush}
              onChange={(e) => { const digits = e.target.value.replace(/\D/g, '').slice(0, 4); f.change(digits === '' ? null : Number(digits)); }} />
          )} />
      </div>

      <h2 className="section-title">Pejabat dan petugas rapat</h2>
      <div className="card form-grid three-columns people-card">
        {person('head', 'Kepala dinas', 'Kepala perangkat daerah sekretariat Gugus Tugas (penanda tangan “a.n.”).')}
        {person('chair', 'Pimpinan rapat', 'Diisikan otomatis pada setiap rapat baru; dapat diubah per rapat.')}
        {person('notulis', 'Notulis', 'Diisikan otomatis pada setiap rapat baru; dapat diubah per rapat.')}
      </div>

      <h2 className="section-title">Penandatanganan notulen</h2>
      <div className="card form-grid two-columns">
        <ProfileField name="signingMode" label="Pimpinan rapat menandatangani" profile={p}
          render={(f, c) => (
            <select {...c} value={f.value} onChange={(e) => { f.change(e.target.value as RegionProfile['signingMode']); f.flush(); }}>
              {SIGNING_MODES.map((mode) => <option key={mode} value={mode}>{SIGNING_MODE_LABEL[mode]}</option>)}
            </select>
          )} />
        <ProfileField name="signAcknowledge" label="Blok “Mengetahui” kepala dinas" profile={p}
          render={(f, c) => (
            <label className="checkbox" style={{ fontWeight: 400 }}>
              <input {...c} type="checkbox" checked={f.value} onChange={(e) => { f.change(e.target.checked); f.flush(); }} />
              Cetak blok “Mengetahui” kepala dinas di bawah tanda tangan pimpinan rapat dan notulis
            </label>
          )} />
        {p.signingMode === 'onBehalfVia' && text('signViaPosition', 'Jabatan antara a.n. dan u.b.', 'mis. Sekretaris')}
        <p className="full muted small">
          Bila pejabatnya pelaksana tugas atau pelaksana harian, tulis “Plt.” atau “Plh.” di depan jabatannya (mis. “Plt. Kepala Dinas …”).
        </p>
      </div>

      <h2 className="section-title">Kop surat</h2>
      <div className="card letterhead-editor">
        <LogoPicker initial={p.logoDataUrl} save={(logoDataUrl) => update.call({ logoDataUrl })} />
        <ProfileField name="letterheadLines" label="Baris kop surat (paling banyak lima, dicetak di tengah)" profile={p}
          render={(f) => (
            <div className="letterhead-lines">
              {[0, 1, 2, 3, 4].map((i) => (
                <input key={i} aria-label={`Baris ${i + 1}`} value={f.value[i] ?? ''} onBlur={f.flush}
                  placeholder={[`PEMERINTAH ${REGION_TYPE_LABEL[p.regionType].toUpperCase()} …`, 'DINAS …', 'Alamat', 'Telepon, pos-el', 'Laman'][i]}
                  onChange={(e) => {
                    const lines = [0, 1, 2, 3, 4].map((j) => (j === i ? e.target.value : f.value[j] ?? ''));
                    // Trailing empty lines are not part of the kop surat.
                    while (lines.length && lines[lines.length - 1] === '') lines.pop();
                    f.change(lines);
                  }} />
              ))}
            </div>
          )} />
      </div>

      <h2 className="section-title">Dokumen</h2>
      <div className="card form-grid two-columns">
        <ProfileField name="paper" label="Ukuran kertas" profile={p}
          render={(f, c) => (
            <select {...c} value={f.value} onChange={(e) => { f.change(e.target.value as RegionProfile['paper']); f.flush(); }}>
              <option value="A4">A4 (210 × 297 mm)</option>
              <option value="F4">F4 / Folio (215 × 330 mm)</option>
            </select>
          )} />
        {text('fontFamily', 'Huruf', 'Arial')}
        <ProfileField name="fontSizePt" label="Ukuran huruf (pt)" profile={p}
          render={(f, c) => <input {...c} type="number" min={8} max={16} value={f.value} onBlur={f.flush} onChange={(e) => f.change(Number(e.target.value))} />} />
        {printColumn('attendancePrintNip', 'NIP (di bawah nama) di daftar hadir')}
        {printColumn('attendancePrintPhone', 'Kolom No. HP di daftar hadir')}
      </div>
    </section>
  );
}
