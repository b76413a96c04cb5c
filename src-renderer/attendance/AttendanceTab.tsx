import { useEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Attendee } from '../../shared/meeting';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { agencyLabel, agencyShort, resolveAgency } from '../agency/agencyInput';
import { focusVisibly, peekCheckIn, takeCheckIn } from '../components/focus';
import type { FocusRequest, TabProps } from '../workspace/tab-props';
import { SortableTableHead } from '../components/SortableTableHead';
import { sortingFeatures } from '../components/sortingTable';
import { forNewEntries } from '../workspace/meeting-agencies';
import { useUndoableDelete } from '../components/useUndoableDelete';

type Row = Attendee & { agencyName: string };

const features = sortingFeatures;
const helper = createColumnHelper<typeof features, Row>();
const ROW_HEIGHT = 52;

/** Daftar hadir: check in the invited, add walk-ins with the keyboard alone, count per instansi. */
export function AttendanceTab({ ws, agencies, editable, focus }: TabProps & { focus: FocusRequest }) {
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  // The cached workspace is the list: every write puts its row there (api/write-effects.ts).
  const rows = ws.attendance;
  const update = useApiMutation('attendance.update');
  const deletion = useUndoableDelete('attendance.delete', 'Peserta dihapus.');
  // A ticked box shows at once; the saved row replaces it when the core answers.
  const [ticking, setTicking] = useState<Map<number, boolean>>(new Map());
  const [search, setSearch] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus?.what === 'attendee') nameRef.current?.focus();
  }, [focus]);

  const data: Row[] = useMemo(() => {
    const key = search.trim().toLowerCase();
    const all = rows.map((r) => ({ ...r, present: ticking.get(r.id) ?? r.present, agencyName: r.agencyId ? agencyShort(byId.get(r.agencyId)) : r.agencyText }));
    return key ? all.filter((r) => `${r.name} ${r.jobTitle} ${r.agencyName} ${r.phone}`.toLowerCase().includes(key)) : all;
  }, [rows, ticking, search, byId]);

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

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('position', { header: 'No', sortFn: 'alphanumeric', cell: (i) => <span className="num">{i.row.index + 1}</span> }),
        helper.accessor('present', {
          header: 'Hadir',
          sortFn: 'alphanumeric',
          cell: (i) => (
            <input type="checkbox" checked={i.getValue()} aria-label={`Hadir: ${i.row.original.name}`} onChange={(e) => void setPresent(i.row.original, e.target.checked)} />
          ),
        }),
        helper.accessor('name', {
          header: 'Nama',
          sortFn: 'text',
          cell: (i) => (
            <AutoText saveKey={`attendance:${i.row.original.id}:name`} label={`Nama peserta ${i.row.index + 1}`} hideLabel initial={i.getValue()} required path="name"
              save={(v, k) => update.call({ id: i.row.original.id, name: v }, k)} />
          ),
        }),
        helper.accessor('jobTitle', {
          header: 'Jabatan',
          sortFn: 'text',
          cell: (i) => (
            <AutoText saveKey={`attendance:${i.row.original.id}:jobTitle`} label={`Jabatan peserta ${i.row.index + 1}`} hideLabel initial={i.getValue()}
              save={(v, k) => update.call({ id: i.row.original.id, jobTitle: v }, k)} />
          ),
        }),
        helper.accessor('agencyName', { header: 'Instansi', sortFn: 'text' }),
        helper.accessor('phone', {
          header: 'No. HP',
          sortFn: 'text',
          cell: (i) => (
            <AutoText saveKey={`attendance:${i.row.original.id}:phone`} label={`No. HP peserta ${i.row.index + 1}`} hideLabel initial={i.getValue()} path="phone"
              input={{ inputMode: 'tel' }} save={(v, k) => update.call({ id: i.row.original.id, phone: v }, k)} />
          ),
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">Tindakan</span>,
          cell: (i) => <button type="button" className="danger-text small-button" onClick={() => void deletion.remove(i.row.original.id)} aria-label={`Hapus ${i.row.original.name}`}>Hapus</button>,
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const table = useTable({ features, columns, data });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tableRows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const present = rows.filter((r) => r.present).length;

  return (
    <fieldset disabled={!editable} className="plain">
      <div className="card">
        <h2>Tambah peserta</h2>
        <p className="muted small">Ketik lalu Tab ke kolom berikutnya; Enter menyimpan dan kembali ke Nama. Pintasan: Alt+H.</p>
        <NewAttendeeRow meetingId={ws.meeting.id} agencies={forNewEntries(agencies)} nameRef={nameRef} />
      </div>

      <div className="attendance-summary card" aria-label="Rekap kehadiran per instansi">
        <strong data-testid="present-count">{present} hadir</strong>
        <span className="muted"> dari {rows.length} peserta terdaftar</span>
        <div className="chips small">
          {perAgency.map(([name, n]) => <span key={name} className="chip static" data-testid="agency-count">{name}: {n}</span>)}
        </div>
      </div>

      <div className="toolbar">
        <input type="search" className="search" placeholder="Cari nama, jabatan, instansi…" aria-label="Cari peserta" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="count">{data.length} baris</span>
      </div>
      <div className="virtual-scroll" ref={scrollRef}>
        <table className="data-table compact attendance-table" aria-label="Daftar hadir">
          <SortableTableHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} />
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padTop, padding: 0, border: 0 }} /></tr>}
            {items.map((v) => {
              const row = tableRows[v.index];
              return (
                <tr key={row.original.id} data-testid="attendee-row" className={row.original.present ? '' : 'absent'} style={{ height: ROW_HEIGHT }}>
                  {row.getAllCells().map((cell) => <td key={cell.id}><table.FlexRender cell={cell} /></td>)}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padBottom, padding: 0, border: 0 }} /></tr>}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty-note">Belum ada peserta. Tambahkan di atas.</p>}
      </div>
    </fieldset>
  );
}

