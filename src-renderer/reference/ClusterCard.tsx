import { useState } from 'react';
import type { Agency, EvaluationYear, SubIndicator } from '../../shared/types';
import { UsualAgencies } from './UsualAgencies';
import { clusterLabel } from '../../shared/kla';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { pointsProblem, showPoints, toPoints } from './points';

/** One klaster of a year: its name, and per indicator the name, sub-indicators, usual agencies and maximum points. */
export function ClusterCard({ cluster: c, agencies }: { cluster: EvaluationYear['clusters'][number]; agencies: Agency[] }) {
  const updateCluster = useApiMutation('reference.updateCluster');
  const updateIndicator = useApiMutation('reference.updateIndicator');
  return (
    <div className="card cluster-card" data-testid="cluster">
      <h2>{clusterLabel(c.code)}</h2>
      <AutoText saveKey={`cluster:${c.id}:name`} label={`Nama ${clusterLabel(c.code)}`} initial={c.name} required path="name"
        save={(v, k) => updateCluster.call({ id: c.id, name: v.trim() }, k)} />
      <table className="data-table compact indicator-table" aria-label={`Indikator ${clusterLabel(c.code)}`}>
        <thead><tr><th className="num">No</th><th>Nama indikator dan sub-indikator</th><th>Instansi yang biasa menangani</th><th className="num">Poin maks.</th></tr></thead>
        <tbody>
          {c.indicators.map((i) => (
            <tr key={i.id} data-testid="indicator">
              <td className="num">{i.number}</td>
              <td>
                <AutoText saveKey={`indicator:${i.id}:name`} label={`Nama indikator ${i.number}`} hideLabel initial={i.name} required path="name"
                  save={(v, k) => updateIndicator.call({ id: i.id, name: v.trim() }, k)} />
                <SubItems indicatorId={i.id} number={i.number} subs={i.subIndicators} />
              </td>
              <td><UsualAgencies indicator={i} agencies={agencies} /></td>
              <td className="year-cell"><AutoText saveKey={`indicator:${i.id}:max`} label={`Poin maksimal indikator ${i.number}`} hideLabel initial={showPoints(i.maxPoints)}
                check={pointsProblem} path="maxPoints" input={{ inputMode: 'decimal', className: 'money' }}
                save={(v, k) => updateIndicator.call({ id: i.id, maxPoints: toPoints(v) }, k)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SubItems({ indicatorId, number, subs }: { indicatorId: number; number: number; subs: SubIndicator[] }) {
  const creation = useApiMutation('reference.createSubIndicator');
  const update = useApiMutation('reference.updateSubIndicator');
  const deletion = useApiMutation('reference.deleteSubIndicator');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  async function add() {
    try {
      await creation.call({ indicatorId, code, name });
      setCode('');
      setName('');
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fields[0]?.message ?? e.message) : (e as Error).message);
    }
  }
  return (
    <div className="sub-items">
      {subs.map((s) => (
        <div key={s.id} className="add-row sub-item">
          <AutoText saveKey={`sub:${s.id}:code`} label={`Kode sub ${number}${s.code}`} hideLabel initial={s.code} required className="narrow"
            save={(v, k) => update.call({ id: s.id, code: v.trim() }, k)} />
          <AutoText saveKey={`sub:${s.id}:name`} label={`Sub-indikator ${number}${s.code}`} hideLabel initial={s.name} required className="grow"
            save={(v, k) => update.call({ id: s.id, name: v.trim() }, k)} />
          <AutoText saveKey={`sub:${s.id}:max`} label={`Poin maksimal sub ${number}${s.code}`} hideLabel initial={showPoints(s.maxPoints)} check={pointsProblem} className="narrow"
            save={(v, k) => update.call({ id: s.id, maxPoints: toPoints(v) }, k)} />
          <button type="button" className="danger-text small-button" aria-label={`Hapus sub-indikator ${number}${s.code}`}
            onClick={() => void deletion.call({ id: s.id })}>Hapus</button>
        </div>
      ))}
      <details>
        <summary className="muted small">+ Sub-indikator</summary>
        <div className="add-row">
          <input aria-label={`Kode sub-indikator baru ${number}`} className="narrow" placeholder="a" value={code} onChange={(e) => setCode(e.target.value)} />
          <input aria-label={`Nama sub-indikator baru ${number}`} placeholder="Nama sub-indikator" value={name} onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') void add(); }} />
          <button type="button" onClick={() => void add()}>Tambah</button>
        </div>
        {error && <div className="field-error" role="alert">{error}</div>}
      </details>
    </div>
  );
}
