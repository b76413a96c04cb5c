import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Indicator } from '../../shared/types';
import type { ActionItem, Assignment, BudgetLine, IndicatorReview } from '../../shared/meeting';
import { FUNDING_SOURCES } from '../../shared/meeting';
import { t } from '../../shared/messages';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { AssignmentEditor } from '../assignment/AssignmentEditor';
import { BudgetEditor } from '../budget/BudgetEditor';
import { ActionItemEditor, AutoRelated } from '../action-item/ActionItemEditor';
import type { FocusRequest, TabProps } from '../workspace/tab-props';
import { agencyShort } from '../agency/agencyInput';
import { focusVisibly } from '../components/focus';

/** Pembahasan: notes per agenda item, then every indicator of the meeting's clusters, weak first. */
export function IndicatorReviewTab({ ws, agencies, editable, focus }: TabProps & { focus: FocusRequest }) {
  const updateMeeting = useApiMutation('meeting.update');
  const updateAgenda = useApiMutation('agendaItem.update');
  const rootRef = useRef<HTMLDivElement>(null);
  const lastIndicator = useRef<number | null>(null);
  const reviewsById = useMemo(() => new Map(ws.reviews.map((r) => [r.indicatorId, r])), [ws.reviews]);
  // Ordered once per visit: weak first, then by number. Ticking "lemah" does not make cards jump.
  const [order] = useState(() => {
    const all = ws.clusters.flatMap((c) => c.indicators);
    return [...all].sort((a, b) => Number(reviewsById.get(b.id)?.isWeak ?? false) - Number(reviewsById.get(a.id)?.isWeak ?? false) || a.number - b.number);
  });
  const m = ws.meeting;
  // Weak indicators are what the rakor is about: open. So are those that already got an RTL or a
  // budget line at this rakor (coming back to the tab). The others start collapsed (one line each).
  const [openIds, setOpenIds] = useState(() => new Set([
    ...ws.reviews.filter((r) => r.isWeak).map((r) => r.indicatorId),
    ...[...ws.actions, ...ws.budgetLines].flatMap((x) => (x.indicatorId === null ? [] : [x.indicatorId])),
  ]));
  const setOpen = (indicatorId: number, open: boolean) =>
    setOpenIds((ids) => (ids.has(indicatorId) === open ? ids : open ? new Set(ids).add(indicatorId) : new Set([...ids].filter((x) => x !== indicatorId))));
  // What to focus once a card just opened has rendered its fields: set with a fresh openIds (even
  // when the card was open already), taken by the effect after that render.
  const pendingFocus = useRef<{ indicatorId: number; selector: string } | null>(null);
  const openAndFocus = useCallback((indicatorId: number, selector: string) => {
    pendingFocus.current = { indicatorId, selector };
    setOpenIds((ids) => new Set(ids).add(indicatorId));
  }, []);

  useEffect(() => {
    if (focus?.what !== 'rtl') return;
    const id = lastIndicator.current ?? order[0]?.id;
    if (id !== undefined) openAndFocus(id, '[data-new-rtl]');
  }, [focus, order, openAndFocus]);

  useEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    pendingFocus.current = null;
    const card = rootRef.current?.querySelector<HTMLElement>(`[data-indicator="${wanted.indicatorId}"]`);
    focusVisibly(card?.querySelector<HTMLElement>(wanted.selector));
  }, [openIds]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // Alt+PageDown/PageUp everywhere; Alt+↓/↑ too, except where they open a list (a select, a picker).
      const page = e.key === 'PageDown' || e.key === 'PageUp';
      const arrow = e.key === 'ArrowDown' || e.key === 'ArrowUp';
      if (!e.altKey || e.ctrlKey || (!page && !arrow)) return;
      const el = document.activeElement;
      if (arrow && (el instanceof HTMLSelectElement || el?.getAttribute('role') === 'combobox')) return;
      const sections = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-section]') ?? [])];
      if (sections.length === 0) return;
      e.preventDefault();
      const current = sections.findIndex((s) => s.contains(el));
      const down = e.key === 'PageDown' || e.key === 'ArrowDown';
      const next = current === -1 ? 0 : Math.max(0, Math.min(sections.length - 1, current + (down ? 1 : -1)));
      // An indicator card is entered at its title (open or collapsed: Enter opens it); other sections at their field.
      const target = sections[next].querySelector<HTMLElement>('[data-card-toggle]')
        ?? sections[next].querySelector<HTMLElement>('input:not([type=checkbox]), textarea, select') ?? sections[next];
      target.focus({ preventScroll: true });
      sections[next].scrollIntoView({ block: 'start' });
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function jump(section: string) {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-section="${section}"]`);
    const indicatorId = Number(el?.dataset.indicator);
    if (indicatorId) {
      openAndFocus(indicatorId, 'input:not([type=checkbox]), textarea');
      return;
    }
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('input:not([type=checkbox]), textarea')?.focus({ preventScroll: true });
  }

  const weakCount = ws.reviews.filter((r) => r.isWeak).length;
  return (
    <div className="discussion" ref={rootRef}>
      <datalist id="funding-sources">{FUNDING_SOURCES.map((f) => <option key={f} value={f} />)}</datalist>
      <datalist id="agency-abbr">{agencies.filter((a) => a.abbreviation).map((a) => <option key={a.id} value={a.abbreviation} />)}</datalist>
      <div className="jump-bar">
        <label htmlFor="jump-section">Lompat ke</label>
        <select id="jump-section" value="" onChange={(e) => jump(e.target.value)}>
          <option value="">Pilih agenda atau indikator…</option>
          <option value="opening">Pembukaan</option>
          {ws.agenda.map((a, i) => <option key={a.id} value={`agenda-${a.id}`}>Agenda {i + 1}: {a.title}</option>)}
          {order.map((i) => (
            <option key={i.id} value={`indicator-${i.id}`}>{i.number}. {shortName(i.name)}{reviewsById.get(i.id)?.isWeak ? ' (lemah)' : ''}</option>
          ))}
        </select>
        <span className="muted small jump-hint" title="Alt+PageDown / Alt+PageUp: indikator berikutnya / sebelumnya">atau Alt+PgDn / PgUp</span>
        <span className="jump-actions">
          <button type="button" className="small-button" onClick={() => setOpenIds(new Set(order.map((i) => i.id)))}>Buka semua</button>
          <button type="button" className="small-button" onClick={() => setOpenIds(new Set())}>Tutup semua</button>
        </span>
      </div>
      <fieldset disabled={!editable} className="plain">
        <div className="sections">
          <section className="card" data-section="opening">
            <AutoText saveKey={`meeting:${m.id}:openingNotes`} label="Pembukaan (catatan sebelum agenda)" multiline rows={3} initial={m.openingNotes}
              save={(v, k) => updateMeeting.call({ id: m.id, openingNotes: v }, k)} />
          </section>
          {ws.agenda.map((a, i) => (
            <section key={a.id} className="card" data-section={`agenda-${a.id}`}>
              <AutoText saveKey={`agenda:${a.id}:notes`} label={`Agenda ${i + 1}: ${a.title}`} multiline rows={4} initial={a.notes}
                save={(v, k) => updateAgenda.call({ id: a.id, notes: v }, k)} />
            </section>
          ))}
          <h2 className="section-title">Indikator ({order.length}, {weakCount} lemah)</h2>
          {order.map((ind) => (
            <IndicatorCard key={ind.id} indicator={ind} review={reviewsById.get(ind.id)} meetingId={m.id} year={Number(m.date.slice(0, 4))}
              assignments={ws.assignments.filter((a) => a.indicatorId === ind.id)}
              budgetLines={ws.budgetLines.filter((b) => b.indicatorId === ind.id)}
              actions={ws.actions.filter((a) => a.indicatorId === ind.id)}
              agencies={agencies} onFocusCard={() => { lastIndicator.current = ind.id; }}
              open={openIds.has(ind.id)} onOpen={(open) => setOpen(ind.id, open)} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function shortName(name: string) {
  return name.length > 42 ? `${name.slice(0, 40)}…` : name;
}

function IndicatorCard(props: {
  indicator: Indicator; review: IndicatorReview | undefined; meetingId: number; year: number;
  assignments: Assignment[]; budgetLines: BudgetLine[]; actions: ActionItem[];
  agencies: TabProps['agencies']; onFocusCard(): void; open: boolean; onOpen(open: boolean): void;
}) {
  const { indicator: ind, review, meetingId, open } = props;
  const lead = props.assignments.find((a) => a.role === 'lead');
  const byId = new Map(props.agencies.map((a) => [a.id, a]));
  // No lead agreed yet: a new RTL proposes the indicator's first usual agency still active (Indikator KLA).
  const usualLead = ind.usualAgencyIds.find((id) => byId.get(id)?.active) ?? null;
  // Kab/kota to attribute the review to: offered where the master list has them (a province).
  const kabkota = props.agencies.filter((a) => a.kind === 'kabkota' || review?.kabkotaAgencyIds.includes(a.id));
  const [weak, setWeak] = useState(review?.isWeak ?? false);
  const problemRef = useRef(review?.problem ?? '');
  const saveReview = useApiMutation('indicatorReview.upsert');
  const upsert = (patch: Partial<IndicatorReview>, keepalive = false) => saveReview.call({ meetingId, indicatorId: ind.id, ...patch }, keepalive);
  return (
    <section className={`card indicator-card${weak ? ' weak' : ''}`} data-section={`indicator-${ind.id}`} data-indicator={ind.id}
      data-testid="indicator-card" onFocusCapture={props.onFocusCard} aria-labelledby={`ind-title-${ind.id}`}>
      <header className="indicator-head">
        <h3 id={`ind-title-${ind.id}`}>
          {/* The title is the disclosure button: click, Enter or Space opens and closes the card. */}
          <button type="button" className="card-toggle" data-card-toggle aria-expanded={open} aria-controls={`ind-body-${ind.id}`}
            onClick={() => props.onOpen(!open)}>
            {ind.number}. {ind.name}
          </button>
        </h3>
        <label className="weak-toggle">
          <input type="checkbox" checked={weak} onChange={async (e) => {
            const next = e.target.checked;
            setWeak(next);
            // A weak indicator is discussed now: ticking it opens the card.
            if (next) props.onOpen(true);
            try { await upsert({ isWeak: next }); } catch { setWeak(!next); }
          }} />
          Lemah
        </label>
      </header>
      {!open && (
        <p className="card-summary muted small" data-testid="card-summary">
          {[
            lead ? `Utama: ${agencyShort(byId.get(lead.agencyId))}` : null,
            review?.score != null ? `Nilai ${String(review.score).replace('.', ',')}` : null,
            review?.achievement ? `Capaian ${review.achievement}` : null,
            review?.kabkotaAgencyIds.length ? review.kabkotaAgencyIds.map((x) => agencyShort(byId.get(x))).join(', ') : null,
            props.budgetLines.length ? `${props.budgetLines.length} anggaran` : null,
            props.actions.length ? `${props.actions.length} RTL` : null,
          ].filter(Boolean).join(' · ') || 'Belum dibahas.'}
        </p>
      )}
      {open && <div id={`ind-body-${ind.id}`} className="card-body">
      {ind.subIndicators.length > 0 && (
        <p className="muted small">Sub-indikator: {ind.subIndicators.map((s) => `${s.code}. ${s.name}`).join('; ')}</p>
      )}
      <div className="form-grid review-grid">
        <AutoText saveKey={`review:${meetingId}:${ind.id}:achievement`} label="Capaian" initial={review?.achievement ?? ''}
          save={(v, k) => upsert({ achievement: v }, k)} />
        <AutoText saveKey={`review:${meetingId}:${ind.id}:score`} label="Nilai" initial={review?.score == null ? '' : String(review.score).replace('.', ',')}
          input={{ inputMode: 'decimal' }} path="score"
          check={(v) => { const n = parseScore(v); return n === undefined || (n !== null && (n < 0 || n > 1000)) ? t('field.score') : undefined; }}
          save={(v, k) => upsert({ score: parseScore(v) ?? null }, k)} />
        {kabkota.length > 0 && (
          // Province level: the kab/kota this indicator is weak in (issue 15).
          <AutoRelated saveKey={`review:${meetingId}:${ind.id}:kabkota`} label="Kabupaten/kota terkait" hideLabel={false} className="full"
            initial={review?.kabkotaAgencyIds ?? []} agencies={kabkota.filter((a) => a.active)} known={props.agencies} path="kabkotaAgencyIds"
            save={(v, k) => upsert({ kabkotaAgencyIds: v }, k)} />
        )}
        <AutoText saveKey={`review:${meetingId}:${ind.id}:problem`} label="Permasalahan" multiline rows={3} initial={review?.problem ?? ''} className="full"
          save={(v, k) => { problemRef.current = v; return upsert({ problem: v }, k); }} />
        <AutoText saveKey={`review:${meetingId}:${ind.id}:recommendation`} label="Rekomendasi" multiline rows={3} initial={review?.recommendation ?? ''} className="full"
          save={(v, k) => upsert({ recommendation: v }, k)} />
      </div>
      <AssignmentEditor indicatorId={ind.id} meetingId={meetingId} assignments={props.assignments} agencies={props.agencies} />
      <BudgetEditor indicatorId={ind.id} meetingId={meetingId} year={props.year} lines={props.budgetLines} agencies={props.agencies} />
      <ActionItemEditor indicatorId={ind.id} meetingId={meetingId} actions={props.actions} agencies={props.agencies}
        budgetLines={props.budgetLines} leadAgencyId={lead?.agencyId ?? usualLead} problem={() => problemRef.current} />
      </div>}
    </section>
  );
}

/** "72,5" or "72.5" -> 72.5; "" -> null; anything else -> undefined (invalid). */
function parseScore(text: string): number | null | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}
