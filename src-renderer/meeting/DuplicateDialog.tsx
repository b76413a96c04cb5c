import { useEffect, useRef, useState } from 'react';
import type { MeetingSummary } from '../../shared/meeting';
import { nextSameWeekday, todayIso } from '../../shared/format';
import { Field } from '../components/Field';
import { DateInput } from '../components/DateTimeInput';

/**
 * "Duplikat" asks for the copy's date: proposed the same weekday a week or more after the
 * source (never today, which is almost never the next rakor). The people, place, agenda and
 * invitations go with the copy.
 */
export function DuplicateDialog({ source, onCopy, onCancel }: { source: MeetingSummary | null; onCopy(date: string): Promise<void>; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Mounted only while a copy is asked for, so the proposal is simply the initial state.
  const [date, setDate] = useState(() => (source ? nextSameWeekday(source.date, todayIso(source.timeZone)) : ''));
  const [error, setError] = useState<string>();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="duplicate-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form onSubmit={(e) => { e.preventDefault(); if (!error && date) void onCopy(date); }} noValidate>
        <h2 id="duplicate-title">Duplikat rapat</h2>
        <p>Salinan “{source?.title}” sebagai draf baru, dengan pimpinan, notulis, tempat, acara, dan undangan yang sama.</p>
        <Field label="Tanggal rapat baru" error={error} hint="hh/bb/tttt">
          {(p) => <DateInput {...p} autoFocus value={date} onChange={setDate} onProblem={setError} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>Batal</button>
          <button type="submit" className="primary">Buat salinan</button>
        </div>
      </form>
    </dialog>
  );
}
