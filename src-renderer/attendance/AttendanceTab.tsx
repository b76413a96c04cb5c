import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper, useTable } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Attendee } from '../../shared/meeting';
import { normalizeNip, formatNip } from '../../shared/nip';
import { t } from '../../shared/messages';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { agencyShort } from '../agency/agencyInput';
import type { FocusRequest, TabProps } from '../workspace/tab-props';
import { SortableTableHead } from '../components/SortableTableHead';
import { sortingFeatures } from '../components/sortingTable';
import { forNewEntries } from '../workspace/meeting-agencies';
import { useUndoableDelete } from '../components/useUndoableDelete';
import { AgencyCell } from './AgencyCell';
import { NewAttendeeRow } from './NewAttendeeRow';
import { useAgencyResolver } from './useAgencyResolver';

type Row = Attendee & { agencyName: string };
type Sorting = { id: string; desc: boolean }[];

const features = sortingFeatures;
const helper = createColumnHelper<typeof features, Row>();
/** Two lines per person (nama over jabatan, NIP over pangkat): nine fields fit a 1024-px screen. */
const ROW_HEIGHT = 86;
const COLUMNS = 7;
/** Above this many rows only those near the window are in the page. */
const VIRTUAL_FROM = 80;

/** Sorting and headers only: the cells are drawn by the component (cellOf), which holds the callbacks. */
const COLUMN_DEFS = helper.columns([
  helper.accessor('position', { header: 'No', sortFn: 'alphanumeric' }),
  helper.accessor('present', { header: 'Hadir', sortFn: 'alphanumeric' }),
  helper.accessor('name', { header: 'Nama / Jabatan', sortFn: 'text' }),
  helper.accessor('nip', { header: 'NIP / Pangkat', sortFn: 'alphanumeric' }),
  helper.accessor('agencyName', { header: 'Instansi', sortFn: 'text' }),
  helper.accessor('phone', { header: 'No. HP', sortFn: 'text' }),
  helper.display({ id: 'actions', header: () => <span className="visually-hidden">Tindakan</span> }),
]);

/** A NIP is checked while typing the way the core checks it (18 digits, spaces and dots allowed). */
const nipProblem = (v: string) => (v.trim() === '' || normalizeNip(v) ? undefined : t('field.nip'));

/**
 * Daftar hadir: check in the invited, add walk-ins with the keyboard alone, correct any field of
 * a row in place (its instansi too), count per instansi. The list scrolls with the page (one
 * scrollbar, whatever the screen height); "No" is the number in the order shown, and a sorted
 * order can become the printed one (Lampiran I).
 */
