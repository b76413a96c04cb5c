import { useMemo, useState } from 'react';
import type { TrackerRow, TrackerSort } from '../../shared/tracker';
import { ACTION_STATUS_LABEL } from '../../shared/meeting';
import { ACTION_STATUSES } from '../../shared/api/action-item';
import { CLUSTER_CODES, clusterLabel } from '../../shared/kla';
import { formatNumber, formatShortDate } from '../../shared/format';
import type { ActionStatus } from '../../shared/types';
import { api } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useDebounced } from '../hooks/useDebounced';
import { useNotice } from '../components/Notice';
import { EmptyState } from '../components/EmptyState';
import { useReference } from '../reference/useReference';
import { deliver } from '../export/download';
import { filtersFromQuery, trackInput, type TrackerFilters } from './tracker-filters';
import './tracker.css';

// Tindak lanjut: every RTL of every rakor with its current status. The core filters, sorts,
// counts and pages (50 rows a page), so typing in the search box costs one small query per
// pause whatever the history holds; the previous page stays on screen while the next loads.

const PAGE = 50;
const SORT_LABEL: Record<TrackerSort, string> = {
  targetDate: 'Target waktu', status: 'Status', originDate: 'Rapat asal', agency: 'Penanggung jawab',
};

export function TrackerScreen({ query }: { query: string }) {
  const [filters, setFilters] = useState<TrackerFilters>(() => filtersFromQuery(query));
  const [page, setPage] = useState(0);
  const search = useDebounced(filters.search, 250);
  const input = useMemo(() => trackInput({ ...filters, search }), [filters, search]);
  const result = useApiQuery('actionItem.track', { ...input, limit: PAGE, offset: page * PAGE }, { keepPrevious: true });
  const notice = useNotice();
  const [exporting, setExporting] = useState<'docx' | 'xlsx' | null>(null);

  /** A new filter starts again at the first page. */
  function set(patch: Partial<TrackerFilters>) {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(0);
  }

  async function exportAs(format: 'docx' | 'xlsx') {
    setExporting(format);
    try {
      const message = await deliver(await api.call('export.tracker', { ...input, format }));
      if (message) notice('success', message);
    } catch (e) {
      notice('error', (e as Error).message);
    } finally {
      setExporting(null);
    }
  }

  const data = result.data;
  const counts = data?.countsByStatus ?? { belum: 0, proses: 0, selesai: 0 };
  const all = counts.belum + counts.proses + counts.selesai;
  const filtered = Boolean(filters.search.trim() || filters.year || filters.clusterCode || filters.indicatorNumber || filters.agencyId || filters.meetingId || filters.status || filters.overdue);
  const first = data && data.total > 0 ? page * PAGE + 1 : 0;
  const last = data ? Math.min(data.total, (page + 1) * PAGE) : 0;

  return (
    <section className="screen tracker" aria-labelledby="tracker-title">
      <header className="screen-header">
        <div>
          <h1 id="tracker-title">Tindak lanjut</h1>
          <p className="subtitle">Rencana tindak lanjut (RTL) dari semua rakor dengan status terkini.</p>
        </div>
        <div className="header-actions">
          <button type="button" onClick={() => exportAs('xlsx')} disabled={exporting !== null || !data?.total}>{exporting === 'xlsx' ? 'Menyiapkan…' : 'Ekspor Excel'}</button>
          <button type="button" onClick={() => exportAs('docx')} disabled={exporting !== null || !data?.total}>{exporting === 'docx' ? 'Menyiapkan…' : 'Ekspor Word'}</button>
        </div>
      </header>

      <Filters filters={filters} set={set} />

      <ul className="chips status-chips" aria-label="Jumlah RTL per status">
        <li><button type="button" className="chip" aria-pressed={!filters.status && !filters.overdue} onClick={() => set({ status: undefined, overdue: undefined })}>Semua <strong data-testid="count-all">{formatNumber(all)}</strong></button></li>
        {ACTION_STATUSES.map((s) => (
          <li key={s}>
            <button type="button" className={`chip status-${s}`} aria-pressed={filters.status === s} onClick={() => set({ status: filters.status === s ? undefined : s })}>
              {ACTION_STATUS_LABEL[s]} <strong data-testid={`count-${s}`}>{formatNumber(counts[s])}</strong>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="chip late" aria-pressed={Boolean(filters.overdue)} onClick={() => set({ overdue: filters.overdue ? undefined : true })}>
            Terlambat <strong data-testid="count-overdue">{formatNumber(data?.overdueCount ?? 0)}</strong>
          </button>
        </li>
      </ul>

      {result.error && <p className="form-error" role="alert">{result.error.message}</p>}
      {data && data.total === 0 ? (
        <EmptyState title={filtered ? 'Tidak ada RTL yang cocok.' : 'Belum ada RTL.'}>
          {filtered ? 'Ubah kata kunci atau saringan.' : 'RTL yang disepakati di rakor akan tampil di sini.'}
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table tracker-table" aria-label="Daftar RTL" aria-busy={result.isFetching}>
            <thead>
              <tr><th>RTL</th><th>Penanggung jawab</th><th>Target</th><th>Status</th><th>Rapat asal</th></tr>
            </thead>
            <tbody>
              {(data?.rows ?? []).map((row) => <TrackerTableRow key={row.id} row={row} />)}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > 0 && (
        <nav className="pager" aria-label="Halaman">
          <span className="muted">{formatNumber(first)}–{formatNumber(last)} dari {formatNumber(data.total)} RTL</span>
          <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>‹ Sebelumnya</button>
          <button type="button" disabled={last >= data.total} onClick={() => setPage((p) => p + 1)}>Berikutnya ›</button>
        </nav>
      )}
    </section>
  );
}

function Filters({ filters, set }: { filters: TrackerFilters; set: (patch: Partial<TrackerFilters>) => void }) {
  const years = useApiQuery('meeting.years', {});
  const agencies = useApiQuery('agency.list', {});
  const reference = useReference(filters.year ?? new Date().getFullYear());
  // Meetings of one year only: the picker never loads the whole history.
  const meetings = useApiQuery('meeting.list', { year: filters.year ?? 0 }, { enabled: filters.year !== undefined });
  const indicators = (reference.data?.clusters ?? [])
    .filter((c) => !filters.clusterCode || c.code === filters.clusterCode)
    .flatMap((c) => c.indicators);
  const num = (v: string) => (v ? Number(v) : undefined);
  return (
    <div className="toolbar wrap tracker-filters">
      <input type="search" className="search" placeholder="Cari uraian, permasalahan, keterangan…" aria-label="Cari RTL"
        value={filters.search} onChange={(e) => set({ search: e.target.value })} />
      <select aria-label="Saring tahun" value={filters.year ?? ''} onChange={(e) => set({ year: num(e.target.value), meetingId: undefined })}>
        <option value="">Semua tahun</option>
        {(years.data ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
      <select aria-label="Saring klaster" value={filters.clusterCode ?? ''} onChange={(e) => set({ clusterCode: (e.target.value || undefined) as TrackerFilters['clusterCode'], indicatorNumber: undefined })}>
        <option value="">Semua klaster</option>
        {CLUSTER_CODES.map((c) => <option key={c} value={c}>{clusterLabel(c)}</option>)}
      </select>
      <select aria-label="Saring indikator" className="wide-select" value={filters.indicatorNumber ?? ''} onChange={(e) => set({ indicatorNumber: num(e.target.value) })}>
        <option value="">Semua indikator</option>
        {indicators.map((i) => <option key={i.id} value={i.number}>{i.number}. {i.name}</option>)}
      </select>
      <select aria-label="Saring instansi" className="wide-select" value={filters.agencyId ?? ''} onChange={(e) => set({ agencyId: num(e.target.value) })}>
        <option value="">Semua instansi</option>
        {(agencies.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name}</option>)}
      </select>
      <select aria-label="Saring rapat asal" className="wide-select" value={filters.meetingId ?? ''} onChange={(e) => set({ meetingId: num(e.target.value) })}
        disabled={filters.year === undefined && filters.meetingId === undefined} title={filters.year === undefined ? 'Pilih tahun dulu' : undefined}>
        <option value="">{filters.year === undefined ? 'Rapat asal (pilih tahun)' : 'Semua rapat asal'}</option>
        {filters.meetingId !== undefined && !meetings.data?.some((m) => m.id === filters.meetingId) && <option value={filters.meetingId}>Rapat yang dipilih</option>}
        {(meetings.data ?? []).map((m) => <option key={m.id} value={m.id}>{formatShortDate(m.date)} — {m.title}</option>)}
      </select>
      <span className="inline-field">
        <select aria-label="Urutkan" value={filters.sort} onChange={(e) => set({ sort: e.target.value as TrackerSort })}>
          {(Object.keys(SORT_LABEL) as TrackerSort[]).map((s) => <option key={s} value={s}>Urut: {SORT_LABEL[s]}</option>)}
        </select>
        <button type="button" className="small-button" aria-label={filters.descending ? 'Urutan menurun' : 'Urutan menaik'} onClick={() => set({ descending: !filters.descending })}>
          {filters.descending ? '↓' : '↑'}
        </button>
      </span>
    </div>
  );
}

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABEL[s] }));

function TrackerTableRow({ row }: { row: TrackerRow }) {
  const setStatus = useApiMutation('followUp.setStatus');
  const notice = useNotice();
  async function change(status: ActionStatus) {
    try {
      const recorded = await setStatus.call({ actionItemId: row.id, status });
      notice('success', `Status “${ACTION_STATUS_LABEL[status]}” dicatat per ${formatShortDate(recorded.date)}.`);
    } catch (e) {
      notice('error', (e as Error).message);
    }
  }
  const indicator = row.indicatorNumber !== null ? `${row.clusterCode ? `${clusterLabel(row.clusterCode)} · ` : ''}${row.indicatorNumber}. ${row.indicatorName}` : '';
  return (
    <tr data-testid="tracker-row" className={row.overdue ? 'overdue' : undefined}>
      <td className="rtl-cell">
        <strong>{row.description}</strong>
        {indicator && <span className="muted small block">{indicator}</span>}
        {row.problem && <span className="muted small block">Masalah: {row.problem}</span>}
      </td>
      <td className="small">
        {row.leadAgencyName ?? '—'}
        {row.relatedAgencyNames.length > 0 && <span className="muted block">+ {row.relatedAgencyNames.join(', ')}</span>}
      </td>
      <td className="nowrap small">
        {row.targetDate ? formatShortDate(row.targetDate) : '—'}
        {row.overdue && <span className="late-badge block">Terlambat</span>}
      </td>
      <td className="status-cell">
        <select aria-label={`Status ${row.description}`} value={row.status} disabled={setStatus.pending} onChange={(e) => void change(e.target.value as ActionStatus)}>
          {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        {row.lastUpdateDate && <span className="muted small block" title={row.lastUpdateNotes ?? undefined}>per {formatShortDate(row.lastUpdateDate)}</span>}
      </td>
      <td className="small">
        <a href={`#/rapat/${row.meetingId}`}>{row.meetingTitle}</a>
        <span className="muted block">{formatShortDate(row.meetingDate)}</span>
      </td>
    </tr>
  );
}
