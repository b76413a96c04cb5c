import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { formatDateInput, formatRupiah, formatRupiahInput, formatTimeInput, parseDateInput, parseRupiah, parseTimeInput } from '../../shared/format';
import { DateTextBox, dateTextProblem, timeTextProblem } from './DateTimeInput';
import { t } from '../../shared/messages';
import { useAutosaveField, useSaveState, type FieldConflict } from '../hooks/useAutosave';

// Autosaving form controls (meeting tabs, Indikator KLA). Each takes the server value once, shows
// its Indonesian error right under itself, and saves one field per call.

interface Base<T> {
  /** Unique per field and row, e.g. "meeting:3:place". */
  saveKey: string;
  label: string;
  /** Hide the label visually (tables), keep it for screen readers and tests. */
  hideLabel?: boolean;
  initial: T;
  save(value: T, keepalive: boolean): Promise<unknown>;
  check?(value: T): string | undefined;
  path?: string;
  className?: string;
  hint?: string;
}

export function Wrap({ id, label, hideLabel, error, hint, className, children, conflict, describe }: {
  id: string; label: string; hideLabel?: boolean; error?: string; hint?: string; className?: string; children: ReactNode;
  conflict?: FieldConflict; describe?: (latest: unknown) => string;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      {children}
      {error ? <div className="field-error" id={`${id}-error`} role="alert">{error}</div> : hint ? <div className="field-hint">{hint}</div> : null}
      {conflict && <ConflictActions conflict={conflict} describe={describe ?? describeValue} />}
    </div>
  );
}

/** A stored value shown to the user: text as typed, empty as "(kosong)". */
export function describeValue(latest: unknown): string {
  if (latest === null || latest === undefined || latest === '') return t('conflict.empty');
  if (Array.isArray(latest)) return latest.length === 0 ? t('conflict.empty') : latest.join(', ');
  if (typeof latest === 'boolean') return latest ? 'Ya' : 'Tidak';
  return String(latest as string | number);
}

/** The ways out of a conflict, right under the field: see the newer value, take it, or keep mine. */
export function ConflictActions({ conflict, describe }: { conflict: FieldConflict; describe: (latest: unknown) => string }) {
  const [showing, setShowing] = useState(false);
  return (
    <div className="conflict-actions" data-testid="conflict">
      {showing && (
        <div className="conflict-latest"><strong>{t('conflict.latest')}:</strong> <span data-testid="conflict-latest">{describe(conflict.latest)}</span></div>
      )}
      <div className="row-actions">
        <button type="button" onClick={() => setShowing(!showing)}>{showing ? t('conflict.hideLatest') : t('conflict.showLatest')}</button>
        <button type="button" onClick={() => conflict.takeLatest()}>{t('conflict.takeLatest')}</button>
        <button type="button" onClick={() => void conflict.keepMine()}>{t('conflict.keepMine')}</button>
      </div>
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'id'>;

export function AutoText(props: Base<string> & { multiline?: boolean; rows?: number; input?: InputProps; required?: boolean }) {
  const id = useId();
  const check = props.check ?? (props.required ? (v: string) => (v.trim() === '' ? t('field.required') : undefined) : undefined);
  const f = useAutosaveField({ key: props.saveKey, initial: props.initial, save: props.save, check, path: props.path });
  const common = {
    id,
    value: f.value,
    'aria-invalid': Boolean(f.error),
    'aria-describedby': f.error ? `${id}-error` : undefined,
    onBlur: () => void f.flush(),
  };
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} hint={props.hint} className={props.className} conflict={f.conflict}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 4} onChange={(e) => f.change(e.target.value)} />
      ) : (
        <input {...props.input} {...common} onChange={(e) => f.change(e.target.value)} />
      )}
    </Wrap>
  );
}

