import { useEffect, useMemo, useRef, useState } from 'react';
import type { Agency, AgencyKind } from '../../shared/types';
import { closestAgencies } from '../../shared/agency-match';
import { AGENCY_KINDS, AGENCY_KIND_LABEL } from '../../shared/api/agency';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { agencyLabel } from '../agency/agencyInput';

/** What the user chose for an instansi the master list does not know. */
export type AgencyChoice = { agencyId: number; agencyText: '' } | { agencyId: null; agencyText: string };

/**
 * A typed instansi that is not in the master list ("dp3a", "Dinas Kesehatan Kota Balikpapan"):
 * rather than storing it silently as another agency, offer the closest existing ones, adding it
 * as a new agency, or (said out loud) keeping it as text only. Native <dialog>: focus trap and
 * Escape for free; the first choice has the focus.
 */
export function UnknownAgencyDialog({ text, agencies, onChoose, onCancel }: {
  /** The typed text; null = closed. */
  text: string | null;
  agencies: Agency[];
  onChoose(choice: AgencyChoice): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (text !== null && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first button (Batal); the likely choice is another one.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (text === null && dialog.open) dialog.close();
    setAdding(false);
  }, [text]);
  const closest = useMemo(() => (text === null ? [] : closestAgencies(text, agencies)), [text, agencies]);

  return (
    <dialog ref={ref} className="dialog unknown-agency" aria-labelledby="unknown-agency-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="unknown-agency-title">Instansi “{text}” belum ada di daftar</h2>
      {text !== null && !adding && (
        <>
          {closest.length > 0 ? (
            <>
              <p>Mungkin yang dimaksud:</p>
              <ul className="choice-list">
                {closest.map((a, i) => (
                  <li key={a.id}>
                    <button type="button" data-autofocus={i === 0 ? '' : undefined} onClick={() => onChoose({ agencyId: a.id, agencyText: '' })}>{agencyLabel(a)}</button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Tidak ada instansi yang mirip di daftar.</p>
          )}
          <div className="dialog-actions wrap">
            <button type="button" onClick={onCancel}>Batal</button>
            <button type="button" onClick={() => onChoose({ agencyId: null, agencyText: text })}>Simpan sebagai teks saja</button>
            <button type="button" className="primary" data-autofocus={closest.length === 0 ? '' : undefined} onClick={() => setAdding(true)}>Tambah sebagai instansi baru</button>
          </div>
        </>
      )}
      {text !== null && adding && <NewAgencyForm text={text} onAdded={(a) => onChoose({ agencyId: a.id, agencyText: '' })} onBack={() => setAdding(false)} />}
    </dialog>
  );
}

/** Short one word ("dp3a", "BNNK") reads as an abbreviation; anything longer as the name. */
function guessFields(text: string): { name: string; abbreviation: string } {
  const typed = text.trim();
  return /^\S{1,12}$/.test(typed) ? { name: '', abbreviation: typed.toUpperCase() } : { name: typed, abbreviation: '' };
}

function NewAgencyForm({ text, onAdded, onBack }: { text: string; onAdded(a: Agency): void; onBack(): void }) {
  const create = useApiMutation('agency.create');
  const [draft, setDraft] = useState(() => ({ kind: 'opd' as AgencyKind, ...guessFields(text) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit() {
    try {
      onAdded(await create.call(draft));
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(e.fields.length ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : { name: e.message });
    }
  }
  const field = (key: 'name' | 'abbreviation', label: string) => (
    <div className={`field${errors[key] ? ' has-error' : ''}`}>
      <label htmlFor={`new-agency-${key}`}>{label}</label>
      <input id={`new-agency-${key}`} value={draft[key]} autoFocus={key === (draft.name ? 'abbreviation' : 'name')}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void submit(); } }} />
      {errors[key] && <div className="field-error" role="alert">{errors[key]}</div>}
    </div>
  );
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="new-agency-kind">Jenis</label>
        <select id="new-agency-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as AgencyKind })}>
          {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABEL[k]}</option>)}
        </select>
      </div>
      {field('name', 'Nama lengkap')}
      {field('abbreviation', 'Singkatan')}
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>Kembali</button>
        <button type="button" className="primary" disabled={create.pending} onClick={() => void submit()}>Tambah dan pakai</button>
      </div>
    </div>
  );
}
