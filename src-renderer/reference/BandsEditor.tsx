import { useState } from 'react';
import type { PredikatBandRow } from '../../shared/types';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { pointsProblem } from './points';

/** The predikat bands of one evaluation year, saved together (the core refuses overlaps). */
export function BandsEditor({ year, bands }: { year: number; bands: PredikatBandRow[] }) {
  const setBands = useApiMutation('reference.setBands');
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
      await setBands.call({ year, bands: rows.map((r) => ({ name: r.name, minScore: Number(r.min.replace(',', '.')), maxScore: Number(r.max.replace(',', '.')) })) });
      notice('success', 'Rentang predikat tersimpan.');
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
