import { useState } from 'react';
import { formatScore } from '../../shared/format';
import { SCORE_STAGE_LABEL } from '../../shared/kla';
import type { ScoreYearSummary } from '../../shared/api/score';
import { useApiQuery } from '../api/useApi';
import { SaveIndicator } from '../components/AutosaveFields';
import { ScoreTable } from './ScoreTable';
import { WhatIfPanel } from './WhatIfPanel';
import { ScoreFiles } from './ScoreFiles';
import { AwardYearField } from './AwardYearField';
import './score.css';

/** Evaluation years to offer: from the oldest reference set to next year, and any year with scores. */
function offeredYears(referenceYears: number[], scoredYears: number[], thisYear: number): number[] {
  const from = Math.min(thisYear - 1, ...referenceYears, ...scoredYears);
  const to = Math.max(thisYear + 1, ...scoredYears);
  return Array.from({ length: to - from + 1 }, (_, i) => to - i);
}

/**
 * Nilai evaluasi dan predikat: per evaluation year the scores of every indicator for the four
 * stages (each cell saves itself), the totals and predikat per stage, the current and target
 * predikat with the gap, and a what-if mode that projects scores without storing them.
 */
export function ScoreScreen() {
  const thisYear = new Date().getFullYear();
  const referenceYears = useApiQuery('reference.years', {});
  const stored = useApiQuery('score.list', {});
  const scoredYears = [...new Set((stored.data ?? []).map((s) => s.year))];
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? (scoredYears.length > 0 ? Math.max(...scoredYears) : thisYear);
  const summary = useApiQuery('score.summary', { year });
  const [whatIf, setWhatIf] = useState(false);
  // Cells take the server value once; an import bumps this so they show what was imported.
  const [imports, setImports] = useState(0);
  const years = offeredYears(referenceYears.data ?? [], scoredYears, thisYear);
  const s = summary.data;

  return (
    <section className="screen score-screen" aria-labelledby="score-title">
      <header className="screen-header">
        <div>
          <h1 id="score-title">Nilai evaluasi dan predikat</h1>
          <p className="subtitle">Nilai per indikator untuk setiap tahap evaluasi. Setiap isian tersimpan sendiri.</p>
        </div>
        <SaveIndicator />
      </header>
      <div className="card score-toolbar">
        <div className="field">
          <label htmlFor="score-year">Tahun evaluasi</label>
          <select id="score-year" value={year} onChange={(e) => setChosen(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}{s && y === year ? ` (penghargaan ${s.awardYear})` : ''}</option>)}
          </select>
        </div>
        {s && <AwardYearField key={`${s.year}:${s.awardYear}`} year={s.year} awardYear={s.awardYear} />}
        <div className="score-toolbar-actions">
          <button type="button" aria-pressed={whatIf} className={whatIf ? 'primary' : undefined} onClick={() => setWhatIf(!whatIf)}>
            {whatIf ? 'Tutup simulasi' : 'Simulasi (what-if)'}
          </button>
          <ScoreFiles year={year} onImported={() => setImports((n) => n + 1)} />
        </div>
      </div>
      {summary.error && <p className="form-error" role="alert">{summary.error.message}</p>}
      {s && (
        <>
          <PredikatSummary summary={s} />
          {whatIf && <WhatIfPanel key={s.year} summary={s} />}
          <ScoreTable key={imports} summary={s} />
        </>
      )}
    </section>
  );
}

/** Totals and predikat per stage, the region's current and target predikat, and the gap. */
function PredikatSummary({ summary: s }: { summary: ScoreYearSummary }) {
  const profile = useApiQuery('regionProfile.get', {}).data;
  const current = profile?.currentPredikat ? `${profile.currentPredikat}${profile.currentPredikatYear ? ` (${profile.currentPredikatYear})` : ''}` : null;
  const target = profile?.targetPredikat ? `${profile.targetPredikat}${profile.targetYear ? ` (${profile.targetYear})` : ''}` : null;
  return (
    <div className="score-summary" data-testid="score-summary">
      {s.stages.map((st) => (
        <div key={st.stage} className={`card stat${s.latest?.stage === st.stage ? ' latest' : ''}`} data-testid={`stage-${st.stage}`}>
          <div className="stat-label">{SCORE_STAGE_LABEL[st.stage]}</div>
          <div className="stat-value" data-testid={`total-${st.stage}`}>{st.total === null ? '—' : formatScore(st.total)}</div>
          <div className="stat-note" data-testid={`predikat-${st.stage}`}>
            {st.total === null ? 'Belum ada nilai' : st.predikat ? `Predikat ${st.predikat}` : 'Belum berpredikat'}
            {st.source === 'stored' && <span className="muted"> · nilai total</span>}
          </div>
        </div>
      ))}
      <div className="card stat target" data-testid="score-target">
        <div className="stat-label">Predikat sekarang → target</div>
        <div className="stat-value small-value">{current ?? 'Belum diisi'} → {target ?? 'Belum ditetapkan'}</div>
        <div className="stat-note" data-testid="score-gap">
          {!s.gap ? <a href="#/profil">Isi target predikat di Profil daerah</a>
            : s.gap.gap === null ? (s.gap.targetMin === null ? `Rentang ${s.gap.target} tidak ada di perangkat ${s.referenceYear}` : 'Belum ada nilai untuk dibandingkan')
            : s.gap.reached ? `Target ${s.gap.target} tercapai`
            : `Kurang ${formatScore(s.gap.gap)} poin ke ${s.gap.target} (≥ ${formatScore(s.gap.targetMin ?? 0)})`}
          {s.gap?.gap != null && s.latest && <span className="muted"> · dari nilai {SCORE_STAGE_LABEL[s.latest.stage]}</span>}
        </div>
      </div>
    </div>
  );
}
