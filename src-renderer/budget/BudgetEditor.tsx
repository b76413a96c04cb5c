import { useState } from 'react';
import type { BudgetLine } from '../../shared/meeting';
import { formatPercent, formatRupiah, parseRupiah } from '../../shared/format';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoMoney, AutoText, moneyProblem } from '../components/AutosaveFields';
import { AgencyPicker, AutoAgency } from '../agency/AgencyPicker';
import type { TabProps } from '../workspace/tab-props';
import { forNewEntries } from '../workspace/meeting-agencies';
import { useUndoableDelete } from '../components/useUndoableDelete';

const CODE = /^[0-9X]+(\.[0-9X]+)*$/i;
const codeProblem = (v: string) => (v.trim() !== '' && !CODE.test(v.trim()) ? t('field.subActivityCode') : undefined);
const yearProblem = (v: string) => (/^\d{4}$/.test(v.trim()) && Number(v) >= 2000 && Number(v) <= 2100 ? undefined : t('field.year'));

/**
 * Realisasi above pagu happens (a pagu cut in the APBD perubahan, a typo): it is saved, and said
 * out loud next to the line so that nobody signs a notulen with it unnoticed.
 */
export function overAllocationWarning(allocationSen: number, realizationSen: number): string | undefined {
  if (realizationSen <= allocationSen) return undefined;
  return t('budget.overAllocation', { percent: allocationSen > 0 ? formatPercent(realizationSen / allocationSen) : 'pagu Rp0' });
}

/** Budget lines of an indicator: agency, sub-kegiatan, sumber dana, tahun, pagu, realisasi. */
export function BudgetEditor({ indicatorId, meetingId, year, lines, agencies }: {
  indicatorId: number; meetingId: number; year: number; lines: BudgetLine[]; agencies: TabProps['agencies'];
}) {
  // `lines` come from the cached workspace, which each saved field updates: the Jumlah row follows.
  const update = useApiMutation('budgetLine.update');
  const deletion = useUndoableDelete('budgetLine.delete', 'Baris anggaran dihapus.');
  const total = lines.reduce((s, l) => s + l.allocationSen, 0);
  const realized = lines.reduce((s, l) => s + l.realizationSen, 0);
  const offered = forNewEntries(agencies);
  return (
    <div className="sub-block">
      <h4>Anggaran</h4>
      {lines.length > 0 && (
        <div className="table-scroll">
        <table className="data-table compact budget-table" aria-label="Anggaran indikator">
          <thead>
            <tr><th>Instansi</th><th>Kode sub kegiatan</th><th>Nama sub kegiatan</th><th>Sumber dana</th><th>Tahun</th><th className="num">Pagu (Rp)</th><th className="num">Realisasi (Rp)</th><th><span className="visually-hidden">Tindakan</span></th></tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const save = (patch: Omit<Parameters<typeof update.call>[0], 'id'>, k: boolean) => update.call({ ...patch, id: l.id }, k);
              const warning = overAllocationWarning(l.allocationSen, l.realizationSen);
              return [
                <tr key={l.id} data-testid="budget-row" className={warning ? 'has-warning' : undefined}>
                  <td className="agency-cell"><AutoAgency saveKey={`budget:${l.id}:agency`} label={`Instansi anggaran ${i + 1}`} hideLabel initial={l.agencyId}
                    agencies={offered} known={agencies} path="agencyId" save={(v, k) => save({ agencyId: v ?? l.agencyId }, k)} /></td>
                  <td><AutoText saveKey={`budget:${l.id}:code`} label={`Kode sub kegiatan ${i + 1}`} hideLabel initial={l.subActivityCode} check={codeProblem}
                    path="subActivityCode" save={(v, k) => save({ subActivityCode: v.trim() }, k)} /></td>
                  <td className="name-cell"><AutoText saveKey={`budget:${l.id}:name`} label={`Nama sub kegiatan ${i + 1}`} hideLabel multiline rows={2} initial={l.activityName}
                    path="activityName" save={(v, k) => save({ activityName: v }, k)} /></td>
                  <td><AutoText saveKey={`budget:${l.id}:source`} label={`Sumber dana ${i + 1}`} hideLabel initial={l.fundingSource} input={{ list: 'funding-sources' }}
                    save={(v, k) => save({ fundingSource: v }, k)} /></td>
                  <td className="year-cell"><AutoText saveKey={`budget:${l.id}:year`} label={`Tahun anggaran ${i + 1}`} hideLabel initial={String(l.fiscalYear)} check={yearProblem}
                    input={{ inputMode: 'numeric' }} save={(v, k) => save({ fiscalYear: Number(v) }, k)} /></td>
                  <td><AutoMoney saveKey={`budget:${l.id}:allocation`} label={`Pagu ${i + 1}`} hideLabel initial={l.allocationSen} path="allocationSen"
                    save={(v, k) => save({ allocationSen: v }, k)} /></td>
                  <td><AutoMoney saveKey={`budget:${l.id}:realization`} label={`Realisasi ${i + 1}`} hideLabel initial={l.realizationSen} path="realizationSen"
                    save={(v, k) => save({ realizationSen: v }, k)} /></td>
                  <td><button type="button" className="danger-text small-button" aria-label={`Hapus anggaran ${i + 1}`}
                    onClick={() => void deletion.remove(l.id)}>Hapus</button></td>
                </tr>,
                warning && (
                  <tr key={`${l.id}-warning`} className="row-warning" data-testid="budget-warning">
                    <td colSpan={8} role="status"><span aria-hidden="true">⚠ </span>Baris {i + 1}: {warning}</td>
                  </tr>
                ),
              ];
            })}
          </tbody>
          <tfoot>
            <tr><th colSpan={5}>Jumlah</th><th className="num">{formatRupiah(total)}</th><th className="num">{formatRupiah(realized)}{total > 0 ? ` (${formatPercent(realized / total)})` : ''}</th><th /></tr>
          </tfoot>
        </table>
        </div>
      )}
      <NewBudgetRow indicatorId={indicatorId} meetingId={meetingId} year={year} agencies={offered} />
    </div>
  );
}

