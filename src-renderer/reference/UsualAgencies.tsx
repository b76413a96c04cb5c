import { useState } from 'react';
import type { Agency, Indicator } from '../../shared/types';
import { exactAgency } from '../../shared/agency-match';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { agencyLabel, agencyShort } from '../agency/agencyInput';

/**
 * "OPD yang biasa mengampu" of one indicator: links to agencies (chips, in order; a renamed
 * agency shows its new name), added by typing an abbreviation or a name (the list suggests).
 * Text from before the links that matched no agency stays visible below, for the user to fix.
 */
export function UsualAgencies({ indicator: i, agencies }: { indicator: Indicator; agencies: Agency[] }) {
  const set = useApiMutation('reference.setUsualAgencies');
  const updateIndicator = useApiMutation('reference.updateIndicator');
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const active = agencies.filter((a) => a.active && !i.usualAgencyIds.includes(a.id));
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  async function save(ids: number[]) {
    try {
      await set.call({ indicatorId: i.id, agencyIds: ids });
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    }
  }
  async function add() {
    const text = typed.trim();
    if (text === '') return;
    const found = active.find((a) => agencyLabel(a).toLowerCase() === text.toLowerCase()) ?? exactAgency(text, active);
    if (!found) {
      setError(`“${text}” tidak ada di daftar instansi. Pilih dari daftar, atau tambahkan dulu di menu Instansi.`);
      return;
    }
    setTyped('');
    await save([...i.usualAgencyIds, found.id]);
  }
  const listId = `usual-agency-options-${i.id}`;
  return (
    <div className="usual-agencies">
      <ul className="chips small" aria-label={`Instansi yang biasa mengampu indikator ${i.number}`}>
        {i.usualAgencyIds.map((id) => {
          const a = byId.get(id);
          return (
            <li key={id} className="chip" title={a?.name}>
              {agencyShort(a) || '(instansi dihapus)'}
              <button type="button" className="chip-remove" aria-label={`Hapus ${agencyShort(a)} dari indikator ${i.number}`}
                onClick={() => void save(i.usualAgencyIds.filter((x) => x !== id))}>×</button>
            </li>
          );
        })}
      </ul>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`usual-agency-${i.id}`} className="visually-hidden">Tambah instansi indikator {i.number}</label>
        <input id={`usual-agency-${i.id}`} list={listId} value={typed} placeholder="+ Tambah instansi"
          aria-invalid={Boolean(error)} aria-describedby={error ? `usual-agency-${i.id}-error` : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } }}
          onBlur={() => { if (typed.trim()) void add(); }} />
        <datalist id={listId}>{active.map((a) => <option key={a.id} value={agencyLabel(a)} />)}</datalist>
        {error && <div className="field-error" id={`usual-agency-${i.id}-error`} role="alert">{error}</div>}
      </div>
      {i.usualAgencies.trim() !== '' && (
        <AutoText saveKey={`indicator:${i.id}:usual`} label={`Teks lama yang belum cocok dengan instansi (indikator ${i.number})`} className="unmatched"
          hint="Tambahkan instansinya di atas, lalu kosongkan teks ini." initial={i.usualAgencies}
          save={(v, k) => updateIndicator.call({ id: i.id, usualAgencies: v }, k)} />
      )}
    </div>
  );
}
