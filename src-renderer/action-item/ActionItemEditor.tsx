import { useId, useState } from 'react';
import type { ActionItem, BudgetLine } from '../../shared/meeting';
import { ACTION_STATUS_LABEL } from '../../shared/meeting';
import type { ActionStatus, Agency } from '../../shared/types';
import { formatRupiah } from '../../shared/format';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoDate, AutoSelect, AutoText, describeValue, Wrap } from '../components/AutosaveFields';
import { DateInput } from '../components/DateTimeInput';
import { AgencyPicker, AutoAgency } from '../agency/AgencyPicker';
import { agencyShort } from '../agency/agencyInput';
import { useAutosaveField } from '../hooks/useAutosave';
import type { TabProps } from '../workspace/tab-props';
import { forNewEntries } from '../workspace/meeting-agencies';
import { useUndoableDelete } from '../components/useUndoableDelete';

const STATUS_OPTIONS = (Object.keys(ACTION_STATUS_LABEL) as ActionStatus[]).map((s) => ({ value: s, label: ACTION_STATUS_LABEL[s] }));

/** "DP3A · Penyediaan layanan PUSPAGA · APBD murni 2025 · Rp50.000.000": a budget line in the RTL's picker. */
export function budgetLineLabel(line: BudgetLine, agencies: Agency[]): string {
  const agency = agencyShort(agencies.find((a) => a.id === line.agencyId));
  const what = line.activityName.trim() || line.subActivityCode || 'tanpa nama kegiatan';
  return [agency, what, [line.fundingSource.trim(), line.fiscalYear].filter(Boolean).join(' '), formatRupiah(line.allocationSen)].filter(Boolean).join(' · ');
}

