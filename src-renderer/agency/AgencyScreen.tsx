import { useMemo, useState } from 'react';
import { createColumnHelper, useTable } from '@tanstack/react-table';
import type { Agency, AgencyKind } from '../../shared/types';
import { AGENCY_KIND_LABEL, AGENCY_KINDS, PARTNER_TYPES } from '../../shared/api/agency';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { EmptyState } from '../components/EmptyState';
import { AgencyForm } from './AgencyForm';
import { SortableTableHead } from '../components/SortableTableHead';
import { sortingFeatures } from '../components/sortingTable';
import { useDebounced } from '../hooks/useDebounced';

const features = sortingFeatures;
const helper = createColumnHelper<typeof features, Agency>();

/** The master list of OPD, instansi vertikal and mitra: search, filter, sort, add, edit, delete. */
export function AgencyScreen() {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const debouncedSearch = useDebounced(search, 200);
  const query = useApiQuery('agency.list', { search: debouncedSearch, ...(kind ? { kind } : {}) });
  const deletion = useApiMutation('agency.delete');
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const notice = useNotice();
  const data = useMemo(() => query.data ?? [], [query.data]);

  const removal = useConfirmedDelete<Agency>({
    title: 'Hapus instansi?',
    message: (a) => `${a.name} akan dihapus dari daftar. Instansi yang sudah dipakai di rapat tidak dapat dihapus.`,
    remove: (a) => deletion.call({ id: a.id }),
    done: (a) => `${a.name} dihapus.`,
  });
  // ask is the dialog's state setter: stable, so the columns are built once.
  const askRemoval = removal.ask;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', { header: 'Nama instansi', sortFn: 'text' }),
        helper.accessor('abbreviation', { header: 'Singkatan', sortFn: 'text' }),
        helper.accessor('kind', {
          header: 'Jenis',
          cell: (info) => {
            const a = info.row.original;
            return a.kind === 'mitra' && a.partnerType ? `Mitra · ${PARTNER_TYPES[a.partnerType] ?? a.partnerType}` : AGENCY_KIND_LABEL[a.kind];
          },
        }),
        helper.accessor('active', { header: 'Status', cell: (info) => (info.getValue() ? 'Aktif' : 'Nonaktif') }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Tindakan</span>,
          cell: (info) => (
            <div className="row-actions">
              <button type="button" onClick={() => setEditing(info.row.original)} aria-label={`Ubah ${info.row.original.name}`}>Ubah</button>
              <button type="button" className="danger-text" onClick={() => askRemoval(info.row.original)} aria-label={`Hapus ${info.row.original.name}`}>Hapus</button>
            </div>
          ),
        }),
      ]),
    [askRemoval],
  );
  const table = useTable({ features, columns, data });

  return (
    <section className="screen" aria-labelledby="agency-title">
      <header className="screen-header">
        <div>
          <h1 id="agency-title">Instansi</h1>
          <p className="subtitle">OPD, instansi vertikal, dan mitra anggota Gugus Tugas KLA.</p>
        </div>
        <button type="button" className="primary" onClick={() => setEditing('new')}>+ Tambah instansi</button>
      </header>

      {editing && (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notice('success', `${saved.name} tersimpan.`);
          }}
        />
      )}

      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder="Cari nama atau singkatan…"
          aria-label="Cari instansi"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Saring jenis" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind | '')}>
          <option value="">Semua jenis</option>
          {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABEL[k]}</option>)}
        </select>
        <span className="count">{data.length} instansi</span>
      </div>

      {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      {!query.isPending && data.length === 0 ? (
        <EmptyState title={search || kind ? 'Tidak ada instansi yang cocok.' : 'Belum ada instansi.'}>
          {search || kind ? 'Ubah kata kunci atau saringan.' : 'Tambahkan OPD, instansi vertikal, dan mitra Gugus Tugas.'}
        </EmptyState>
      ) : (
        <table className="data-table" aria-label="Daftar instansi">
          <SortableTableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.active ? '' : 'inactive'}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}><table.FlexRender cell={cell} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {removal.dialog}
    </section>
  );
}
