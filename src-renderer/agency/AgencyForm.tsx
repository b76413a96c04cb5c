import { useState, type FormEvent } from 'react';
import type { Agency, AgencyKind } from '../../shared/types';
import { AGENCY_KIND_LABEL, AGENCY_KINDS, PARTNER_TYPES } from '../../shared/api/agency';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { Field } from '../components/Field';

interface Props {
  agency: Agency | null;
  onSaved(agency: Agency): void;
  onCancel(): void;
}

/** Add or edit one agency. Errors from the core appear under their fields; nothing is saved wrong. */
export function AgencyForm({ agency, onSaved, onCancel }: Props) {
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'opd');
  const [partnerType, setPartnerType] = useState(agency?.partnerType || 'lainnya');
  const [name, setName] = useState(agency?.name ?? '');
  const [abbreviation, setAbbreviation] = useState(agency?.abbreviation ?? '');
  const [active, setActive] = useState(agency?.active ?? true);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const creation = useApiMutation('agency.create');
  const update = useApiMutation('agency.update');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fields = { kind, partnerType: kind === 'mitra' ? partnerType : '', name, abbreviation, active };
    try {
      const saved = agency ? await update.call({ id: agency.id, ...fields }) : await creation.call(fields);
      onSaved(saved);
    } catch (e) {
      setError(e instanceof ApiCallError ? e : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-label={agency ? 'Ubah instansi' : 'Tambah instansi'}>
      <h2>{agency ? 'Ubah instansi' : 'Tambah instansi'}</h2>
      <Field label="Nama instansi" error={error?.fieldMessage('name')}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus placeholder="mis. Dinas Kesehatan" />}
      </Field>
      <Field label="Singkatan" error={error?.fieldMessage('abbreviation')}>
        {(p) => <input {...p} value={abbreviation} onChange={(e) => setAbbreviation(e.target.value)} placeholder="mis. Dinkes" />}
      </Field>
      <Field label="Jenis">
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
            {AGENCY_KINDS.map((k) => <option key={k} value={k}>{AGENCY_KIND_LABEL[k]}</option>)}
          </select>
        )}
      </Field>
      {kind === 'mitra' && (
        <Field label="Jenis mitra">
          {(p) => (
            <select {...p} value={partnerType} onChange={(e) => setPartnerType(e.target.value)}>
              {Object.entries(PARTNER_TYPES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          )}
        </Field>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Aktif
      </label>
      {error && <p className="form-error" role="alert">{error.message}</p>}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Batal</button>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Menyimpan…' : 'Simpan'}</button>
      </div>
    </form>
  );
}
