import { useEffect, useState } from 'react';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { agencyLabel } from '../agency/agencyInput';
import { focusVisibly, peekCheckIn, takeCheckIn } from '../components/focus';
import type { TabProps } from '../workspace/tab-props';
import type { AgencyChoice } from './UnknownAgencyDialog';

const EMPTY = { name: '', jobTitle: '', agency: '', nip: '', rank: '', phone: '' };
type Draft = typeof EMPTY;

/** The entry row of the daftar hadir: keyboard only (Tab from field to field, Enter adds). */
export function NewAttendeeRow({ meetingId, agencies, nameRef, resolveAgency }: {
  meetingId: number;
  agencies: TabProps['agencies'];
  nameRef: React.RefObject<HTMLInputElement | null>;
  /** Known instansi at once; an unknown one asks first (null = the user went back to the row). */
  resolveAgency(text: string): Promise<AgencyChoice | null>;
}) {
  const create = useApiMutation('attendance.create');
  // Arriving from "Hadir →" on an invited agency: a row of that agency, the name to type next.
  const [draft, setDraft] = useState<Draft>(() => {
    const agency = agencies.find((a) => a.id === peekCheckIn());
    return agency ? { ...EMPTY, agency: agencyLabel(agency) } : EMPTY;
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
    const agency = await resolveAgency(draft.agency);
    if (!agency) {
      document.getElementById('new-attendee-agency')?.focus();
      return;
    }
    try {
      const { name, jobTitle, nip, rank, phone } = draft;
      await create.call({ meetingId, name, jobTitle, nip, rank, phone, ...agency });
      setDraft(EMPTY);
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
  const cell = (key: keyof Draft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, errorKey: string = key) => (
    <div className={`field field-${key}${errors[errorKey] ? ' has-error' : ''}`}>
      <label htmlFor={`new-attendee-${key}`}>{label}</label>
      <input id={`new-attendee-${key}`} {...extra} ref={key === 'name' ? nameRef : undefined} value={draft[key]}
        aria-invalid={Boolean(errors[errorKey])} aria-describedby={errors[errorKey] ? `new-attendee-${key}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} onKeyDown={onKeyDown} />
      {errors[errorKey] && <div className="field-error" id={`new-attendee-${key}-error`} role="alert">{errors[errorKey]}</div>}
    </div>
  );
  return (
    <div className="add-row attendee-add" data-testid="new-attendee">
      {cell('name', 'Nama')}
      {cell('jobTitle', 'Jabatan')}
      {cell('agency', 'Instansi', { list: 'agency-options', placeholder: 'Singkatan atau nama' }, 'agencyText')}
      {cell('phone', 'No. HP', { inputMode: 'tel' })}
      {/* Optional, for civil servants: last, so Tab from No. HP to Enter stays the quick path. */}
      {cell('nip', 'NIP (jika ASN)', { inputMode: 'numeric', placeholder: '18 digit', maxLength: 40 })}
      {cell('rank', 'Pangkat/golongan', { placeholder: 'mis. Penata (III/c)' })}
      <datalist id="agency-options">
        {agencies.map((a) => <option key={a.id} value={agencyLabel(a)} />)}
      </datalist>
      <button type="button" className="primary" disabled={create.pending} onClick={() => void submit()}>Tambah</button>
    </div>
  );
}
