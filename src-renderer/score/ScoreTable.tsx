import { Fragment } from 'react';
import { formatScore } from '../../shared/format';
import { clusterLabel, SCORE_STAGE_LABEL, SCORE_STAGE_SHORT, SCORE_STAGES, type ScoreStage } from '../../shared/kla';
import type { ScoreRow, ScoreYearSummary } from '../../shared/api/score';
import { useApiMutation } from '../api/useApi';
import { useReference } from '../reference/useReference';
import { AutoText } from '../components/AutosaveFields';
import { pointsProblem, showPoints, toPoints } from '../reference/points';

/**
 * The year's indicators grouped by klaster, a score per stage and the maximum points, all
 * editable in place. An indicator with sub-indicators scores as the sum of its sub-indicators
 * (shown, not typed). Below: the totals, a stored total for a stage known only as a total, and
 * the predikat each total falls in.
 */
export function ScoreTable({ summary: s }: { summary: ScoreYearSummary }) {
  const reference = useReference(s.year).data;
  const setTotal = useApiMutation('score.set');
  const clusters = reference?.clusters ?? [];
  return (
    <div className="card table-card">
      <h2 className="section-title first">Nilai per indikator — perangkat indikator tahun {s.referenceYear}</h2>
      <p className="muted small">Nilai dengan koma desimal (mis. 45,5). Poin maksimal berlaku untuk perangkat indikator tahun {s.referenceYear} dan tersimpan di Indikator KLA.</p>
      <div className="table-scroll">
        <table className="data-table compact score-table" aria-label={`Nilai evaluasi ${s.year}`}>
          <thead>
            <tr>
              <th className="num">No</th>
              <th>Indikator</th>
              <th className="num">Poin maks.</th>
              {SCORE_STAGES.map((stage) => <th key={stage} className="num" title={SCORE_STAGE_LABEL[stage]}>{SCORE_STAGE_SHORT[stage]}</th>)}
            </tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <Fragment key={c.code}>
                <tr className="group-row"><th colSpan={3 + SCORE_STAGES.length} scope="colgroup">{clusterLabel(c.code)} — {c.name}</th></tr>
                {s.rows.filter((r) => r.clusterCode === c.code).map((r) => (
                  <ScoreRowView key={`${r.indicatorId}:${r.subIndicatorId ?? ''}`} year={s.year} row={r}
                    hasSubs={r.subIndicatorId === null && s.rows.some((x) => x.indicatorId === r.indicatorId && x.subIndicatorId !== null)} />
                ))}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th colSpan={3} scope="row">Jumlah</th>
              {s.stages.map((st) => <td key={st.stage} className="num" data-testid={`table-total-${st.stage}`}>{st.total === null ? '—' : formatScore(st.total)}</td>)}
            </tr>
            <tr>
              <th colSpan={3} scope="row">Nilai total saja <span className="muted small">(bila rincian per indikator tidak ada)</span></th>
              {s.stages.map((st) => (
                <td key={st.stage}>
                  <AutoText saveKey={`score:${s.year}:${st.stage}:total`} label={`Nilai total ${SCORE_STAGE_SHORT[st.stage]}`} hideLabel
                    initial={showPoints(st.storedTotal)} check={pointsProblem} input={{ inputMode: 'decimal', className: 'money' }}
                    save={(v, k) => setTotal.call({ year: s.year, stage: st.stage, total: toPoints(v) }, k)} />
                </td>
              ))}
            </tr>
            <tr>
              <th colSpan={3} scope="row">Predikat</th>
              {s.stages.map((st) => <td key={st.stage} className="num">{st.total === null ? '—' : st.predikat ?? 'Belum berpredikat'}</td>)}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function ScoreRowView({ year, row: r, hasSubs }: { year: number; row: ScoreRow; hasSubs: boolean }) {
  const setScore = useApiMutation('score.setIndicator');
  const updateIndicator = useApiMutation('reference.updateIndicator');
  const updateSub = useApiMutation('reference.updateSubIndicator');
  const sub = r.subIndicatorId;
  const saveMax = (v: string, k: boolean) =>
    sub === null ? updateIndicator.call({ id: r.indicatorId, maxPoints: toPoints(v) }, k) : updateSub.call({ id: sub, maxPoints: toPoints(v) }, k);
  return (
    <tr className={sub === null ? 'indicator-row' : 'sub-row'} data-testid={`score-row-${r.label}`}>
      <td className="num">{r.label}</td>
      <td className="name-cell">{r.name}</td>
      <td>
        <AutoText saveKey={`max:${sub === null ? `i${r.indicatorId}` : `s${sub}`}`} label={`Poin maksimal ${r.label}`} hideLabel
          initial={showPoints(r.maxPoints)} check={pointsProblem} path="maxPoints" input={{ inputMode: 'decimal', className: 'money' }} save={saveMax} />
      </td>
      {SCORE_STAGES.map((stage: ScoreStage) => (
        <td key={stage} className={hasSubs ? 'num derived' : undefined}>
          {hasSubs ? (
            <span title="Jumlah nilai sub-indikator">{r.scores[stage] === null ? '—' : formatScore(r.scores[stage])}</span>
          ) : (
            <AutoText saveKey={`score:${year}:${stage}:${r.indicatorId}:${sub ?? ''}`} label={`Nilai ${SCORE_STAGE_SHORT[stage]} ${r.label}`} hideLabel
              initial={showPoints(r.scores[stage])} check={pointsProblem} path="score" input={{ inputMode: 'decimal', className: 'money' }}
              save={(v, k) => setScore.call({ year, stage, indicatorId: r.indicatorId, subIndicatorId: sub, score: toPoints(v) }, k)} />
          )}
        </td>
      ))}
    </tr>
  );
}