function NewBudgetRow({ indicatorId, meetingId, year, agencies }: {
  indicatorId: number; meetingId: number; year: number; agencies: TabProps['agencies'];
}) {
  const create = useApiMutation('budgetLine.create');
  const empty = { agencyId: '', code: '', name: '', source: 'APBD murni', year: String(year), allocation: '', realization: '' };
  const [d, setD] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (k: string) => `new-budget-${indicatorId}-${k}`;
  async function submit() {
    const local: Record<string, string> = {};
    if (!d.agencyId) local.agencyId = t('field.required');
    const codeErr = codeProblem(d.code);
    if (codeErr) local.subActivityCode = codeErr;
    const yErr = yearProblem(d.year);
    if (yErr) local.fiscalYear = yErr;
    const allocation = parseRupiah(d.allocation);
    if (d.allocation.trim() === '') local.allocationSen = t('field.required');
    else if (moneyProblem(d.allocation) || allocation === null) local.allocationSen = t('field.money');
    const realization = d.realization.trim() === '' ? 0 : parseRupiah(d.realization);
    if (realization === null) local.realizationSen = t('field.money');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await create.call({
        agencyId: Number(d.agencyId), indicatorId, meetingId, subActivityCode: d.code.trim(), activityName: d.name.trim(), fundingSource: d.source,
        fiscalYear: Number(d.year), allocationSen: allocation!, realizationSen: realization!,
      });
      setD({ ...empty, agencyId: d.agencyId, source: d.source });
      document.getElementById(id('agencyId'))?.focus();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
    }
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') { e.preventDefault(); void submit(); }
  };
  const field = (key: keyof typeof empty, errKey: string, label: string, control: React.ReactNode) => (
    <div className={`field${errors[errKey] ? ' has-error' : ''}`}>
      <label htmlFor={id(key)}>{label}</label>
      {control}
      {errors[errKey] && <div className="field-error" role="alert">{errors[errKey]}</div>}
    </div>
  );
  const input = (key: keyof typeof empty, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input id={id(key)} {...extra} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} onKeyDown={onKeyDown} />
  );
  const typedAllocation = parseRupiah(d.allocation);
  const typedRealization = parseRupiah(d.realization);
  const warning = typedAllocation !== null && typedRealization !== null && d.realization.trim() !== '' ? overAllocationWarning(typedAllocation, typedRealization) : undefined;
  return (
    <>
    <div className="add-row budget-add" data-testid="new-budget">
      {field('agencyId', 'agencyId', 'Instansi', (
        <AgencyPicker id={id('agencyId')} agencies={agencies} value={d.agencyId ? Number(d.agencyId) : null}
          onChange={(v) => setD({ ...d, agencyId: v === null ? '' : String(v) })} onKeyDown={onKeyDown} invalid={Boolean(errors.agencyId)} />
      ))}
      {field('code', 'subActivityCode', 'Kode sub kegiatan', input('code', { placeholder: '2.08.06.2.01.0001' }))}
      {field('name', 'activityName', 'Nama sub kegiatan', input('name', { placeholder: 'mis. Penyediaan layanan PUSPAGA' }))}
      {field('source', 'fundingSource', 'Sumber dana', input('source', { list: 'funding-sources' }))}
      {field('year', 'fiscalYear', 'Tahun', input('year', { inputMode: 'numeric', className: 'narrow' }))}
      {field('allocation', 'allocationSen', 'Pagu (Rp)', input('allocation', { inputMode: 'decimal', placeholder: '1.250.000', className: 'money' }))}
      {field('realization', 'realizationSen', 'Realisasi (Rp)', input('realization', { inputMode: 'decimal', placeholder: '0', className: 'money' }))}
      <button type="button" disabled={create.pending} onClick={() => void submit()}>+ Anggaran</button>
    </div>
    {warning && <p className="inline-warning" role="status" data-testid="new-budget-warning"><span aria-hidden="true">⚠ </span>{warning}</p>}
    </>
  );
}
