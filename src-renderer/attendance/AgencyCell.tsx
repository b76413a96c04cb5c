import { useState } from 'react';
import type { Attendee } from '../../shared/meeting';
import type { AgencyChoice } from './UnknownAgencyDialog';

/**
 * The instansi of a daftar hadir row, changeable in place: type an abbreviation or a name (the
 * list suggests), leave the field or press Enter. A name the master list does not know goes
 * through the same question as a new row (see useAgencyResolver); Escape or "Batal" puts the
 * stored value back. The caller keys it by the stored value, so a saved change starts it afresh.
 */
export function AgencyCell({ row, label, shown, resolve, save }: {
  row: Attendee;
  label: string;
  /** What the row shows now: the agency's abbreviation (or name), or the typed text. */
  shown: string;
  resolve(text: string): Promise<AgencyChoice | null>;
  save(choice: AgencyChoice): Promise<unknown>;
}) {
  const [value, setValue] = useState(shown);
  const [busy, setBusy] = useState(false);

  async function commit() {
    if (busy || value.trim() === shown.trim()) return;
    setBusy(true);
    try {
      const choice = await resolve(value);
      const same = choice && choice.agencyId === row.agencyId && choice.agencyText === (row.agencyId === null ? row.agencyText : '');
      if (choice && !same) await save(choice);
      else setValue(shown);
    } catch {
      // The save's own message is shown by the autosave status; the field shows what is stored.
      setValue(shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <input aria-label={label} list="agency-options" value={value} placeholder="Singkatan atau nama" disabled={busy}
      onChange={(e) => setValue(e.target.value)} onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') { e.preventDefault(); void commit(); }
        if (e.key === 'Escape') setValue(shown);
      }} />
  );
}
