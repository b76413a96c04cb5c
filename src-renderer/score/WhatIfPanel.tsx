import { useState } from 'react';
import { formatScore } from '../../shared/format';
import { SCORE_STAGE_LABEL, SCORE_STAGES, type ScoreStage } from '../../shared/kla';
import type { ScoreYearSummary } from '../../shared/api/score';
import { ApiCallError } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useDebounced } from '../hooks/useDebounced';
import { pointsProblem, showPoints, toPoints } from '../reference/points';

/**
 * What-if: projected scores for chosen indicators give a projected total and predikat. Nothing
 * is stored: the projection lives on this screen only. Indicators are listed by the points still
 * available (maximum minus the best score known), the most first.
 */
export function WhatIfPanel({ summary: s }: { summary: ScoreYearSummary }) {
  const [baseStage, setBaseStage] = useState<ScoreStage | ''>('');
  const [typed, setTyped] = useState<Record<number, string>>({});
  const valid = Object.entries(typed).filter(([, v]) => v.trim() !== '' && !pointsProblem(v)).map(([id, v]) => ({ indicatorId: Number(id), score: toPoints(v) as number }));
  const projected = useDebounced(valid, 250);
  const base = { year: s.year, ...(baseStage ? { baseStage } : {}) };
  // The ranking does not depend on the projection: read apart, so a refused projection (above a
  // maximum) keeps the rows on screen with the message under the cell.
  const ranking = useApiQuery('score.whatIf', { ...base, projected: [] }).data?.ranking ?? [];
  const result = useApiQuery('score.whatIf', { ...base, projected }, { keepPrevious: true });
  const r = result.error ? undefined : result.data;
  const coreProblem = (indicatorId: number) => {
    const e = result.error;
    if (!(e instanceof ApiCallError)) return undefined;
    const index = projected.findIndex((p) => p.indicatorId === indicatorId);
    return index < 0 ? undefined : e.fieldMessage(`projected.${index}.score`);
  };
  const available = s.stages.filter((st) => st.total !== null);

  return (
    <section className="card what-if" aria-labelledby="what-if-title" data-testid="what-if">
      <h2 id="what-if-title" className="section-title first">Simulasi (what-if)</h2>
      <p className="muted small">Isi nilai proyeksi untuk indikator yang ingin ditingkatkan. Proyeksi tidak disimpan.</p>
      <div className="what-if-head">
        <div className="field">
          <label htmlFor="what-if-base">Dasar perhitungan</label>
          <select id="what-if-base" value={baseStage} onChange={(e) => setBaseStage(e.target.value as ScoreStage | '')}>
            <option value="">Tahap terakhir yang ada nilainya</option>
            {SCORE_STAGES.map((st) => <option key={st} value={st} disabled={!available.some((a) => a.stage === st)}>{SCORE_STAGE_LABEL[st]}</option>)}
          </select>
        </div>
        <div className="stat" data-testid="what-if-base-total">
          <div className="stat-label">Nilai dasar{r?.baseStage ? ` (${SCORE_STAGE_LABEL[r.baseStage]})` : ''}</div>
          <div className="stat-value">{r?.baseTotal == null ? '—' : formatScore(r.baseTotal)}</div>
          <div className="stat-note">{r?.basePredikat ? `Predikat ${r.basePredikat}` : r?.baseTotal == null ? 'Belum ada nilai' : 'Belum berpredikat'}</div>
        </div>
        <div className="stat projected" data-testid="what-if-projected">
          <div className="stat-label">Proyeksi</div>
          <div className="stat-value" data-testid="what-if-projected-total">{r ? formatScore(r.projectedTotal) : '—'}</div>
          <div className="stat-note" data-testid="what-if-projected-predikat">{r ? (r.projectedPredikat ? `Predikat ${r.projectedPredikat}` : 'Belum berpredikat') : ''}</div>
        </div>
        {valid.length > 0 && <button type="button" onClick={() => setTyped({})}>Kosongkan proyeksi</button>}
      </div>
      {r?.basis === 'stored' && <p className="muted small">Dasar hanya nilai total: nilai proyeksi dihitung sebagai tambahan poin di atas total itu.</p>}
      <div className="table-scroll">
        <table className="data-table compact" aria-label="Indikator menurut poin yang masih tersedia">
          <thead>
            <tr><th className="num">No</th><th>Indikator</th><th className="num">Poin maks.</th><th className="num">Nilai terbaik</th><th className="num">Poin tersedia</th><th className="num">Nilai proyeksi</th></tr>
          </thead>
          <tbody>
            {ranking.map((row) => {
              const text = typed[row.indicatorId] ?? '';
              const problem = (text.trim() !== '' ? pointsProblem(text) : undefined) ?? coreProblem(row.indicatorId);
              return (
                <tr key={row.indicatorId} data-testid={`what-if-row-${row.label}`}>
                  <td className="num">{row.label}</td>
                  <td>{row.name}</td>
                  <td className="num">{row.maxPoints === null ? '—' : formatScore(row.maxPoints)}</td>
                  <td className="num">{formatScore(row.bestKnown)}</td>
                  <td className="num">{row.available === null ? <span className="muted" title={row.note}>—</span> : formatScore(row.available)}</td>
                  <td>
                    <div className={`field${problem ? ' has-error' : ''}`}>
                      <input aria-label={`Nilai proyeksi ${row.label}`} inputMode="decimal" className="money" value={text}
                        placeholder={row.maxPoints === null ? '' : showPoints(row.maxPoints)} aria-invalid={Boolean(problem)}
                        onChange={(e) => setTyped({ ...typed, [row.indicatorId]: e.target.value })} />
                      {problem && <div className="field-error" role="alert">{problem}</div>}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ranking.some((row) => row.available === null) && (
        <p className="muted small">— pada Poin tersedia: poin maksimum indikator itu belum diisi (isi di tabel nilai di bawah atau di Indikator KLA); indikator ini diurutkan paling akhir.</p>
      )}
    </section>
  );
}
