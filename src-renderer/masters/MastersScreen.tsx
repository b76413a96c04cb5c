import { useState } from 'react';
import type { PredikatBandRow } from '../../shared/types';
import { clusterLabel } from '../../shared/kla';
import { t } from '../../shared/messages';
import { api, ApiCallError } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useNotice } from '../components/Notice';
import { AutoText, SaveIndicator } from '../meeting/fields';
import '../meeting/meeting.css';

const pointsProblem = (v: string) => {
  const s = v.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^\d+(\.\d+)?$/.test(s) && Number(s) <= 1000 ? undefined : t('field.points');
};
const toPoints = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(',', '.')));
const showPoints = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** Indicators per evaluation year: names, sub-items, maximum points, predikat bands; new year as a copy. */
export function MastersScreen() {
  const years = useQuery('reference.years', {});
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? years.data?.[years.data.length - 1] ?? 2022;
  const ref = useQuery('reference.get', { year: shownYear });
  const notice = useNotice();
  const [newYear, setNewYear] = useState('');
  const [newYearError, setNewYearError] = useState<string>();

  async function createYear() {
    try {
      const created = await api.call('reference.createYear', { year: Number(newYear) });
      notice('success', `Tahun evaluasi ${created.year} dibuat dari salinan perangkat sebelumnya.`);
      setNewYear('');
      setNewYearError(undefined);
      await years.reload();
      setYear(created.year);
    } catch (e) {
      setNewYearError(e instanceof ApiCallError ? (e.fieldMessage('year') ?? e.message) : (e as Error).message);
    }
  }

  const data = ref.data;
  return (
    <section className="screen" aria-labelledby="masters-title">
      <header className="screen-header">
        <div>
          <a className="back-link" href="#/indikator">← Indikator KLA</a>
          <h1 id="masters-title">Master indikator</h1>
          <p className="subtitle">Nama klaster dan indikator, sub-indikator, poin maksimal, dan rentang predikat per tahun evaluasi.</p>
        </div>
        <SaveIndicator />
      </header>
      <div className="card add-row">
        <div className="field">
          <label htmlFor="master-year">Tahun evaluasi</label>
          <select id="master-year" value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
            {(years.data ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className={`field${newYearError ? ' has-error' : ''}`}>
          <label htmlFor="new-year">Tahun evaluasi baru</label>
          <input id="new-year" inputMode="numeric" value={newYear} placeholder="mis. 2026" onChange={(e) => setNewYear(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') void createYear(); }} />
          {newYearError && <div className="field-error" role="alert">{newYearError}</div>}
        </div>
        <button type="button" onClick={() => void createYear()} disabled={!newYear}>Buat dari salinan</button>
      </div>
      {ref.error && <p className="form-error" role="alert">{ref.error}</p>}
      {data && (
        <>
          <BandsEditor key={`bands-${data.year}-${data.bands.map((b) => b.id).join()}`} year={data.year} bands={data.bands} onSaved={() => void ref.reload()} />
          {data.clusters.map((c) => (
            <div key={c.id} className="card" data-testid="master-cluster">
              <AutoText saveKey={`cluster:${c.id}:name`} label={`Nama ${clusterLabel(c.code)}`} initial={c.name} required path="name"
                save={(v) => api.call('reference.updateCluster', { id: c.id, name: v.trim() })} />
              <table className="data-table compact masters-table" aria-label={`Indikator ${clusterLabel(c.code)}`}>
                <thead><tr><th>No</th><th>Nama indikator dan sub-indikator</th><th>Instansi yang biasa menangani</th><th className="num">Poin maks.</th></tr></thead>
                <tbody>
                  {c.indicators.map((i) => (
                    <tr key={i.id}>
                      <td className="num">{i.number}</td>
                      <td>
                        <AutoText saveKey={`indicator:${i.id}:name`} label={`Nama indikator ${i.number}`} hideLabel initial={i.name} required path="name"
                          save={(v) => api.call('reference.updateIndicator', { id: i.id, name: v.trim() })} />
                        <SubItems indicatorId={i.id} number={i.number} subs={i.subIndicators} reload={() => void ref.reload()} />
                      </td>
                      <td><AutoText saveKey={`indicator:${i.id}:usual`} label={`Instansi indikator ${i.number}`} hideLabel initial={i.usualAgencies}
                        save={(v) => api.call('reference.updateIndicator', { id: i.id, usualAgencies: v })} /></td>
                      <td className="year-cell"><AutoText saveKey={`indicator:${i.id}:max`} label={`Poin maksimal indikator ${i.number}`} hideLabel initial={showPoints(i.maxPoints)}
                        check={pointsProblem} path="maxPoints" input={{ inputMode: 'decimal', className: 'money' }}
                        save={(v) => api.call('reference.updateIndicator', { id: i.id, maxPoints: toPoints(v) })} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function SubItems({ indicatorId, number, subs, reload }: { indicatorId: number; number: number; subs: { id: number; code: string; name: string; maxPoints: number | null }[]; reload(): void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  async function add() {
    try {
      await api.call('reference.createSubIndicator', { indicatorId, code, name });
      setCode('');
      setName('');
      setError(undefined);
      reload();
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fields[0]?.message ?? e.message) : (e as Error).message);
    }
  }
  return (
    <div className="sub-items">
      {subs.map((s) => (
        <div key={s.id} className="add-row sub-item">
          <AutoText saveKey={`sub:${s.id}:code`} label={`Kode sub ${number}${s.code}`} hideLabel initial={s.code} required className="narrow"
            save={(v) => api.call('reference.updateSubIndicator', { id: s.id, code: v.trim() })} />
          <AutoText saveKey={`sub:${s.id}:name`} label={`Sub-indikator ${number}${s.code}`} hideLabel initial={s.name} required className="grow"
            save={(v) => api.call('reference.updateSubIndicator', { id: s.id, name: v.trim() })} />
          <AutoText saveKey={`sub:${s.id}:max`} label={`Poin maksimal sub ${number}${s.code}`} hideLabel initial={showPoints(s.maxPoints)} check={pointsProblem} className="narrow"
            save={(v) => api.call('reference.updateSubIndicator', { id: s.id, maxPoints: toPoints(v) })} />
          <button type="button" className="danger-text small-button" aria-label={`Hapus sub-indikator ${number}${s.code}`}
            onClick={async () => { await api.call('reference.deleteSubIndicator', { id: s.id }); reload(); }}>Hapus</button>
        </div>
      ))}
      <details>
        <summary className="muted small">+ Sub-indikator</summary>
        <div className="add-row">
          <input aria-label={`Kode sub-indikator baru ${number}`} className="narrow" placeholder="a" value={code} onChange={(e) => setCode(e.target.value)} />
          <input aria-label={`Nama sub-indikator baru ${number}`} placeholder="Nama sub-indikator" value={name} onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') void add(); }} />
          <button type="button" onClick={() => void add()}>Tambah</button>
        </div>
        {error && <div className="field-error" role="alert">{error}</div>}
      </details>
    </div>
  );
}

function BandsEditor({ year, bands, onSaved }: { year: number; bands: PredikatBandRow[]; onSaved(): void }) {
  const [rows, setRows] = useState(bands.map((b) => ({ name: b.name, min: String(b.minScore), max: String(b.maxScore) })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const notice = useNotice();
  async function save() {
    const local: Record<string, string> = {};
    rows.forEach((r, i) => {
      for (const k of ['min', 'max'] as const) if (pointsProblem(r[k]) || r[k].trim() === '') local[`bands.${i}.${k === 'min' ? 'minScore' : 'maxScore'}`] = t('field.points');
      if (!r.name.trim()) local[`bands.${i}.name`] = t('field.required');
    });
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await api.call('reference.setBands', { year, bands: rows.map((r) => ({ name: r.name, minScore: Number(r.min.replace(',', '.')), maxScore: Number(r.max.replace(',', '.')) })) });
      notice('success', 'Rentang predikat tersimpan.');
      onSaved();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
    }
  }
  const set = (i: number, k: 'name' | 'min' | 'max', v: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <div className="card">
      <h2>Rentang predikat {year}</h2>
      <table className="data-table compact bands-table" aria-label="Rentang predikat">
        <thead><tr><th>Predikat</th><th className="num">Nilai terendah</th><th className="num">Nilai tertinggi</th><th /></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {(['name', 'min', 'max'] as const).map((k) => {
                const path = `bands.${i}.${k === 'name' ? 'name' : k === 'min' ? 'minScore' : 'maxScore'}`;
                return (
                  <td key={k}>
                    <input aria-label={`${k === 'name' ? 'Predikat' : k === 'min' ? 'Nilai terendah' : 'Nilai tertinggi'} baris ${i + 1}`} value={r[k]}
                      className={k === 'name' ? '' : 'money'} aria-invalid={Boolean(errors[path])} onChange={(e) => set(i, k, e.target.value)} />
                    {errors[path] && <div className="field-error" role="alert">{errors[path]}</div>}
                  </td>
                );
              })}
              <td><button type="button" className="danger-text small-button" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Hapus predikat baris ${i + 1}`}>Hapus</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="add-row">
        <button type="button" onClick={() => setRows([...rows, { name: '', min: '', max: '' }])}>+ Predikat</button>
        <button type="button" className="primary" onClick={() => void save()}>Simpan rentang predikat</button>
      </div>
    </div>
  );
}
