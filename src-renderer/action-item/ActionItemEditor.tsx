import { useState } from 'react';
import type { ActionItem } from '../../shared/meeting';
import { ACTION_STATUS_LABEL } from '../../shared/meeting';
import type { ActionStatus, Agency } from '../../shared/types';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoSelect, AutoText } from '../components/AutosaveFields';
import { agencyLabel, agencyShort } from '../agency/agencyInput';
import type { TabProps } from '../workspace/tab-props';
import { forNewEntries } from '../workspace/meeting-agencies';
import { useUndoableDelete } from '../components/useUndoableDelete';

const STATUS_OPTIONS = (Object.keys(ACTION_STATUS_LABEL) as ActionStatus[]).map((s) => ({ value: s, label: ACTION_STATUS_LABEL[s] }));

/** "Dinkes, Bappeda" -> agency ids; an unknown name is reported, never guessed. */
export function parseAgencyList(text: string, agencies: Agency[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const key = part.toLowerCase();
    const a = agencies.find((x) => x.abbreviation.toLowerCase() === key || x.name.toLowerCase() === key || agencyLabel(x).toLowerCase() === key);
    if (a) { if (!ids.includes(a.id)) ids.push(a.id); } else unknown.push(part);
  }
  return { ids, unknown };
}

const listProblem = (agencies: Agency[]) => (v: string) => {
  const { unknown } = parseAgencyList(v, agencies);
  return unknown.length ? `Instansi tidak dikenal: ${unknown.join(', ')}. Pakai singkatan dari daftar instansi.` : undefined;
};

/** RTLs of an indicator, added and edited in place. */
export function ActionItemEditor({ indicatorId, meetingId, actions, agencies, problem }: {
  indicatorId: number; meetingId: number; actions: ActionItem[]; agencies: TabProps['agencies']; problem(): string;
}) {
  const update = useApiMutation('actionItem.update');
  const deletion = useUndoableDelete('actionItem.delete', 'RTL dihapus.');
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const agencyOptions = [{ value: '', label: '—' }, ...forNewEntries(agencies).map((a) => ({ value: String(a.id), label: agencyLabel(a) }))];
  // Rows are narrow: their pickers show the abbreviation only.
  const shortOptions = [{ value: '', label: '—' }, ...agencies.map((a) => ({ value: String(a.id), label: agencyShort(a) }))];
  return (
    <div className="sub-block">
      <h4>Rencana tindak lanjut (RTL)</h4>
      {actions.length > 0 && (
        <table className="data-table compact rtl-table" aria-label="RTL indikator">
          <thead>
            <tr><th>Uraian tindak lanjut</th><th>Penanggung jawab</th><th>Pihak terkait</th><th>Target waktu</th><th>Status</th><th><span className="visually-hidden">Tindakan</span></th></tr>
          </thead>
          <tbody>
            {actions.map((a, i) => {
              const save = (patch: Omit<Parameters<typeof update.call>[0], 'id'>, k: boolean) => update.call({ id: a.id, ...patch }, k);
              return (
                <tr key={a.id} data-testid="rtl-row">
                  <td className="wide"><AutoText saveKey={`action:${a.id}:description`} label={`Uraian RTL ${i + 1}`} hideLabel multiline rows={2} initial={a.description} required path="description"
                    save={(v, k) => save({ description: v }, k)} /></td>
                  <td><AutoSelect saveKey={`action:${a.id}:lead`} label={`Penanggung jawab RTL ${i + 1}`} hideLabel initial={a.leadAgencyId ? String(a.leadAgencyId) : ''}
                    options={shortOptions} save={(v, k) => save({ leadAgencyId: v ? Number(v) : null }, k)} /></td>
                  <td><AutoText saveKey={`action:${a.id}:related`} label={`Pihak terkait RTL ${i + 1}`} hideLabel input={{ list: 'agency-abbr' }}
                    initial={a.relatedAgencyIds.map((x) => agencyShort(byId.get(x))).join(', ')} check={listProblem(agencies)}
                    save={(v, k) => save({ relatedAgencyIds: parseAgencyList(v, agencies).ids }, k)} /></td>
                  <td><AutoText saveKey={`action:${a.id}:target`} label={`Target waktu RTL ${i + 1}`} hideLabel input={{ type: 'date' }} initial={a.targetDate ?? ''} path="targetDate"
                    save={(v, k) => save({ targetDate: v || null }, k)} /></td>
                  <td><AutoSelect saveKey={`action:${a.id}:status`} label={`Status RTL ${i + 1}`} hideLabel initial={a.status} options={STATUS_OPTIONS}
                    save={(v, k) => save({ status: v }, k)} /></td>
                  <td><button type="button" className="danger-text small-button" aria-label={`Hapus RTL ${i + 1}`}
                    onClick={() => void deletion.remove(a.id)}>Hapus</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <NewActionRow indicatorId={indicatorId} meetingId={meetingId} agencies={forNewEntries(agencies)} options={agencyOptions} problem={problem} />
    </div>
  );
}

function NewActionRow({ indicatorId, meetingId, agencies, options, problem }: {
  indicatorId: number; meetingId: number; agencies: Agency[]; options: { value: string; label: string }[]; problem(): string;
}) {
  const create = useApiMutation('actionItem.create');
  const empty = { description: '', lead: '', related: '', target: '', status: 'belum' as ActionStatus };
  const [d, setD] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (k: string) => `new-rtl-${indicatorId}-${k}`;
  async function submit() {
    const local: Record<string, string> = {};
    if (d.description.trim() === '') local.description = t('field.required');
    const related = parseAgencyList(d.related, agencies);
    const relErr = listProblem(agencies)(d.related);
    if (relErr) local.relatedAgencyIds = relErr;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await create.call({
        meetingId, indicatorId, problem: problem(), description: d.description.trim(), leadAgencyId: d.lead ? Number(d.lead) : null,
        relatedAgencyIds: related.ids, targetDate: d.target || null, status: d.status,
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
  const field = (key: string, errKey: string, label: string, control: React.ReactNode) => (
    <div className={`field${errors[errKey] ? ' has-error' : ''}${key === 'description' ? ' grow' : ''}`}>
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
        <select id={id('lead')} value={d.lead} onChange={(e) => setD({ ...d, lead: e.target.value })} onKeyDown={onKeyDown}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ))}
      {field('related', 'relatedAgencyIds', 'Pihak terkait', (
        <input id={id('related')} list="agency-abbr" value={d.related} placeholder="mis. Bappeda, DP3A" onChange={(e) => setD({ ...d, related: e.target.value })} onKeyDown={onKeyDown} />
      ))}
      {field('target', 'targetDate', 'Target waktu', (
        <input id={id('target')} type="date" value={d.target} onChange={(e) => setD({ ...d, target: e.target.value })} onKeyDown={onKeyDown} />
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
