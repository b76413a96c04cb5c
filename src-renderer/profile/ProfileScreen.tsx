import { useEffect, useState } from 'react';
import type { RegionProfile } from '../../shared/types';
import type { OpInput } from '../../shared/api/contract';
import { TIME_ZONES } from '../../shared/format';
import { PREDIKAT_ORDER } from '../../shared/kla';
import { api, ApiCallError } from '../api/client';
import { useQuery } from '../api/useQuery';
import { Field } from '../components/Field';

type Patch = OpInput<'profile.update'>;
const MAX_LOGO_BYTES = 1024 * 1024;

/**
 * The region profile: what the kop surat, the time zone of every meeting and the default paper
 * come from. Each field is saved when it loses focus (or at once for choices), so nothing typed
 * is lost and there is no "Simpan" to forget.
 */
export function ProfileScreen() {
  const query = useQuery('profile.get', {});
  const [draft, setDraft] = useState<RegionProfile | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');

  useEffect(() => {
    if (query.data && !draft) setDraft(query.data);
  }, [query.data, draft]);

  if (!draft) return <section className="screen"><h1>Profil daerah</h1>{query.error && <p className="form-error">{query.error}</p>}</section>;

  async function save(patch: Patch) {
    setStatus('saving');
    try {
      const saved = await api.call('profile.update', patch);
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
      setDraft((d) => (d ? { ...d, updatedAt: saved.updatedAt } : d));
      setStatus('saved');
    } catch (e) {
      if (e instanceof ApiCallError) {
        setErrors((prev) => ({ ...prev, ...Object.fromEntries(e.fields.map((f) => [f.path.split('.')[0], f.message])) }));
      }
      setStatus('error');
    }
  }

  const text = (key: 'regionName' | 'province' | 'signingPlace' | 'fontFamily', label: string, placeholder = '') => (
    <Field label={label} error={errors[key]}>
      {(p) => (
        <input {...p} value={draft[key]} placeholder={placeholder}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          onBlur={() => void save({ [key]: draft[key] })} />
      )}
    </Field>
  );

  function setLine(index: number, value: string) {
    const lines = [...draft!.letterheadLines];
    while (lines.length <= index) lines.push('');
    lines[index] = value;
    setDraft({ ...draft!, letterheadLines: lines });
  }

  async function chooseLogo(file: File | undefined) {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type) || file.size > MAX_LOGO_BYTES) {
      setErrors((e) => ({ ...e, logoDataUrl: 'Logo harus gambar PNG atau JPEG, paling besar 1 MB.' }));
      return;
    }
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    setDraft({ ...draft!, logoDataUrl: dataUrl });
    await save({ logoDataUrl: dataUrl });
  }

  const choice = <K extends 'regionType' | 'timeZone' | 'paper'>(key: K, value: RegionProfile[K]) => {
    setDraft({ ...draft, [key]: value });
    void save({ [key]: value } as Patch);
  };

  return (
    <section className="screen" aria-labelledby="profile-title">
      <header className="screen-header">
        <div>
          <h1 id="profile-title">Profil daerah</h1>
          <p className="subtitle">Dipakai untuk kop surat notulen, zona waktu rapat, dan ukuran kertas.</p>
        </div>
        <span className={`save-status save-${status}`} aria-live="polite">
          {status === 'saving' ? 'Menyimpan…' : status === 'saved' ? 'Tersimpan' : status === 'error' ? 'Belum tersimpan: periksa isian' : ''}
        </span>
      </header>

      <div className="card form-grid two-columns">
        <Field label="Jenis daerah">
          {(p) => (
            <select {...p} value={draft.regionType} onChange={(e) => choice('regionType', e.target.value as RegionProfile['regionType'])}>
              <option value="kabupaten">Kabupaten</option>
              <option value="kota">Kota</option>
            </select>
          )}
        </Field>
        {text('regionName', 'Nama kabupaten/kota', 'mis. Banua Harapan')}
        {text('province', 'Provinsi', 'mis. Kalimantan Selatan')}
        <Field label="Zona waktu">
          {(p) => (
            <select {...p} value={draft.timeZone} onChange={(e) => choice('timeZone', e.target.value as RegionProfile['timeZone'])}>
              {TIME_ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          )}
        </Field>
        {text('signingPlace', 'Tempat penandatanganan', 'mis. Kota Harapan')}
        <Field label="Target predikat" error={errors.targetPredikat}>
          {(p) => (
            <select {...p} value={draft.targetPredikat} onChange={(e) => { setDraft({ ...draft, targetPredikat: e.target.value }); void save({ targetPredikat: e.target.value }); }}>
              <option value="">—</option>
              {PREDIKAT_ORDER.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Tahun target" error={errors.targetYear}>
          {(p) => (
            <input {...p} inputMode="numeric" value={draft.targetYear ?? ''}
              onChange={(e) => setDraft({ ...draft, targetYear: e.target.value === '' ? null : Number(e.target.value.replace(/\D/g, '')) })}
              onBlur={() => void save({ targetYear: draft.targetYear })} />
          )}
        </Field>
      </div>

      <h2 className="section-title">Kop surat</h2>
      <div className="card letterhead-editor">
        <div className="logo-box">
          {draft.logoDataUrl ? <img src={draft.logoDataUrl} alt="Logo daerah" /> : <span className="muted">Belum ada logo</span>}
          <label className="button">
            Pilih logo…
            <input type="file" accept="image/png,image/jpeg" className="visually-hidden" aria-label="Pilih logo"
              onChange={(e) => void chooseLogo(e.target.files?.[0])} />
          </label>
          {draft.logoDataUrl && <button type="button" onClick={() => { setDraft({ ...draft, logoDataUrl: '' }); void save({ logoDataUrl: '' }); }}>Hapus logo</button>}
          {errors.logoDataUrl && <div className="field-error" role="alert">{errors.logoDataUrl}</div>}
        </div>
        <div className="letterhead-lines">
          {[0, 1, 2, 3, 4].map((i) => (
            <Field key={i} label={`Baris ${i + 1}`} error={errors.letterheadLines}>
              {(p) => (
                <input {...p} value={draft.letterheadLines[i] ?? ''}
                  placeholder={['PEMERINTAH KABUPATEN …', 'DINAS …', 'Alamat', 'Telepon, pos-el', 'Laman'][i]}
                  onChange={(e) => setLine(i, e.target.value)}
                  onBlur={() => void save({ letterheadLines: draft.letterheadLines })} />
              )}
            </Field>
          ))}
        </div>
      </div>

      <h2 className="section-title">Dokumen</h2>
      <div className="card form-grid two-columns">
        <Field label="Ukuran kertas">
          {(p) => (
            <select {...p} value={draft.paper} onChange={(e) => choice('paper', e.target.value as RegionProfile['paper'])}>
              <option value="A4">A4 (210 × 297 mm)</option>
              <option value="F4">F4 / Folio (215 × 330 mm)</option>
            </select>
          )}
        </Field>
        {text('fontFamily', 'Huruf', 'Arial')}
        <Field label="Ukuran huruf (pt)" error={errors.fontSizePt}>
          {(p) => (
            <input {...p} type="number" min={8} max={16} value={draft.fontSizePt}
              onChange={(e) => setDraft({ ...draft, fontSizePt: Number(e.target.value) })}
              onBlur={() => void save({ fontSizePt: draft.fontSizePt })} />
          )}
        </Field>
      </div>
    </section>
  );
}