function NewAttendeeRow({ meetingId, agencies, nameRef }: {
  meetingId: number; agencies: TabProps['agencies']; nameRef: React.RefObject<HTMLInputElement | null>;
}) {
  const create = useApiMutation('attendance.create');
  const empty = { name: '', jobTitle: '', agency: '', phone: '' };
  // Arriving from "Hadir →" on an invited agency: a row of that agency, the name to type next.
  const [draft, setDraft] = useState(() => {
    const agency = agencies.find((a) => a.id === peekCheckIn());
    return agency ? { ...empty, agency: agencyLabel(agency) } : empty;
  });
  useEffect(() => {
    if (takeCheckIn() !== null) focusVisibly(nameRef.current);
  }, [nameRef]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit() {
    if (draft.name.trim() === '') {
      setErrors({ name: t('field.required') });
      nameRef.current?.focus();
      return;
    }
    try {
      await create.call({ meetingId, name: draft.name, jobTitle: draft.jobTitle, phone: draft.phone, ...resolveAgency(draft.agency, agencies) });
      setDraft(empty);
      setErrors({});
      nameRef.current?.focus();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
    }
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };
  const cell = (key: keyof typeof empty, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, errorKey: string = key) => (
    <div className={`field${errors[errorKey] ? ' has-error' : ''}`}>
      <label htmlFor={`new-attendee-${key}`}>{label}</label>
      <input id={`new-attendee-${key}`} {...extra} ref={key === 'name' ? nameRef : undefined} value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} onKeyDown={onKeyDown} />
      {errors[errorKey] && <div className="field-error" role="alert">{errors[errorKey]}</div>}
    </div>
  );
  return (
    <div className="add-row attendee-add" data-testid="new-attendee">
      {cell('name', 'Nama')}
      {cell('jobTitle', 'Jabatan')}
      {cell('agency', 'Instansi', { list: 'agency-options', placeholder: 'Singkatan atau nama' }, 'agencyText')}
      {cell('phone', 'No. HP', { inputMode: 'tel' })}
      <datalist id="agency-options">
        {agencies.map((a) => <option key={a.id} value={agencyLabel(a)} />)}
      </datalist>
      <button type="button" className="primary" disabled={create.pending} onClick={() => void submit()}>Tambah</button>
    </div>
  );
}