export function AutoSelect<T extends string>(props: Base<T> & { options: { value: T; label: string }[] }) {
  const id = useId();
  const f = useAutosaveField({ key: props.saveKey, initial: props.initial, save: props.save, path: props.path, delay: 0 });
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} className={props.className} conflict={f.conflict}
      describe={(latest) => props.options.find((o) => o.value === String(latest ?? ''))?.label ?? describeValue(latest)}>
      <select id={id} value={f.value} aria-invalid={Boolean(f.error)} onChange={(e) => f.change(e.target.value as T)} onBlur={() => void f.flush()}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrap>
  );
}

/** Money typed the Indonesian way ("1.250.000" or "1.250.000,50"); saved as sen. */
export function AutoMoney(props: Omit<Base<number>, 'check'> & { input?: InputProps }) {
  const id = useId();
  const f = useAutosaveField<string>({
    key: props.saveKey,
    initial: formatRupiahInput(props.initial),
    save: (text, keepalive) => props.save(parseRupiah(text) ?? 0, keepalive),
    check: moneyProblem,
    path: props.path,
  });
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} className={props.className} conflict={f.conflict}
      describe={(latest) => (typeof latest === 'number' ? formatRupiah(latest) : describeValue(latest))}>
      <input {...props.input} id={id} inputMode="decimal" className="money" value={f.value} aria-invalid={Boolean(f.error)}
        aria-describedby={f.error ? `${id}-error` : undefined}
        onChange={(e) => f.change(e.target.value)} onBlur={() => void f.flush()} />
    </Wrap>
  );
}

/** A date typed as dd/mm/yyyy or picked from the calendar; saved as ISO ("" when blank, for optional dates). */
export function AutoDate(props: Omit<Base<string>, 'check'> & { required?: boolean }) {
  const id = useId();
  const f = useAutosaveField<string>({
    key: props.saveKey,
    initial: formatDateInput(props.initial),
    save: (text, keepalive) => props.save(parseDateInput(text) ?? '', keepalive),
    check: (text) => (props.required && text.trim() === '' ? t('field.required') : dateTextProblem(text)),
    path: props.path,
  });
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} hint={props.hint} className={props.className} conflict={f.conflict}>
      <DateTextBox id={id} text={f.value} aria-invalid={Boolean(f.error)} aria-describedby={f.error ? `${id}-error` : undefined}
        onText={(v) => f.change(v)} onPicked={() => void Promise.resolve().then(() => f.flush())} onBlur={() => void f.flush()} />
    </Wrap>
  );
}

/** A 24-hour time typed "09.00", "9:30" or "1330"; saved as "HH:MM" ("" when blank). */
export function AutoTime(props: Omit<Base<string>, 'check'> & { required?: boolean; check?(hhmm: string): string | undefined }) {
  const id = useId();
  const f = useAutosaveField<string>({
    key: props.saveKey,
    initial: formatTimeInput(props.initial),
    save: (text, keepalive) => props.save(parseTimeInput(text) ?? '', keepalive),
    check: (text) => (props.required && text.trim() === '' ? t('field.required') : timeTextProblem(text) ?? props.check?.(parseTimeInput(text) ?? '')),
    path: props.path,
  });
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} hint={props.hint} className={props.className} conflict={f.conflict}>
      <input id={id} type="text" inputMode="numeric" placeholder="09.00" autoComplete="off" className="time-input" value={f.value}
        aria-invalid={Boolean(f.error)} aria-describedby={f.error ? `${id}-error` : undefined}
        onChange={(e) => f.change(e.target.value)} onBlur={() => void f.flush()} />
    </Wrap>
  );
}

export function moneyProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return parseRupiah(text) === null ? t('field.money') : undefined;
}

export function SaveIndicator() {
  const { state, error } = useSaveState();
  const label = state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? `Belum tersimpan: ${error}` : '';
  return (
    <span className={`save-status save-${state}`} role="status" aria-live="polite" data-testid="save-status">{label}</span>
  );
}
