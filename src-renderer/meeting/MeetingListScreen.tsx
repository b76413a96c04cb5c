import { useMemo, useState } from 'react';
import { createColumnHelper, useTable } from '@tanstack/react-table';
import type { MeetingSummary } from '../../shared/meeting';
import { MEETING_STATUS_LABEL } from '../../shared/meeting';
import type { MeetingStatus } from '../../shared/types';
import { clusterLabel } from '../../shared/kla';
import { formatShortDate, formatTimeRange } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { navigate } from '../router';
import { useNotice } from '../components/Notice';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { EmptyState } from '../components/EmptyState';
import { NewMeetingForm } from './NewMeetingForm';
import { DuplicateDialog } from './DuplicateDialog';
import { requestArrivalFocus } from '../components/focus';
import { StatusBadge } from './StatusBadge';
import './meeting.css';
import { SortableTableHead } from '../components/SortableTableHead';
import { sortingFeatures } from '../components/sortingTable';
import { useDebounced } from '../hooks/useDebounced';
import { api } from '../api/client';
import { deletePreviewOf } from './delete-preview';

const features = sortingFeatures;
const PAGE = 50;
const helper = createColumnHelper<typeof features, MeetingSummary>();

/** All rapat, newest first: search, filter by tahun / klaster / status, create, duplicate, delete. */
export function MeetingListScreen({ creating }: { creating?: boolean }) {
  const [search, setSearch] = useState('');
  const [year, setYear] = useState('');
  const [cluster, setCluster] = useState('');
  const [status, setStatus] = useState<MeetingStatus | ''>('');
  const debounced = useDebounced(search, 200);
  // Pages of 50, newest first: a ten-year history is never loaded (nor counted) as a whole.
  const [pages, setPages] = useState(1);
  const query = useApiQuery('meeting.list', {
    search: debounced,
    ...(year ? { year: Number(year) } : {}),
    ...(cluster ? { clusterCode: cluster } : {}),
    ...(status ? { status } : {}),
    limit: pages * PAGE + 1,
  }, { keepPrevious: true });
  const allYears = useApiQuery('meeting.years', {});
  const duplication = useApiMutation('meeting.duplicate');
  const deletion = useApiMutation('meeting.delete');
  const notice = useNotice();
  // One row beyond the pages asked for says whether there is more.
  const more = (query.data?.length ?? 0) > pages * PAGE;
  const data = useMemo(() => (query.data ?? []).slice(0, pages * PAGE), [query.data, pages]);
  const years = useMemo(() => (allYears.data ?? []).map(String), [allYears.data]);

  const [copying, setCopying] = useState<MeetingSummary | null>(null);
  async function duplicate(m: MeetingSummary, date: string) {
    try {
      const copy = await duplication.call({ id: m.id, date });
      setCopying(null);
      requestArrivalFocus();
      notice('success', 'Rapat disalin sebagai draf baru.');
      navigate(`/rapat/${copy.id}`);
    } catch (e) {
      notice('error', (e as Error).message);
    }
  }

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('date', {
          header: 'Tanggal',
          sortFn: 'text',
          cell: (info) => (
            <span className="nowrap">{formatShortDate(info.getValue())}<br /><span className="muted small">{formatTimeRange(info.row.original.startTime, info.row.original.endTime, info.row.original.timeZone)}</span></span>
          ),
        }),
        helper.accessor('title', {
          header: 'Judul rapat',
          sortFn: 'text',
          cell: (info) => (
            <a href={`#/rapat/${info.row.original.id}`} className="strong-link">{info.getValue()}</a>
          ),
        }),
        helper.accessor((m) => m.clusterCodes.map(clusterLabel).join(', '), { id: 'clusters', header: 'Klaster', sortFn: 'text' }),
        helper.accessor('status', { header: 'Status', sortFn: 'text', cell: (info) => <StatusBadge status={info.getValue()} /> }),
        helper.accessor('attendeeCount', { header: 'Hadir', sortFn: 'alphanumeric', cell: (info) => <span className="num">{info.getValue()}</span> }),
        helper.accessor('actionCount', { header: 'RTL', sortFn: 'alphanumeric', cell: (info) => <span className="num">{info.getValue()}</span> }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Tindakan</span>,
          cell: (info) => (
            <div className="row-actions">
              <button type="button" onClick={() => setCopying(info.row.original)} aria-label={`Duplikat ${info.row.original.title}`}>Duplikat</button>
              {/* A closed meeting is the official record: it offers no delete (reopen it first). */}
              {info.row.original.status !== 'selesai' && (
                <button type="button" className="danger-text" onClick={() => removal.ask(info.row.original)} aria-label={`Hapus ${info.row.original.title}`}>Hapus</button>
              )}
            </div>
          ),
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const table = useTable({ features, columns, data });
  const removal = useConfirmedDelete<MeetingSummary>({
    title: 'Hapus rapat?',
    message: async (m) => deletePreviewOf(await api.call('meeting.deletePreview', { id: m.id })),
    remove: (m) => deletion.call({ id: m.id }),
    done: () => 'Rapat dihapus.',
  });

  const filtered = Boolean(search || year || cluster || status);
  return (
    <section className="screen" aria-labelledby="meetings-title">
      <header className="screen-header">
        <div>
          <h1 id="meetings-title">Rapat koordinasi</h1>
          <p className="subtitle">Semua rakor Gugus Tugas KLA, terbaru di atas.</p>
        </div>
        {!creating && <button type="button" className="primary" onClick={() => navigate('/rapat/baru')}>+ Rapat baru</button>}
      </header>

      {creating && <NewMeetingForm onCancel={() => navigate('/rapat')} />}

      <div className="toolbar wrap">
        <input type="search" className="search" placeholder="Cari judul atau tempat…" aria-label="Cari rapat" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Saring tahun" value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">Semua tahun</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <select aria-label="Saring klaster" value={cluster} onChange={(e) => setCluster(e.target.value)}>
          <option value="">Semua klaster</option>
          {['KL', 'I', 'II', 'III', 'IV', 'V'].map((c) => <option key={c} value={c}>{clusterLabel(c)}</option>)}
        </select>
        <select aria-label="Saring status" value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus | '')}>
          <option value="">Semua status</option>
          {(Object.keys(MEETING_STATUS_LABEL) as MeetingStatus[]).map((s) => <option key={s} value={s}>{MEETING_STATUS_LABEL[s]}</option>)}
        </select>
        <span className="count">{data.length}{more ? '+' : ''} rapat</span>
      </div>

      {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      {!query.isPending && data.length === 0 ? (
        <EmptyState title={filtered ? 'Tidak ada rapat yang cocok.' : 'Belum ada rapat.'}>
          {filtered ? 'Ubah kata kunci atau saringan.' : 'Buat rapat koordinasi pertama dengan tombol “+ Rapat baru”.'}
        </EmptyState>
      ) : (
        <div className="table-scroll">
        <table className="data-table" aria-label="Daftar rapat">
          <SortableTableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="meeting-row">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}><table.FlexRender cell={cell} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}

      {more && (
        <p className="load-more"><button type="button" onClick={() => setPages((p) => p + 1)}>Tampilkan {PAGE} rapat berikutnya</button></p>
      )}

      {removal.dialog}
      {copying && <DuplicateDialog source={copying} onCopy={(date) => duplicate(copying, date)} onCancel={() => setCopying(null)} />}
    </section>
  );
}