export function AttendanceTab({ ws, agencies, editable, focus }: TabProps & { focus: FocusRequest }) {
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const pickable = useMemo(() => forNewEntries(agencies), [agencies]);
  const resolver = useAgencyResolver(pickable);
  // The cached workspace is the list: every write puts its row there (api/write-effects.ts).
  const rows = ws.attendance;
  const update = useApiMutation('attendance.update');
  const reorder = useApiMutation('attendance.reorder');
  const deletion = useUndoableDelete('attendance.delete', 'Peserta dihapus.');
  // A ticked box shows at once; the saved row replaces it when the core answers.
  const [ticking, setTicking] = useState<Map<number, boolean>>(new Map());
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<Sorting>([]);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus?.what === 'attendee') nameRef.current?.focus();
  }, [focus]);

  const data: Row[] = useMemo(
    () => rows.map((r) => ({ ...r, present: ticking.get(r.id) ?? r.present, agencyName: r.agencyId ? agencyShort(byId.get(r.agencyId)) : r.agencyText })),
    [rows, ticking, byId],
  );

  const perAgency = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (!r.present) continue;
      const name = (r.agencyId ? agencyShort(byId.get(r.agencyId)) : r.agencyText) || 'Tanpa instansi';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
  }, [rows, byId]);

  async function setPresent(r: Attendee, present: boolean) {
    setTicking((m) => new Map(m).set(r.id, present));
    try {
      await update.call({ id: r.id, present });
    } finally {
      setTicking((m) => { const next = new Map(m); next.delete(r.id); return next; });
    }
  }

  const table = useTable({
    features, columns: COLUMN_DEFS, data,
    state: { sorting },
    onSortingChange: (next) => setSorting((prev) => (typeof next === 'function' ? next(prev) : next)),
  });
  const sorted = table.getRowModel().rows;
  // "No" follows the order shown; a search only hides rows, it does not renumber them.
  const number = new Map(sorted.map((r, i) => [r.original.id, i + 1]));
  const key = search.trim().toLowerCase();
  const shownRows = key
    ? sorted.filter(({ original: r }) => `${r.name} ${r.jobTitle} ${r.agencyName} ${r.phone} ${r.nip} ${r.rank}`.toLowerCase().includes(key))
    : sorted;
  const orderDiffers = sorting.length > 0 && sorted.some((r, i) => r.original.id !== rows[i]?.id);

  // The list scrolls with the page: one scrollbar, whatever the window height.
  const listRef = useRef<HTMLDivElement>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setListTop((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // A usual rakor (a few dozen people) is drawn whole, so the browser's own find works; a
  // plenary of hundreds draws only the rows near the window.
  const virtual = shownRows.length > VIRTUAL_FROM;
  const virtualizer = useWindowVirtualizer({ count: virtual ? shownRows.length : 0, estimateSize: () => ROW_HEIGHT, overscan: 6, scrollMargin: listTop });
  const items = virtual ? virtualizer.getVirtualItems() : shownRows.map((_, index) => ({ index }));
  const first = virtualizer.getVirtualItems()[0] as { start: number } | undefined;
  const last = virtualizer.getVirtualItems().at(-1);
  const padTop = virtual && first ? first.start - listTop : 0;
  const padBottom = virtual && last ? virtualizer.getTotalSize() - (last.end - listTop) : 0;
  const present = rows.filter((r) => r.present).length;

  const text = (r: Row, field: 'name' | 'jobTitle' | 'nip' | 'rank' | 'phone', label: string, extra: Partial<Parameters<typeof AutoText>[0]> = {}) => (
    <AutoText saveKey={`attendance:${r.id}:${field}`} label={`${label} peserta ${number.get(r.id)}`} hideLabel initial={r[field]} path={field} {...extra}
      save={(v, k) => update.call({ id: r.id, [field]: v }, k)} />
  );
  /** One cell of a row: every field editable in place. */
  function cellOf(column: string, r: Row) {
    switch (column) {
      case 'position':
        return <span className="num">{number.get(r.id)}</span>;
      case 'present':
        return <input type="checkbox" checked={r.present} aria-label={`Hadir: ${r.name}`} onChange={(e) => void setPresent(r, e.target.checked)} />;
      case 'name':
        return (
          <div className="stacked">
            {text(r, 'name', 'Nama', { required: true })}
            {text(r, 'jobTitle', 'Jabatan', { input: { placeholder: 'Jabatan' } })}
          </div>
        );
      case 'nip':
        return (
          <div className="stacked">
            {text(r, 'nip', 'NIP', { check: nipProblem, initial: r.nip ? formatNip(r.nip) : '', input: { placeholder: 'NIP (jika ASN)', inputMode: 'numeric', maxLength: 40 } })}
            {text(r, 'rank', 'Pangkat/golongan', { input: { placeholder: 'Pangkat/gol.' } })}
          </div>
        );
      case 'agencyName':
        return (
          <AgencyCell key={`${r.id}:${r.agencyName}`} row={r} shown={r.agencyName} label={`Instansi peserta ${number.get(r.id)}`} resolve={resolver.resolve}
            save={(choice) => update.call({ id: r.id, ...choice })} />
        );
      case 'phone':
        return text(r, 'phone', 'No. HP', { input: { inputMode: 'tel' } });
      default:
        return <button type="button" className="danger-text small-button" onClick={() => void deletion.remove(r.id)} aria-label={`Hapus ${r.name}`}>Hapus</button>;
    }
  }

  async function keepOrder() {
    await reorder.call({ meetingId: ws.meeting.id, ids: sorted.map((r) => r.original.id) });
    setSorting([]);
  }

  return (
    <fieldset disabled={!editable} className="plain">
      <div className="card">
        <h2>Tambah peserta</h2>
        <p className="muted small">Ketik lalu Tab ke kolom berikutnya; Enter menyimpan dan kembali ke Nama. Pintasan: Alt+H.</p>
        <NewAttendeeRow meetingId={ws.meeting.id} agencies={pickable} nameRef={nameRef} resolveAgency={resolver.resolve} />
      </div>
      {resolver.dialog}

      <div className="attendance-summary card" aria-label="Rekap kehadiran per instansi">
        <strong data-testid="present-count">{present} hadir</strong>
        <span className="muted"> dari {rows.length} peserta terdaftar</span>
        <div className="chips small">
          {perAgency.map(([name, n]) => <span key={name} className="chip static" data-testid="agency-count">{name}: {n}</span>)}
        </div>
      </div>

      <div className="toolbar">
        <input type="search" className="search" placeholder="Cari nama, jabatan, instansi, NIP…" aria-label="Cari peserta" value={search} onChange={(e) => setSearch(e.target.value)} />
        {orderDiffers && (
          <button type="button" onClick={() => void keepOrder()} disabled={reorder.pending}
            title="Lampiran I notulen mencetak dan menomori peserta dalam urutan ini">Pakai urutan ini untuk cetak</button>
        )}
        <span className="count">{shownRows.length} baris</span>
      </div>
      <div className="attendance-list" ref={listRef}>
        <table className="data-table compact attendance-table" aria-label="Daftar hadir">
          <SortableTableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} />
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={COLUMNS} style={{ height: padTop, padding: 0, border: 0 }} /></tr>}
            {items.map((v) => {
              const row = shownRows[v.index];
              return (
                <tr key={row.original.id} data-testid="attendee-row" className={row.original.present ? '' : 'absent'} style={{ height: ROW_HEIGHT }}>
                  {row.getAllCells().map((cell) => <td key={cell.id}>{cellOf(cell.column.id, row.original)}</td>)}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={COLUMNS} style={{ height: padBottom, padding: 0, border: 0 }} /></tr>}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty-note">Belum ada peserta. Tambahkan di atas.</p>}
      </div>
    </fieldset>
  );
}