/** RTLs of an indicator, added and edited in place. */
export function ActionItemEditor({ indicatorId, meetingId, actions, agencies, budgetLines, leadAgencyId, problem }: {
  indicatorId: number; meetingId: number; actions: ActionItem[]; agencies: TabProps['agencies'];
  /** The indicator's budget lines at this meeting: what an RTL can be funded by. */
  budgetLines: BudgetLine[];
  /** The indicator's lead agency (its "utama" assignment): a new RTL's penanggung jawab by default. */
  leadAgencyId: number | null;
  problem(): string;
}) {
  const update = useApiMutation('actionItem.update');
  const deletion = useUndoableDelete('actionItem.delete', 'RTL dihapus.');
  const offered = forNewEntries(agencies);
  const lineOptions = [{ value: '', label: '—' }, ...budgetLines.map((l) => ({ value: String(l.id), label: budgetLineLabel(l, agencies) }))];
  // When a line goes (Terhapus), the server clears the links: the pickers then start again from it.
  const linesKey = budgetLines.map((l) => l.id).join('.');
  return (
    <div className="sub-block">
      <h4>Rencana tindak lanjut (RTL)</h4>
      {actions.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact rtl-table" aria-label="RTL indikator">
            <thead>
              <tr><th>Uraian tindak lanjut</th><th>Penanggung jawab</th><th>Pihak terkait</th><th>Target waktu</th><th>Sumber anggaran</th><th>Status</th><th><span className="visually-hidden">Tindakan</span></th></tr>
            </thead>
            <tbody>
              {actions.map((a, i) => {
                const save = (patch: Omit<Parameters<typeof update.call>[0], 'id'>, k: boolean) => update.call({ id: a.id, ...patch }, k);
                return (
                  <tr key={a.id} data-testid="rtl-row">
                    <td className="wide"><AutoText saveKey={`action:${a.id}:description`} label={`Uraian RTL ${i + 1}`} hideLabel multiline rows={2} initial={a.description} required path="description"
                      save={(v, k) => save({ description: v }, k)} /></td>
                    <td className="agency-cell"><AutoAgency saveKey={`action:${a.id}:lead`} label={`Penanggung jawab RTL ${i + 1}`} hideLabel initial={a.leadAgencyId}
                      agencies={offered} known={agencies} allowEmpty path="leadAgencyId" save={(v, k) => save({ leadAgencyId: v }, k)} /></td>
                    <td className="related-cell"><AutoRelated saveKey={`action:${a.id}:related`} label={`Pihak terkait RTL ${i + 1}`} initial={a.relatedAgencyIds}
                      agencies={offered} known={agencies} save={(v, k) => save({ relatedAgencyIds: v }, k)} /></td>
                    <td className="date-cell"><AutoDate saveKey={`action:${a.id}:target`} label={`Target waktu RTL ${i + 1}`} hideLabel initial={a.targetDate ?? ''} path="targetDate"
                      save={(v, k) => save({ targetDate: v || null }, k)} /></td>
                    <td className="funding-cell"><AutoSelect saveKey={`action:${a.id}:budgetLine:${linesKey}`} label={`Sumber anggaran RTL ${i + 1}`} hideLabel
                      initial={a.budgetLineId === null ? '' : String(a.budgetLineId)} options={lineOptions} path="budgetLineId"
                      save={(v, k) => save({ budgetLineId: v ? Number(v) : null }, k)} /></td>
                    <td><AutoSelect saveKey={`action:${a.id}:status`} label={`Status RTL ${i + 1}`} hideLabel initial={a.status} options={STATUS_OPTIONS}
                      save={(v, k) => save({ status: v }, k)} /></td>
                    <td><button type="button" className="danger-text small-button" aria-label={`Hapus RTL ${i + 1}`}
                      onClick={() => void deletion.remove(a.id)}>Hapus</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewActionRow indicatorId={indicatorId} meetingId={meetingId} agencies={offered} lineOptions={lineOptions}
        leadAgencyId={leadAgencyId !== null && offered.some((a) => a.id === leadAgencyId) ? leadAgencyId : null} problem={problem} />
    </div>
  );
}

/**
 * Pihak terkait: chips in the order chosen, each with its full name (a notulis reads them back to
 * the room), and a type-ahead picker that adds to the end.
 */
export function RelatedAgencies({ id, value, onChange, agencies, known, label, invalid }: {
  id?: string; value: number[]; onChange(ids: number[]): void; agencies: Agency[]; known?: Agency[]; label: string; invalid?: boolean;
}) {
  const byId = new Map([...(known ?? []), ...agencies].map((a) => [a.id, a]));
  return (
    <div className="related-agencies">
      {value.length > 0 && (
        <ol className="chips related-chips" aria-label={`${label} (dipilih)`}>
          {value.map((agencyId) => {
            const a = byId.get(agencyId);
            return (
              <li key={agencyId} className="chip static" data-testid="related-chip" title={a?.abbreviation || undefined}>
                {a?.name ?? agencyShort(a)}
                <button type="button" className="chip-remove" aria-label={`Lepas ${a?.name ?? ''} dari pihak terkait`}
                  onClick={() => onChange(value.filter((x) => x !== agencyId))}>×</button>
              </li>
            );
          })}
        </ol>
      )}
      <AgencyPicker id={id} ariaLabel={id ? undefined : `${label}: tambah`} agencies={agencies.filter((a) => !value.includes(a.id))} clearOnPick
        placeholder="+ tambah" invalid={invalid} value={null}
        onChange={(agencyId) => { if (agencyId !== null) onChange([...value, agencyId]); }} />
    </div>
  );
}

/** An autosaving ordered list of agencies (pihak terkait of an RTL, kab/kota of a review). */
export function AutoRelated(props: {
  saveKey: string; label: string; hideLabel?: boolean; initial: number[]; agencies: Agency[]; known: Agency[]; path?: string; className?: string;
  save(ids: number[], keepalive: boolean): Promise<unknown>;
}) {
  const id = useId();
  const f = useAutosaveField<number[]>({ key: props.saveKey, initial: props.initial, save: props.save, path: props.path ?? 'relatedAgencyIds', delay: 0 });
  const byId = new Map(props.known.map((a) => [a.id, a]));
  return (
    <Wrap id={id} label={props.label} hideLabel={props.hideLabel ?? true} error={f.error} conflict={f.conflict} className={props.className}
      describe={(latest) => (Array.isArray(latest) ? latest.map((x) => byId.get(x as number)?.name ?? '').join(', ') || describeValue(null) : describeValue(latest))}>
      <RelatedAgencies id={id} value={f.value} onChange={(ids) => f.change(ids)} agencies={props.agencies} known={props.known} label={props.label}
        invalid={Boolean(f.error)} />
    </Wrap>
  );
}

function NewActionRow({ indicatorId, meetingId, agencies, lineOptions, leadAgencyId, problem }: {
  indicatorId: number; meetingId: number; agencies: Agency[]; lineOptions: { value: string; label: string }[]; leadAgencyId: number | null; problem(): string;
}) {
  const create = useApiMutation('actionItem.create');
  // `lead` undefined: not chosen yet, so the indicator's lead agency (which may arrive later) applies.
  const empty = { description: '', lead: undefined as number | null | undefined, related: [] as number[], target: '', budgetLine: '', status: 'belum' as ActionStatus };
  const [d, setD] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lead = d.lead === undefined ? leadAgencyId : d.lead;
  const id = (k: string) => `new-rtl-${indicatorId}-${k}`;
  async function submit() {
    const local: Record<string, string> = {};
    if (d.description.trim() === '') local.description = t('field.required');
    if (errors.targetDate) local.targetDate = errors.targetDate;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await create.call({
        meetingId, indicatorId, problem: problem(), description: d.description.trim(), leadAgencyId: lead,
        relatedAgencyIds: d.related, targetDate: d.target || null, status: d.status, budgetLineId: d.budgetLine ? Number(d.budgetLine) : null,
      });
      setD(empty);
      document.getElementById(id('description'))?.focus();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path.split('.')[0], f.message])));
    }
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void submit(); }
  };
  const field = (key: string, errKey: string, label: string, control: React.ReactNode, extra = '') => (
    <div className={`field${errors[errKey] ? ' has-error' : ''}${key === 'description' ? ' grow' : ''}${extra}`}>
      <label htmlFor={id(key)}>{label}</label>
      {control}
      {errors[errKey] && <div className="field-error" role="alert">{errors[errKey]}</div>}
    </div>
  );
  return (
    <div className="add-row rtl-add" data-testid="new-rtl">
      {field('description', 'description', 'RTL baru: uraian', (
        <input id={id('description')} data-new-rtl value={d.description} placeholder="Uraian tindak lanjut, Enter untuk simpan"
          onChange={(e) => setD({ ...d, description: e.target.value })} onKeyDown={onKeyDown} />
      ))}
      {field('lead', 'leadAgencyId', 'Penanggung jawab', (
        <AgencyPicker id={id('lead')} agencies={agencies} value={lead} allowEmpty placeholder="—"
          onChange={(v) => setD({ ...d, lead: v })} onKeyDown={onKeyDown} />
      ))}
      {field('related', 'relatedAgencyIds', 'Pihak terkait', (
        <RelatedAgencies id={id('related')} value={d.related} onChange={(ids) => setD({ ...d, related: ids })} agencies={agencies} label="Pihak terkait RTL baru" />
      ), ' related-field')}
      {field('target', 'targetDate', 'Target waktu', (
        <DateInput id={id('target')} value={d.target} onChange={(iso) => setD({ ...d, target: iso })} onKeyDown={onKeyDown}
          onProblem={(message) => setErrors((e) => {
            const rest = Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'targetDate'));
            return message ? { ...rest, targetDate: message } : rest;
          })} />
      ))}
      {lineOptions.length > 1 && field('budgetLine', 'budgetLineId', 'Sumber anggaran', (
        <select id={id('budgetLine')} value={d.budgetLine} onChange={(e) => setD({ ...d, budgetLine: e.target.value })} onKeyDown={onKeyDown}>
          {lineOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ))}
      {field('status', 'status', 'Status', (
        <select id={id('status')} value={d.status} onChange={(e) => setD({ ...d, status: e.target.value as ActionStatus })} onKeyDown={onKeyDown}>
          {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ))}
      <button type="button" disabled={create.pending} onClick={() => void submit()}>+ RTL</button>
    </div>
  );
}
