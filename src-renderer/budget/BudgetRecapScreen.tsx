import { lazy, Suspense, useState } from 'react';
import type { BudgetRecap, BudgetRecapRow } from '../../shared/api/budget-line';
import { formatNumber, formatPercent, formatRupiah } from '../../shared/format';
import { api } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { EmptyState } from '../components/EmptyState';
import { deliver } from '../export/download';
import './budget-recap.css';

// The chart library is loaded with this screen only, not at start-up.
const RecapChart = lazy(() => import('./RecapChart'));

type Grouping = 'byCluster' | 'byAgency' | 'bySource' | 'byYear';
const GROUPINGS: { key: Grouping; label: string; column: string }[] = [
  { key: 'byCluster', label: 'Klaster', column: 'Klaster' },
  { key: 'byAgency', label: 'Instansi', column: 'Instansi' },
  { key: 'bySource', label: 'Sumber dana', column: 'Sumber dana' },
  { key: 'byYear', label: 'Tahun', column: 'Tahun anggaran' },
];
/** A chart of 100 agencies is unreadable: the largest allocations are drawn, the table lists all. */
const CHART_ROWS = 12;

/** Rekap anggaran: pagu, realisasi and % serapan by klaster, instansi, sumber dana and tahun, with charts and an .xlsx export. */
export function BudgetRecapScreen() {
  const all = useApiQuery('budgetLine.recap', {});
  const years = (all.data?.byYear ?? []).map((r) => Number(r.key)).sort((a, b) => b - a);
  const [chosen, setChosen] = useState<number | 'all' | null>(null);
  const thisYear = new Date().getFullYear();
  const year = chosen ?? (years.find((y) => y <= thisYear) ?? years[0] ?? 'all');
  const oneYear = useApiQuery('budgetLine.recap', { fiscalYear: year === 'all' ? undefined : year }, { enabled: year !== 'all' });
  const recap = year === 'all' ? all.data : oneYear.data;
  const [grouping, setGrouping] = useState<Grouping>('byCluster');
  const error = all.error ?? oneYear.error;

  return (
    <section className="screen" aria-labelledby="budget-recap-title">
      <header className="screen-header">
        <div>
          <h1 id="budget-recap-title">Rekap anggaran</h1>
          <p className="subtitle">Pagu, realisasi, dan persentase serapan dari anggaran yang dicatat di rapat.</p>
        </div>
        <ExportButton fiscalYear={year === 'all' ? undefined : year} disabled={!recap || recap.total.lines === 0} />
      </header>
      {error && <p className="form-error" role="alert">{error.message}</p>}
      {all.data && all.data.total.lines === 0 ? (
        <EmptyState title="Belum ada anggaran yang dicatat.">
          Anggaran (pagu, realisasi, sumber dana) dicatat per sub-kegiatan di tab Anggaran sebuah <a href="#/rapat">rapat</a>. Rekapnya tampil di sini.
        </EmptyState>
      ) : (
        <>
          <div className="card toolbar recap-toolbar">
            <div className="field">
              <label htmlFor="recap-year">Tahun anggaran</label>
              <select id="recap-year" value={String(year)} onChange={(e) => setChosen(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
                <option value="all">Semua tahun</option>
                {years.map((y) => <option key={y} value={y}>{y}</option>)}
              </select>
            </div>
            <div className="segmented" role="tablist" aria-label="Kelompokkan menurut">
              {GROUPINGS.map((g) => (
                <button key={g.key} type="button" role="tab" aria-selected={grouping === g.key} className={grouping === g.key ? 'primary' : undefined}
                  onClick={() => setGrouping(g.key)}>{g.label}</button>
              ))}
            </div>
          </div>
          {recap && <RecapView recap={recap} grouping={grouping} />}
        </>
      )}
    </section>
  );
}

function RecapView({ recap, grouping }: { recap: BudgetRecap; grouping: Grouping }) {
  const g = GROUPINGS.find((x) => x.key === grouping)!;
  const rows = recap[grouping];
  // The core orders each grouping (klaster and tahun in their order, instansi and sumber dana by pagu).
  const charted = rows.filter((r) => r.lines > 0).slice(0, CHART_ROWS)
    // An agency is drawn under its abbreviation ("Dinkes — Dinas Kesehatan" -> "Dinkes"); the table has the full name.
    .map((r) => (grouping === 'byAgency' ? { ...r, label: r.label.split(' — ')[0] } : r));
  const t = recap.total;
  return (
    <>
      <div className="recap-totals" data-testid="recap-totals">
        <div className="card stat"><div className="stat-label">Pagu</div><div className="stat-value">{formatRupiah(t.allocationSen)}</div></div>
        <div className="card stat"><div className="stat-label">Realisasi</div><div className="stat-value">{formatRupiah(t.realizationSen)}</div></div>
        <div className="card stat"><div className="stat-label">Serapan</div><div className="stat-value" data-testid="recap-absorption">{t.absorption === null ? '—' : formatPercent(t.absorption)}</div>
          <div className="stat-note">{formatNumber(t.lines)} baris anggaran{recap.fiscalYear ? ` tahun ${recap.fiscalYear}` : ''}</div></div>
      </div>
      <div className="card" role="tabpanel" aria-label={`Menurut ${g.label.toLowerCase()}`}>
        <h2 className="section-title first">Pagu dan realisasi menurut {g.label.toLowerCase()}</h2>
        {charted.length === 0 ? <p className="muted">Tidak ada anggaran untuk digambar.</p> : (
          <Suspense fallback={<p className="muted">Memuat grafik…</p>}>
            <RecapChart rows={charted} title={`Grafik pagu dan realisasi menurut ${g.label.toLowerCase()}`} />
          </Suspense>
        )}
        {grouping === 'byAgency' && rows.length > charted.length && (
          <p className="muted small">Grafik menampilkan {charted.length} instansi dengan pagu terbesar; tabel memuat semua instansi aktif.</p>
        )}
        <RecapTable rows={rows} total={t} column={g.column} />
      </div>
    </>
  );
}

function RecapTable({ rows, total, column }: { rows: BudgetRecapRow[]; total: BudgetRecapRow; column: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact recap-table" aria-label={`Rekap menurut ${column.toLowerCase()}`}>
        <thead><tr><th>{column}</th><th className="num">Baris</th><th className="num">Pagu</th><th className="num">Realisasi</th><th className="num">Serapan</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.lines === 0 ? 'inactive' : undefined}>
              <td>{r.label}</td><td className="num">{formatNumber(r.lines)}</td><td className="num">{formatRupiah(r.allocationSen)}</td>
              <td className="num">{formatRupiah(r.realizationSen)}</td><td className="num">{r.absorption === null ? '—' : formatPercent(r.absorption)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row"><th>Jumlah</th><td className="num">{formatNumber(total.lines)}</td><td className="num">{formatRupiah(total.allocationSen)}</td>
            <td className="num">{formatRupiah(total.realizationSen)}</td><td className="num">{total.absorption === null ? '—' : formatPercent(total.absorption)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}

function ExportButton({ fiscalYear, disabled }: { fiscalYear: number | undefined; disabled: boolean }) {
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  async function run() {
    if (busy) return;
    setBusy(true);
    try {
      const message = await deliver(await api.call('budgetLine.exportRecap', fiscalYear === undefined ? {} : { fiscalYear }));
      if (message) notice('success', message);
    } catch (e) {
      notice('error', (e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="primary" disabled={disabled} aria-disabled={busy} onClick={() => void run()}>
      {busy ? 'Menyusun berkas…' : 'Unduh rekap .xlsx'}
    </button>
  );
}
