import { useState } from 'react';
import { clusterLabel } from '../../shared/kla';
import { formatDate } from '../../shared/format';
import { useApiQuery } from '../api/useApi';
import { StatusBadge } from '../meeting/StatusBadge';
import { EmptyState } from '../components/EmptyState';
import './rakor-year.css';

/**
 * Rakor per tahun: per klaster the rakor held in a year against what the KLA instrument rewards
 * (more than four a year), with the list of meetings, each opening its rakor.
 */
export function RakorYearScreen() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const data = useApiQuery('meeting.perYear', { year }, { keepPrevious: true });
  const d = data.data;
  const years = [...new Set([thisYear, ...(d?.years ?? [])])].sort((a, b) => b - a);

  return (
    <section className="screen" aria-labelledby="rakor-year-title">
      <header className="screen-header">
        <div>
          <h1 id="rakor-year-title">Rakor per tahun</h1>
          <p className="subtitle">
            Instrumen evaluasi KLA memberi nilai terbaik bila Gugus Tugas rapat koordinasi lebih dari 4 kali setahun. Rakor dihitung terlaksana setelah ditutup (notulen ditandatangani); rapat pleno dihitung untuk setiap klasternya.
          </p>
        </div>
      </header>
      <div className="card toolbar">
        <div className="field">
          <label htmlFor="rakor-year">Tahun</label>
          <select id="rakor-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        {d && <span className="count" data-testid="rakor-year-total">{d.heldTotal} rakor terlaksana tahun {d.year}</span>}
      </div>
      {data.error && <p className="form-error" role="alert">{data.error.message}</p>}
      {d && d.years.length === 0 && (
        <EmptyState title="Belum ada rapat.">Buat rakor pertama di <a href="#/rapat/baru">Rapat</a>; jumlah rakor per klaster tampil di sini.</EmptyState>
      )}
      {d && d.years.length > 0 && (
        <div className="rakor-year-list">
          {d.clusters.map((c) => (
            <article key={c.code} className="card rakor-cluster" data-testid={`rakor-cluster-${c.code}`} aria-labelledby={`rakor-${c.code}`}>
              <header className="rakor-cluster-head">
                <h2 id={`rakor-${c.code}`}>{clusterLabel(c.code)} <span className="muted small">{c.code === 'KL' ? '' : c.name}</span></h2>
                <span className={`expectation ${c.meetsExpectation ? 'met' : 'short'}`} data-testid={`rakor-count-${c.code}`}>
                  {c.held} terlaksana · {c.meetsExpectation ? 'memenuhi' : `kurang ${d.expected - c.held}`}
                </span>
              </header>
              <div className="meter" role="img" aria-label={`${c.held} rakor terlaksana dari ${d.expected} yang diharapkan`}>
                {Array.from({ length: Math.max(d.expected, c.held + c.notHeld) }, (_, i) => (
                  <span key={i} className={i < c.held ? 'held' : i < c.held + c.notHeld ? 'planned' : ''} />
                ))}
              </div>
              {c.meetings.length === 0 ? <p className="muted small">Belum ada rakor tahun {d.year}.</p> : (
                <ul className="rakor-meetings">
                  {c.meetings.map((m) => (
                    <li key={m.id}>
                      <a href={`#/rapat/${m.id}`}>{m.title}</a> <span className="muted">· {formatDate(m.date)}</span> <StatusBadge status={m.status} />
                      {!m.held && <span className="muted small"> belum ditutup</span>}
                    </li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
