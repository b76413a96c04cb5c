import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Agency } from '../../shared/types';
import { matchAgencies } from '../../shared/agency-key';
import { agencyShort } from './agencyInput';
import { describeValue, Wrap } from '../components/AutosaveFields';
import { useAutosaveField } from '../hooks/useAutosave';

// A type-ahead agency picker (ARIA combobox with a listbox): typing "dp3a", "kes" or "dinas
// pend" narrows 37+ agencies to a few; ↓/↑ move, Enter or Tab takes the highlighted one, Esc
// puts back what was chosen. Nothing typed is ever guessed into a choice on leaving the field.
// The list is positioned fixed so a table that scrolls inside its card does not clip it.

export interface AgencyPickerProps {
  id?: string;
  /** Agencies offered (already filtered to active ones for new entries). */
  agencies: Agency[];
  /** Agencies the current value may name though not offered (an inactive one still chosen). */
  known?: Agency[];
  value: number | null;
  onChange(agencyId: number | null): void;
  /** The accessible name when no visible <label htmlFor> points here. */
  ariaLabel?: string;
  placeholder?: string;
  /** "—" (none) may be chosen by clearing the text. */
  allowEmpty?: boolean;
  /** Keeps the text empty after a choice (adding to a list: pihak terkait). */
  clearOnPick?: boolean;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  className?: string;
  onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void;
  onBlur?(): void;
}

const MAX_SHOWN = 12;

export function AgencyPicker(props: AgencyPickerProps) {
  const { agencies, value, clearOnPick } = props;
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const byId = new Map([...(props.known ?? []), ...agencies].map((a) => [a.id, a]));
  const chosen = value === null ? undefined : byId.get(value);
  const shown = clearOnPick ? '' : agencyShort(chosen);
  const [text, setText] = useState(shown);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Opened by typing: the text is the query. Opened by click or ↓: everything, the choice's text aside.
  const [typed, setTyped] = useState(false);
  const [box, setBox] = useState<{ left: number; top: number; width: number; maxHeight: number } | null>(null);
  const [lastShown, setLastShown] = useState(shown);
  if (!open && lastShown !== shown) {
    // A choice made elsewhere (a default arriving, another window): follow it while not typing.
    setLastShown(shown);
    setText(shown);
  }
  const matches = open ? matchAgencies(typed ? text : '', agencies).slice(0, MAX_SHOWN) : [];

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const r = input.current?.getBoundingClientRect();
      if (!r) return;
      const below = window.innerHeight - r.bottom - 8;
      const above = r.top - 8;
      const up = below < 160 && above > below;
      const maxHeight = Math.max(120, Math.min(320, up ? above : below));
      const width = Math.min(Math.max(r.width, 360), window.innerWidth - 16);
      // Kept inside the window: a picker near the right edge opens its list leftwards.
      const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
      setBox({ left, top: up ? r.top - maxHeight - 2 : r.bottom + 2, width, maxHeight });
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  function pick(agency: Agency | null) {
    setOpen(false);
    const next = clearOnPick ? '' : agencyShort(agency ?? undefined);
    setText(next);
    setLastShown(clearOnPick ? '' : next);
    if ((agency?.id ?? null) !== value || clearOnPick) props.onChange(agency?.id ?? null);
  }

  function revert() {
    setOpen(false);
    setText(shown);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // Alt+↓ opens the list (the combobox pattern) and is not a card-to-card move here.
      e.preventDefault();
      e.stopPropagation();
      if (!open) { setOpen(true); setTyped(false); setActive(0); return; }
      const n = matches.length;
      if (n > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
      return;
    }
    if (e.key === 'Enter' && open && (typed || active >= 0)) {
      e.preventDefault();
      e.stopPropagation();
      if (matches[active]) pick(matches[active]);
      else if (props.allowEmpty && text.trim() === '') pick(null);
      return;
    }
    // Opened by a click, nothing typed or highlighted: Enter is the row's (save), not a choice.
    if (e.key === 'Enter' && open) revert();
    if (e.key === 'Tab' && open && typed && text.trim() !== '' && matches[active]) {
      pick(matches[active]);
      return;
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      revert();
      return;
    }
    props.onKeyDown?.(e);
  }

  const activeId = open && matches[active] ? `${listId}-${active}` : undefined;
  return (
    <span className={`agency-picker ${props.className ?? ''}`}>
      <input
        ref={input}
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-label={props.ariaLabel}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        placeholder={props.placeholder ?? 'Ketik singkatan atau nama…'}
        title={chosen && !clearOnPick ? chosen.name : undefined}
        disabled={props.disabled}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          setTyped(true);
          if (props.allowEmpty && e.target.value.trim() === '' && !clearOnPick && value !== null) props.onChange(null);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => { if (!open) { setOpen(true); setTyped(false); setActive(-1); } }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Leaving with unfinished text puts back the choice: never a silent guess.
          if (open) revert();
          props.onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" className="agency-options" hidden={!open || !box}
        aria-label="Hasil pencarian"
        style={box ? { left: box.left, top: box.top, width: box.width, maxHeight: box.maxHeight } : undefined}>
        {matches.length === 0 && <li className="muted small agency-none">Tidak ada instansi yang cocok.</li>}
        {matches.map((a, i) => (
          <li key={a.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}
            data-chosen={a.id === value || undefined}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input must not blur (and revert) before the choice lands.
            onMouseDown={(e) => { e.preventDefault(); pick(a); }}
            onMouseMove={() => setActive(i)}>
            <strong>{a.abbreviation}</strong><span>{a.name}</span>
          </li>
        ))}
      </ul>
    </span>
  );
}

/** An autosaving agency of an existing row (penanggung jawab, instansi of a budget line). */
export function AutoAgency(props: {
  saveKey: string; label: string; hideLabel?: boolean; initial: number | null; agencies: Agency[]; known?: Agency[];
  allowEmpty?: boolean; path?: string; className?: string; save(agencyId: number | null, keepalive: boolean): Promise<unknown>;
}) {
  const id = useId();
  const f = useAutosaveField<number | null>({ key: props.saveKey, initial: props.initial, save: props.save, path: props.path, delay: 0 });
  const byId = new Map([...(props.known ?? []), ...props.agencies].map((a) => [a.id, a]));
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel} error={f.error} className={props.className} conflict={f.conflict}
      describe={(latest) => (typeof latest === 'number' ? agencyShort(byId.get(latest)) : describeValue(latest))}>
      <AgencyPicker id={id} agencies={props.agencies} known={props.known} value={f.value} allowEmpty={props.allowEmpty}
        invalid={Boolean(f.error)} describedBy={f.error ? `${id}-error` : undefined} placeholder={props.allowEmpty ? '—' : undefined}
        onChange={(v) => f.change(v)} onBlur={() => void f.flush()} />
    </Wrap>
  );
}
