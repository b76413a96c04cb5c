import { useState } from 'react';
import { clusterLabel } from '../../shared/kla';
import { formatScore } from '../../shared/format';
import { useQuery } from '../api/useQuery';

/** The clusters and indicators in force for a year, with the predikat bands of that set. */
export function ReferenceScreen() {
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useQuery('reference.get', { year });
  const data = query.data;
  const total = data?.clusters.reduce((n, c) => n + c.indicators.length, 0) ?? 0;
  return (
    <section className="screen" aria-labelledby="reference-title">
      <header className="screen-header">
        <div>
          <h1 id="reference-title">Indikator KLA</h1>
          <p className="subtitle">
            {data ? `${data.clusters.length} klaster, ${total} indikator — perangkat yang berlaku sejak ${data.year}.` : 'Memuat…'}
          </p>
        </div>
        <div className="header-actions">
          <label className="inline-field">
            Tahun evaluasi
            <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
          </label>
          <a className="button" href="#/master-indikator">Ubah indikator dan predikat</a>
        </div>
      </header>
      {query.error && <p className="form-error" role="alert">{query.error}</p>}
      {data && (
        <>
          <div className="band-list" aria-label="Rentang predikat">
            {data.bands.map((b) => (
              <span key={b.id} className="band">{b.name}: {formatScore(b.minScore)}–{formatScore(b.maxScore)}</span>
            ))}
          </div>
          {data.clusters.map((cluster) => (
            <div key={cluster.id} className="card cluster-card" data-testid="cluster">
              <h2>{clusterLabel(cluster.code)}{cluster.code !== 'KL' ? ` — ${cluster.name}` : ''}</h2>
              <table className="data-table compact">
                <thead>
                  <tr><th className="num">No</th><th>Indikator</th><th>OPD yang biasa mengampu</th></tr>
                </thead>
                <tbody>
                  {cluster.indicators.map((indicator) => (
                    <tr key={indicator.id} data-testid="indicator">
                      <td className="num">{indicator.number}</td>
                      <td>
                        {indicator.name}
                        {indicator.subIndicators.length > 0 && (
                          <ul className="sub-list">
                            {indicator.subIndicators.map((s) => <li key={s.id}>{indicator.number}{s.code}. {s.name}</li>)}
                          </ul>
                        )}
                      </td>
                      <td>{indicator.usualAgencies}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
