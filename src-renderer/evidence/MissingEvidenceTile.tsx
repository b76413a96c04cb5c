import { formatNumber, formatPercent, todayIso } from '../../shared/format';
import { useApiQuery } from '../api/useApi';
import './evidence.css';

// For Beranda: the indicators of this evaluation year whose expected data dukung is still
// missing, each linking to its files. Regions lose points at the province's verifikasi
// administrasi for exactly these gaps. Marked up like Beranda's other list tiles (card tile,
// tile-head, tile-title, tile-open), so it sits in their grid.

const SHOWN = 6;

export function MissingEvidenceTile() {
  const zone = useApiQuery('regionProfile.get', {}).data?.timeZone ?? 'WIB';
  const year = Number(todayIso(zone).slice(0, 4));
  const query = useApiQuery('evidence.completeness', { year });
  const data = query.data;
  const missing = (data?.indicators ?? []).filter((i) => i.missing.length > 0);
  const expected = (data?.clusters ?? []).reduce((n, c) => n + c.expectedCount, 0);
  const present = (data?.clusters ?? []).reduce((n, c) => n + c.presentCount, 0);
  return (
    <section className="card tile evidence-tile" aria-labelledby="missing-evidence-title" data-testid="missing-evidence-tile">
      <div className="tile-head">
        <h2 id="missing-evidence-title" className="tile-title">Data dukung {year} yang belum ada</h2>
        <a href={`#/data-dukung/${year}`} className="tile-open">Data dukung →</a>
      </div>
      {query.error ? <p className="form-error" role="alert">{query.error.message}</p>
        : !data ? <p className="tile-note muted">Memuat…</p>
        : missing.length === 0 ? <p className="tile-note">Semua data dukung yang diharapkan sudah ada.</p>
        : (
          <>
            <p className="tile-note">{formatNumber(missing.length)} indikator masih kurang · kelengkapan {formatPercent(expected === 0 ? 1 : present / expected)}</p>
            <ul className="missing-evidence-list">
              {missing.slice(0, SHOWN).map((i) => (
                <li key={i.indicatorId}>
                  <a href={`#/data-dukung/${year}/${i.indicatorId}`}>Indikator {i.number}</a>: {i.missing.join('; ')}
                </li>
              ))}
            </ul>
            {missing.length > SHOWN && <p className="tile-note muted">dan {formatNumber(missing.length - SHOWN)} indikator lain.</p>}
          </>
        )}
    </section>
  );
}
