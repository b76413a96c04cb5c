import { formatScore } from '../../shared/format';
import { predikatFor, SCORE_STAGE_LABEL, SCORE_STAGES } from '../../shared/kla';
import { useApiQuery } from '../api/useApi';
import { useReference } from '../reference/useReference';
import { EmptyState } from '../components/EmptyState';
import { REGION_TYPE_LABEL } from '../../shared/api/region-profile';

/** Where the regency stands: its scores per year and stage, and the distance to its target. */
export function HomeScreen() {
  const profile = useApiQuery('regionProfile.get', {});
  const scores = useApiQuery('score.list', {});
  const reference = useReference(new Date().getFullYear());
  const p = profile.data;
  const bands = reference.data?.bands ?? [];
  const years = [...new Set((scores.data ?? []).map((s) => s.year))].sort((a, b) => b - a);
  const regionTitle = p?.regionName ? `${REGION_TYPE_LABEL[p.regionType]} ${p.regionName}` : 'Profil daerah belum diisi';
  const target = bands.find((b) => b.name === p?.targetPredikat);

  return (
    <section className="screen" aria-labelledby="home-title">
      <header className="screen-header">
        <div>
          <h1 id="home-title">{regionTitle}</h1>
          <p className="subtitle">
            {p?.targetPredikat ? `Target: predikat ${p.targetPredikat}${p.targetYear ? ` tahun ${p.targetYear}` : ''}` : 'Target predikat belum ditetapkan di Profil daerah.'}
          </p>
        </div>
      </header>
      <h2 className="section-title">Nilai evaluasi KLA</h2>
      {years.length === 0 ? (
        <EmptyState title="Belum ada nilai evaluasi.">Nilai evaluasi mandiri, verifikasi administrasi, dan nilai akhir akan tampil di sini.</EmptyState>
      ) : (
        <table className="data-table" aria-label="Nilai evaluasi per tahun">
          <thead>
            <tr><th>Tahun</th>{SCORE_STAGES.map((s) => <th key={s} className="num">{SCORE_STAGE_LABEL[s]}</th>)}<th>Predikat (nilai terakhir)</th>{target && <th className="num">Jarak ke {target.name}</th>}</tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const byStage = new Map((scores.data ?? []).filter((s) => s.year === year).map((s) => [s.stage, s.total]));
              const latest = byStage.get('FINAL') ?? byStage.get('VA') ?? byStage.get('EM');
              const predikat = latest === undefined ? null : predikatFor(latest, bands);
              return (
                <tr key={year}>
                  <td>{year}</td>
                  {SCORE_STAGES.map((s) => <td key={s} className="num">{byStage.has(s) ? formatScore(byStage.get(s)!) : '—'}</td>)}
                  <td>{latest === undefined ? '—' : predikat?.name ?? 'Belum berpredikat'}</td>
                  {target && <td className="num">{latest === undefined ? '—' : latest >= target.minScore ? 'Tercapai' : formatScore(target.minScore - latest)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
