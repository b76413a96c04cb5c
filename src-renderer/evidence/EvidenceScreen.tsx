import { Fragment, useMemo } from 'react';
import type { Completeness, IndicatorCompleteness } from '../../shared/api/evidence';
import { formatNumber, formatPercent, todayIso } from '../../shared/format';
import { clusterLabel } from '../../shared/kla';
import { useApiQuery } from '../api/useApi';
import { navigate } from '../router';
import { EvidencePanel } from './EvidencePanel';
import { PackageSave } from './PackageSave';
import './evidence.css';

// "Data dukung" (#/data-dukung/2025[/indikator id]): per evaluation year, how complete the
// evidence is per klaster (percentage of expected items with at least one file) and per
// indicator (what is expected, what is present, what is missing), and the files of one
// indicator opened in place to attach more.

function parse(subPath: string): { year?: number; indicatorId?: number } {
  const [year, indicator] = subPath.split('/').filter(Boolean).map(Number);
  return { year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined, indicatorId: Number.isInteger(indicator) && indicator > 0 ? indicator : undefined };
}

export function EvidenceScreen({ subPath }: { subPath: string }) {
  const zone = useApiQuery('regionProfile.get', {}).data?.timeZone ?? 'WIB';
  const thisYear = Number(todayIso(zone).slice(0, 4));
  const picked = parse(subPath);
  const year = picked.year ?? thisYear;
  const completeness = useApiQuery('evidence.completeness', { year });
  const expectations = useApiQuery('evidence.expectations', {});
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  const data = completeness.data;
  const openNumber = data?.indicators.find((i) => i.indicatorId === picked.indicatorId)?.number;
  // One array per opened indicator (not per render), so the panel's queue rows stay memoised.
  const openExpectations = useMemo(() => (expectations.data ?? []).filter((x) => x.indicatorNumber === openNumber), [expectations.data, openNumber]);

  return (
    <section className="screen" aria-labelledby="evidence-title">
      <header className="screen-header">
        <div>
          <h1 id="evidence-title">Data dukung</h1>
          <p className="subtitle">Berkas bukti per indikator untuk evaluasi KLA: apa yang diharapkan instrumen, apa yang sudah ada, dan apa yang masih kurang.</p>
        </div>
        <label className="inline-field">
          Tahun evaluasi
          <select className="year-select" value={year} onChange={(e) => navigate(`/data-dukung/${e.target.value}`)} aria-label="Tahun evaluasi">
            {years.sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </header>
      {completeness.error && <p className="form-error" role="alert">{completeness.error.message}</p>}
      {data && data.referenceYear !== year && <p className="muted small">Memakai daftar indikator tahun {data.referenceYear}.</p>}
      {data && <ClusterSummary data={data} />}
      {/* Mounted while another year loads, so a package being written keeps its progress and its
          notice when the user looks at another year meanwhile. */}
      <PackageSave year={year} />
      {!data ? <p className="muted">Memuat kelengkapan…</p> : (
        <>
          <table className="data-table completeness-table" aria-label={`Kelengkapan data dukung ${year}`}>
            <thead><tr><th className="num">No</th><th>Indikator</th><th>Kelengkapan</th><th className="num">Berkas</th><th><span className="visually-hidden">Tindakan</span></th></tr></thead>
            <tbody>
              {data.indicators.map((ind) => (
                <Fragment key={ind.indicatorId}>
                  <IndicatorRow ind={ind} year={year} open={picked.indicatorId === ind.indicatorId} />
                  {picked.indicatorId === ind.indicatorId && (
                    <tr className="indicator-evidence-row">
                      <td colSpan={5}>
                        <EvidencePanel owner={{ indicatorId: ind.indicatorId, evaluationYear: year }} label={`Indikator ${ind.number} (${year})`}
                          defaultDate={todayIso(zone)} expectations={openExpectations}
                          defaultExpectationId={ind.expected.find((x) => x.present === 0)?.id ?? null} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ClusterSummary({ data }: { data: Completeness }) {
  return (
    <div className="completeness-clusters" aria-label="Kelengkapan per klaster" role="list">
      {data.clusters.map((c) => (
        <div key={c.code} className="completeness-cluster" role="listitem" data-testid="cluster-completeness">
          <span className="small muted">{clusterLabel(c.code)}</span>
          <span className="percent">{c.expectedCount === 0 ? '—' : formatPercent(c.ratio)}</span>
          <span className="meter" aria-hidden="true"><span style={{ width: `${Math.round(c.ratio * 100)}%` }} /></span>
          <span className="small muted">{c.expectedCount === 0 ? 'Tidak ada yang diharapkan' : `${formatNumber(c.presentCount)} dari ${formatNumber(c.expectedCount)} jenis ada`}</span>
        </div>
      ))}
    </div>
  );
}

function IndicatorRow({ ind, year, open }: { ind: IndicatorCompleteness; year: number; open: boolean }) {
  const present = ind.expected.filter((x) => x.present > 0);
  return (
    <tr data-testid="indicator-completeness">
      <td className="num">{ind.number}</td>
      <td>{ind.name}</td>
      <td>
        {ind.expected.length === 0 ? <span className="muted">Belum ada daftar yang diharapkan</span> : (
          <>
            <strong>{formatNumber(ind.presentCount)} dari {formatNumber(ind.expected.length)}</strong>
            {present.length > 0 && <ul className="present-list" aria-label="Sudah ada">{present.map((x) => <li key={x.id}>✓ {x.title}</li>)}</ul>}
            {ind.missing.length > 0 && <ul className="missing-list" aria-label="Belum ada">{ind.missing.map((m) => <li key={m}>Belum ada: {m}</li>)}</ul>}
          </>
        )}
      </td>
      <td className="num">{formatNumber(ind.fileCount)}</td>
      <td>
        {open
          ? <a className="button" href={`#/data-dukung/${year}`}>Tutup</a>
          : <a className="button" href={`#/data-dukung/${year}/${ind.indicatorId}`} aria-label={`Kelola data dukung indikator ${ind.number}`}>Kelola</a>}
      </td>
    </tr>
  );
}
