import { useRef, useState, type InputHTMLAttributes } from 'react';
import { formatDateInput, formatTimeInput, parseDateInput, parseTimeInput } from '../../shared/format';
import { t } from '../../shared/messages';

// Dates and times typed the Indonesian way in both runtimes: the browser's own <input
// type="date"> shows mm/dd/yyyy and "09:00 AM" under an English locale. The text is what the
// user reads ("26/11/2024", "09.00"); what is stored stays ISO ("2024-11-26", "09:00").

type Attrs = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/** The Indonesian message for typed text that is not a date (blank is not a problem here). */
export const dateTextProblem = (text: string) => (text.trim() !== '' && parseDateInput(text) === null ? t('field.dateTyped') : undefined);
export const timeTextProblem = (text: string) => (text.trim() !== '' && parseTimeInput(text) === null ? t('field.timeTyped') : undefined);

/**
 * The text box and the calendar button of a date. `text` is what is shown; `onText` receives
 * what was typed or picked (already as "dd/mm/yyyy"). The calendar is the browser's own picker
 * on a hidden date input: its popup is localised well, only its text box is not.
 */
export function DateTextBox({ text, onText, onPicked, ...attrs }: Attrs & { text: string; onText(text: string): void; onPicked?(text: string): void }) {
  const picker = useRef<HTMLInputElement>(null);
  const iso = parseDateInput(text) ?? '';
  return (
    <span className="date-input">
      <input {...attrs} type="text" inputMode="numeric" placeholder="hh/bb/tttt" autoComplete="off" value={text}
        onChange={(e) => onText(e.target.value)} />
      <button type="button" className="date-picker-button" aria-label="Pilih dari kalender" title="Pilih dari kalender"
        disabled={attrs.disabled} tabIndex={-1}
        onClick={() => { try { picker.current?.showPicker(); } catch { picker.current?.focus(); } }}>
        {/* An inline icon: office laptops often lack an emoji font. */}
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <input ref={picker} type="date" className="date-picker-native" tabIndex={-1} aria-hidden="true" value={iso}
        onChange={(e) => { const v = formatDateInput(e.target.value); onText(v); onPicked?.(v); }} />
    </span>
  );
}

/** A controlled date: `value` and `onChange` are ISO ("" for none); invalid text is shown, not sent. */
export function DateInput({ value, onChange, onProblem, ...attrs }: Attrs & { value: string; onChange(iso: string): void; onProblem?(message: string | undefined): void }) {
  const [text, setText] = useState(() => formatDateInput(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // Follow a value set from outside (a proposal arriving), not our own echo (adjusted while rendering).
    setShown(value);
    if ((parseDateInput(text) ?? '') !== value) setText(formatDateInput(value));
  }
  function change(next: string) {
    setText(next);
    const iso = parseDateInput(next);
    if (iso) onChange(iso);
    else if (next.trim() === '') onChange('');
    onProblem?.(iso || next.trim() === '' ? undefined : t('field.dateTyped'));
  }
  return <DateTextBox {...attrs} text={text} onText={change} />;
}

/** A controlled 24-hour time ("09.00" shown, "09:00" sent). */
export function TimeInput({ value, onChange, onProblem, ...attrs }: Attrs & { value: string; onChange(hhmm: string): void; onProblem?(message: string | undefined): void }) {
  const [text, setText] = useState(() => formatTimeInput(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if ((parseTimeInput(text) ?? '') !== value) setText(formatTimeInput(value));
  }
  function change(next: string) {
    setText(next);
    const hhmm = parseTimeInput(next);
    if (hhmm) onChange(hhmm);
    else if (next.trim() === '') onChange('');
    onProblem?.(hhmm || next.trim() === '' ? undefined : t('field.timeTyped'));
  }
  return (
    <input {...attrs} type="text" inputMode="numeric" placeholder="09.00" autoComplete="off" className={`time-input ${attrs.className ?? ''}`} value={text}
      onChange={(e) => change(e.target.value)}
      onBlur={(e) => { const hhmm = parseTimeInput(text); if (hhmm) setText(formatTimeInput(hhmm)); attrs.onBlur?.(e); }} />
  );
}
