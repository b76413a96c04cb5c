import { useMemo, useState } from 'react';
import type { BoardIndicator } from '../../shared/board';
import { formatPercent } from '../../shared/format';
import { useApiQuery } from '../api/useApi';
import { EmptyState } from '../components/EmptyState';
import { navigate } from '../router';
import { IndicatorHistoryPanel } from './IndicatorHistoryPanel';
import { absorption, boardPath, clusterTitle, money } from './labels';
import './board.css';

// Papan indikator (issue 11): every indicator of an evaluation year with its latest capaian, the
// weak flag, who is assigned, its RTLs and budget; filters by klaster, text and weak only; a
// click opens the indicator's history across rakor. Year and open indicator live in the URL
// ("#/papan/2025/17"), so the back button and a reload keep them.

export function BoardRoutes({ subPath }: { subPath: string }) {
  const [yearPart, indicatorPart] = subPath.split('/').filter(Boolean).map(Number);
  const year = Number.isInteger(yearPart) && yearPart >= 2000 ? yearPart : undefined;
  const indicatorId = year !== undefined && Number.isInteger(indicatorPart) && indicatorPart > 0 ? indicatorPart : undefined;
  return <BoardScreen year={year} indicatorId={indicatorId} />;
}

function matches(i: BoardIndicator, q: string): boolean {
  if (q === '') return true;
  const hay = [String(i.number), i.name, i.latest?.achievement ?? '', ...i.agencies.flatMap((a) => [a.name, a.abbreviation])].join(' ').toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

function BoardScreen({ year, indicatorId }: { year: number | undefined; indicatorId: number | undefined }) {
  const query = useApiQuery('reference.board', year === undefined ? {} : { year });
  const board = query.data;
  const [cluster, setCluster] = useState('');
  const [search, setSearch] = useState('');
  const [weakOnly, setWeakOnly] = useState(false);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (board?.indicators ?? []).filter((i) => (cluster === '' || i.clusterCode === cluster) && (!weakOnly || i.weak) && matches(i, q));
  }, [board, cluster, search, weakOnly]);
  const totals = useMemo(() => {
    const all = board?.indicators ?? [];
    return {
      weak: all.filter((i) => i.weak).length,
      discussed: all.filter((i) => i.meetings > 0).length,
      open: all.reduce((s, i) => s + i.actions.open, 0),
      overdue: all.reduce((s, i) => s + i.actions.overdue, 0),
      allocation: all.reduce((s, i) => s + i.budget.allocationSen, 0),
      realization: all.reduce((s, i) => s + i.budget.realizationSen, 0),
    };
  }, [board]);
  const open = board && indicatorId !== undefined ? board.indicators.find((i) => i.indicatorId === indicatorId) : undefined;

  if (board && open) {
    return <IndicatorHistoryPanel year={board.year} indicator={open} onBack={() => navigate(boardPath(board.year))} />;
  }
  return (
    <section className="screen" aria-labelledby="board-title">
      <header className="screen-header">
        <div>
          <h1 id="board-title">Papan indikator</h1>
          <p className="subtitle">
            Keadaan tiap indikator pada tahun evaluasi: capaian terakhir, yang masih lemah, penanggung jawab, tindak lanjut, dan anggaran.
            {board && board.referenceYear !== board.year ? ` Memakai daftar indikator tahun ${board.referenceYear}.` : ''}
          </p>
        </div>
      </header>
      <div className="toolbar board-filters">
        <label className="inline-field">Tahun
          <select aria-label="Tahun evaluasi" value={board?.year ?? ''} onChange={(e) => navigate(boardPath(Number(e.target.value)))}>
            {(board?.years ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <select aria-label="Klaster" value={cluster} onChange={(e) => setCluster(e.target.value)}>
          <option value="">Semua klaster</option>
          {(board?.clusters ?? []).map((c) => <option key={c.code} value={c.code}>{clusterTitle(c.code, c.name)}</option>)}
        </select>
        <input type="search" className="search" placeholder="Cari nomor, indikator, instansi…" aria-label="Cari indikator" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="checkbox"><input type="checkbox" checked={weakOnly} onChange={(e) => setWeakOnly(e.target.checked)} /> Hanya yang lemah</label>
        <span className="count" data-testid="board-count">{shown.length} dari {board?.indicators.length ?? 0} indikator</span>
      </div>
      {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      {board && (
        <div className="summary-tiles" aria-label="Ringkasan tahun">
          <div className="tile"><strong>{totals.weak}</strong><span>indikator lemah</span></div>
          <div className="tile"><strong>{totals.discussed}</strong><span>indikator dibahas di rakor</span></div>
          <div className="tile"><strong>{totals.open}</strong><span>RTL terbuka{totals.overdue ? `, ${totals.overdue} terlambat` : ''}</span></div>
          <div className="tile"><strong>{totals.allocation > 0 ? formatPercent(totals.realization / totals.allocation) : '–'}</strong><span>serapan anggaran per indikator</span></div>
        </div>
      )}
      {board && shown.length === 0 ? (
        <EmptyState title="Tidak ada indikator yang cocok.">Ubah klaster, kata kunci, atau matikan “Hanya yang lemah”.</EmptyState>
      ) : board && (
        <table className="data-table board-table" data-testid="board-table">
          <thead>
            <tr>
              <th>No</th><th>Indikator</th><th>Capaian terakhir</th><th>Instansi</th>
              <th className="num">RTL</th><th className="num">Anggaran</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, k) => {
              const clusterStart = k === 0 || shown[k - 1].clusterCode !== i.clusterCode;
              return [
                clusterStart && (
                  <tr key={`c-${i.clusterCode}`} className="cluster-row"><th colSpan={6} scope="colgroup">{clusterTitle(i.clusterCode, i.clusterName)}</th></tr>
                ),
                <tr key={i.indicatorId} className={i.weak ? 'weak' : undefined} data-testid="board-row">
                  <td className="num">{i.number}</td>
                  <td className="indicator-name">
                    <button type="button" onClick={() => navigate(boardPath(board.year, i.indicatorId))} aria-label={`Riwayat indikator ${i.number}`}>{i.name}</button>
                    <div className="muted">{i.meetings === 0 ? 'Belum dibahas tahun ini' : `Dibahas di ${i.meetings} rakor`}</div>
                  </td>
                  <td>
                    {i.latest ? (
                      <>
                        <div>{i.latest.achievement || '–'}</div>
                        {i.weak ? <span className="weak-badge">Lemah</span> : <span className="ok-badge">Tidak lemah</span>}
                      </>
                    ) : <span className="muted">Belum ada</span>}
                  </td>
                  <td>
                    {i.agencies.length === 0 ? <span className="muted">Belum ditetapkan</span> : (
                      <ul className="agency-list">
                        {i.agencies.map((a) => <li key={a.agencyId} className={a.role === 'lead' ? 'lead' : undefined} title={a.name}>{a.abbreviation || a.name}{a.role === 'lead' ? ' (PJ)' : ''}</li>)}
                      </ul>
                    )}
                  </td>
                  <td className="num nowrap">
                    {i.actions.total === 0 ? <span className="muted">–</span> : (
                      <>
                        <div>{i.actions.open} terbuka</div>
                        {i.actions.overdue > 0 && <div className="late">{i.actions.overdue} terlambat</div>}
                        <div className="muted">{i.actions.done} selesai</div>
                      </>
                    )}
                  </td>
                  <td className="num nowrap">
                    {i.budget.lines === 0 ? <span className="muted">–</span> : (
                      <>
                        <div>{money(i.budget.allocationSen)}</div>
                        <div className="muted">{money(i.budget.realizationSen)}</div>
                        <div className="muted">serapan {absorption(i.budget)}</div>
                      </>
                    )}
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
