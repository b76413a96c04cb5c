import { useEffect, useMemo, useRef, useState } from 'react';
import type { Agency, AgencyKind } from '../../shared/types';
import { AGENCY_KIND_LABEL } from '../../shared/api/agency';
import { ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { navigate } from '../router';
import { useNotice } from '../components/Notice';
import { agencyLabel, agencyShort } from '../agency/agencyInput';
import { requestCheckIn } from '../components/focus';
import type { TabProps } from '../workspace/tab-props';
import { forNewEntries } from '../workspace/meeting-agencies';

/**
 * Who is invited, set in one step per group (the cluster's usual agencies, all OPD, all
 * vertikal, all mitra, all kab/kota, a saved group, everything a search shows) with one
 * meeting.setInvitations write each; each invited agency can be checked in from here.
 */
export function Invitations({ ws, agencies, editable }: TabProps) {
  const meetingId = ws.meeting.id;
  const setMany = useApiMutation('meeting.setInvitations');
  const groups = useApiQuery('agencyGroup.list', {});
  const createGroup = useApiMutation('agencyGroup.create');
  const updateGroup = useApiMutation('agencyGroup.update');
  const deleteGroup = useApiMutation('agencyGroup.delete');
  const notice = useNotice();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [groupId, setGroupId] = useState('');
  const [groupName, setGroupName] = useState('');
  const [renaming, setRenaming] = useState(false);
  const listRef = useRef<HTMLTableSectionElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const invited = useMemo(() => new Set(ws.invitedAgencyIds), [ws.invitedAgencyIds]);
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const invitedRows = ws.invitedAgencyIds.map((id) => byId.get(id)).filter((a): a is Agency => Boolean(a));
  const needle = search.trim().toLowerCase();
  const visible = forNewEntries(agencies).filter((a) => !invited.has(a.id) && (!kind || a.kind === kind)
    && (!needle || a.name.toLowerCase().includes(needle) || a.abbreviation.toLowerCase().includes(needle)));
  const group = groups.data?.find((g) => String(g.id) === groupId);

  async function invite(ids: number[], what: string) {
    const fresh = ids.filter((id) => !invited.has(id));
    if (fresh.length === 0) return notice('info', `Semua ${what} sudah diundang.`);
    await setMany.call({ meetingId, agencyIds: fresh, invited: true });
    notice('success', `${fresh.length} instansi diundang (${what}).`);
  }
  // After "Batal undang" the row is gone: focus the next row's button (or the previous, or the
  // status line), once the list shown no longer has it. Never the page body.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRow.current;
    if (index === null) return;
    focusRow.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-uninvite]') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? statusRef.current)?.focus();
  }, [ws.invitedAgencyIds]);
  async function uninvite(agency: Agency, index: number) {
    focusRow.current = index;
    await setMany.call({ meetingId, agencyIds: [agency.id], invited: false });
  }
  function checkIn(agency: Agency) {
    requestCheckIn(agency.id);
    navigate(`/rapat/${meetingId}/hadir`);
  }
  async function saveGroup() {
    try {
      if (renaming && group) {
        await updateGroup.call({ id: group.id, name: groupName });
        notice('success', 'Nama kelompok diubah.');
      } else {
        const g = await createGroup.call({ name: groupName, agencyIds: ws.invitedAgencyIds });
        setGroupId(String(g.id));
        notice('success', `Kelompok “${g.name}” disimpan (${g.agencyIds.length} instansi).`);
      }
      setGroupName('');
      setRenaming(false);
    } catch (e) {
      notice('error', e instanceof ApiCallError ? (e.fields[0]?.message ?? e.message) : (e as Error).message);
    }
  }
  const ofKind = (k: AgencyKind) => forNewEntries(agencies).filter((a) => a.kind === k).map((a) => a.id);

  return (
    <div className="card invitations">
      <h2>Instansi yang diundang</h2>
      <p className="muted small" ref={statusRef} tabIndex={-1} role="status">{invited.size} instansi diundang.</p>
      {editable && (
        <div className="invite-groups" role="group" aria-label="Undang sekaligus">
          <span className="small strong">Undang sekaligus:</span>
          <button type="button" onClick={() => void invite(ws.suggestedAgencyIds, 'instansi biasa klaster ini')}>Biasa untuk klaster ini</button>
          <button type="button" onClick={() => void invite(ofKind('opd'), 'OPD')}>Semua OPD</button>
          <button type="button" onClick={() => void invite(ofKind('vertikal'), 'instansi vertikal')}>Semua instansi vertikal</button>
          <button type="button" onClick={() => void invite(ofKind('mitra'), 'mitra')}>Semua mitra</button>
          {ofKind('kabkota').length > 0 && <button type="button" onClick={() => void invite(ofKind('kabkota'), 'kabupaten/kota')}>Semua kabupaten/kota</button>}
        </div>
      )}
      {editable && (
        <div className="add-row saved-groups">
          <label htmlFor="saved-group" className="visually-hidden">Kelompok tersimpan</label>
          <select id="saved-group" value={groupId} onChange={(e) => { setGroupId(e.target.value); setRenaming(false); }}>
            <option value="">Kelompok tersimpan…</option>
            {(groups.data ?? []).map((g) => <option key={g.id} value={g.id}>{g.name} ({g.agencyIds.length})</option>)}
          </select>
          <button type="button" disabled={!group} onClick={() => group && void invite(group.agencyIds, `kelompok ${group.name}`)}>Undang kelompok</button>
          <button type="button" disabled={!group} onClick={() => { setRenaming(true); setGroupName(group?.name ?? ''); }}>Ganti nama</button>
          <button type="button" disabled={!group} className="danger-text" onClick={async () => {
            if (!group) return;
            await deleteGroup.call({ id: group.id });
            setGroupId('');
            notice('success', `Kelompok “${group.name}” dihapus.`);
          }}>Hapus kelompok</button>
          <label htmlFor="group-name" className="visually-hidden">{renaming ? 'Nama baru kelompok' : 'Nama kelompok baru'}</label>
          <input id="group-name" value={groupName} placeholder={renaming ? 'Nama baru' : 'Simpan undangan ini sebagai…'} onChange={(e) => setGroupName(e.target.value)} />
          <button type="button" disabled={groupName.trim() === '' || (!renaming && invited.size === 0)} onClick={() => void saveGroup()}>
            {renaming ? 'Simpan nama' : 'Simpan kelompok'}
          </button>
        </div>
      )}

      {invitedRows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact" aria-label="Instansi yang diundang">
            <thead><tr><th>Instansi</th><th>Jenis</th><th><span className="visually-hidden">Tindakan</span></th></tr></thead>
            <tbody ref={listRef}>
              {invitedRows.map((a, i) => (
                <tr key={a.id} data-testid="invited-row">
                  <td>{agencyLabel(a)}</td>
                  <td className="nowrap">{AGENCY_KIND_LABEL[a.kind]}</td>
                  <td className="nowrap"><div className="row-actions">
                    <button type="button" onClick={() => checkIn(a)} aria-label={`Isi daftar hadir ${agencyShort(a)}`}>Hadir →</button>
                    {editable && <button type="button" data-uninvite className="danger-text" onClick={() => void uninvite(a, i)} aria-label={`Batal undang ${agencyShort(a)}`}>Batal undang</button>}
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editable && (
        <div className="invite-others">
          <h3>Undang instansi lain</h3>
          <div className="toolbar wrap">
            <input type="search" className="search" aria-label="Cari instansi untuk diundang" placeholder="Cari singkatan atau nama…" value={search} onChange={(e) => setSearch(e.target.value)} />
            <select aria-label="Saring jenis instansi" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind | '')}>
              <option value="">Semua jenis</option>
              {(Object.keys(AGENCY_KIND_LABEL) as AgencyKind[]).map((k) => <option key={k} value={k}>{AGENCY_KIND_LABEL[k]}</option>)}
            </select>
            <button type="button" disabled={visible.length === 0} onClick={() => void invite(visible.map((a) => a.id), 'yang terlihat')}>
              Undang semua yang terlihat ({visible.length})
            </button>
          </div>
          <div className="chips">
            {visible.map((a) => (
              <button key={a.id} type="button" className="chip" onClick={() => void invite([a.id], agencyShort(a))} aria-label={`Undang ${agencyLabel(a)}`}>
                + {agencyShort(a)}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
