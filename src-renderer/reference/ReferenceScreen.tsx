import { useState } from 'react';
import { ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { SaveIndicator } from '../components/AutosaveFields';
import { BandsEditor } from './BandsEditor';
import { ClusterCard } from './ClusterCard';
import './reference.css';

/** The set in force now: the newest evaluation year not after this one (else the oldest there is). */
function yearInForce(years: number[]): number | undefined {
  const now = new Date().getFullYear();
  return [...years].reverse().find((y) => y <= now) ?? years[0];
}

/**
 * Indikator KLA: per evaluation year the klaster, indikator, sub-indikator, poin maksimal and
 * rentang predikat, read and edited in place (each field saves itself); a new year starts as a
 * copy of the one before.
 */
export function ReferenceScreen() {
  const years = useApiQuery('reference.years', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? yearInForce(years.data ?? []);
  const reference = useApiQuery('reference.get', { year: year ?? 0 }, { enabled: year !== undefined });
  // Every agency, inactive too: a link to an inactive agency still shows its name.
  const agencies = useApiQuery('agency.list', {});
  const data = reference.data;
  const total = data?.clusters.reduce((n, c) => n + c.indicators.length, 0) ?? 0;
  const error = years.error ?? reference.error;

  return (
    <section className="screen" aria-labelledby="reference-title">
      <header className="screen-header">
        <div>
          <h1 id="reference-title">Indikator KLA</h1>
          <p className="subtitle">
            {data ? `${data.clusters.length} klaster, ${total} indikator — perangkat tahun evaluasi ${data.year}. Setiap isian tersimpan sendiri.` : 'Memuat…'}
          </p>
        </div>
        <SaveIndicator />
      </header>
      <div className="card add-row">
        <div className="field">
          <label htmlFor="reference-year">Tahun evaluasi</label>
          <select id="reference-year" value={year ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {(years.data ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <NewYear onCreated={setChosen} />
      </div>
      {error && <p className="form-error" role="alert">{error.message}</p>}
      {data && (
        <>
          <BandsEditor key={`bands-${data.year}-${data.bands.map((b) => b.id).join()}`} year={data.year} bands={data.bands} />
          {data.clusters.map((c) => <ClusterCard key={c.id} cluster={c} agencies={agencies.data ?? []} />)}
        </>
      )}
    </section>
  );
}

function NewYear({ onCreated }: { onCreated(year: number): void }) {
  const creation = useApiMutation('reference.createYear');
  const notice = useNotice();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  async function create() {
    try {
      const created = await creation.call({ year: Number(text) });
      notice('success', `Tahun evaluasi ${created.year} dibuat dari salinan perangkat sebelumnya.`);
      setText('');
      setError(undefined);
      onCreated(created.year);
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fieldMessage('year') ?? e.message) : (e as Error).message);
    }
  }
  return (
    <>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="new-year">Tahun evaluasi baru</label>
        <input id="new-year" inputMode="numeric" value={text} placeholder="mis. 2026" onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') void create(); }} />
        {error && <div className="field-error" role="alert">{error}</div>}
      </div>
      <button type="button" onClick={() => void create()} disabled={!text}>Buat dari salinan</button>
    </>
  );
}
