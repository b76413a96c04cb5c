import { useMemo, useState } from 'react';
import { AGENCY_KIND_LABEL, AGENCY_KINDS } from '../../shared/api/agency';
import { formatShortDate } from '../../shared/format';
import { ACTION_STATUS_LABEL, MEETING_STATUS_LABEL } from '../../shared/meeting';
import { api } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { EmptyState } from '../components/EmptyState';
import { deliver } from '../export/download';
import { navigate } from '../router';
import { absorption, money } from './labels';
import './board.css';

// Rekap per instansi (issue 11): for one OPD/instansi in one year, its indicators, its RTLs
// (overdue first), its budget lines and its attendance at rakor; the same as a one-page letter
// to send it, and every agency's letter at once as a zip. "#/rekap-instansi/12/2025".

export function AgencyRecapRoutes({ subPath }: { subPath: string }) {
  const [agencyPart, yearPart] = subPath.split('/').filter(Boolean).map(Number);
  const agencyId = Number.isInteger(agencyPart) && agencyPart > 0 ? agencyPart : undefined;
  const year = Number.isInteger(yearPart) && yearPart >= 2000 ? yearPart : undefined;
  return <AgencyRecapScreen agencyId={agencyId} year={year} />;
}

const path = (agencyId: number | undefined, year: number | undefined) => `/rekap-instansi${agencyId ? `/${agencyId}` : ''}${agencyId && year ? `/${year}` : ''}`;

type Busy = null | 'one' | 'all';

function AgencyRecapScreen({ agencyId, year: chosenYear }: { agencyId: number | undefined; year: number | undefined }) {
  // The board answers the region's current year and the years worth offering.
  const years = useApiQuery('reference.board', {});
  const year = chosenYear ?? years.data?.year;
  const agencies = useApiQuery('agency.list', {});
  const recap = useApiQuery('agency.recap', { agencyId: agencyId ?? 0, year: year ?? 0 }, { enabled: agencyId !== undefined && year !== undefined });
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const grouped = useMemo(() => AGENCY_KINDS.map((kind) => ({
    kind,
    list: (agencies.data ?? []).filter((a) => a.kind === kind && (a.active || a.id === agencyId)).sort((a, b) => a.name.localeCompare(b.name, 'id')),
  })).filter((g) => g.list.length > 0), [agencies.data, agencyId]);

  async function download(which: Exclude<Busy, null>) {
    if (busy || year === undefined) return;
    setBusy(which);
    setOutcome({ kind: 'success', text: which === 'all' ? 'Menyusun surat untuk semua instansi…' : 'Menyusun surat…' });
    try {
      const file = await api.call('export.agencyRecap', which === 'all' ? { all: true, year } : { agencyId, year });
      const said = await deliver(file);
      setOutcome(said ? { kind: 'success', text: said } : null);
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const r = recap.data;
  return (
    <section className="screen" aria-labelledby="recap-title">
      <header className="screen-header">
        <div>
          <h1 id="recap-title">Rekap per instansi</h1>
          <p className="subtitle">Indikator, tindak lanjut, anggaran, dan kehadiran rakor satu instansi dalam satu tahun, dan suratnya.</p>
        </div>
        <div className="header-actions">
          <button type="button" aria-disabled={busy !== null || year === undefined} onClick={() => void download('all')}>Surat semua instansi (.zip)</button>
        </div>
      </header>
      <div className="toolbar board-filters">
        <label className="inline-field">Instansi
          <select aria-label="Instansi" value={agencyId ?? ''} onChange={(e) => navigate(path(Number(e.target.value) || undefined, year))}>
            <option value="">— pilih instansi —</option>
            {grouped.map((g) => (
              <optgroup key={g.kind} label={AGENCY_KIND_LABEL[g.kind]}>
                {g.list.map((a) => <option key={a.id} value={a.id}>{a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name}{a.active ? '' : ' (nonaktif)'}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="inline-field">Tahun
          <select aria-label="Tahun" value={year ?? ''} onChange={(e) => navigate(path(agencyId, Number(e.target.value)))} disabled={agencyId === undefined}>
            {(years.data?.years ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        {r && <button type="button" className="primary" aria-disabled={busy !== null} onClick={() => void download('one')}>Unduh surat rekap (.docx)</button>}
      </div>
      {outcome && <p className={outcome.kind === 'error' ? 'form-error' : 'muted'} role="status">{outcome.text}</p>}
      {recap.error && <p className="form-error" role="alert">{recap.error.message}</p>}
      {agencyId === undefined && <EmptyState title="Pilih instansi.">Rekap tahunan instansi itu muncul di sini, dan suratnya dapat diunduh.</EmptyState>}
      {r && (
        <>
          <div className="summary-tiles" aria-label="Ringkasan instansi">
            <div className="tile"><strong>{r.indicators.length}</strong><span>indikator ({r.indicators.filter((i) => i.weak).length} lemah)</span></div>
            <div className="tile"><strong>{r.actionCounts.open}</strong><span>RTL terbuka{r.actionCounts.overdue ? `, ${r.actionCounts.overdue} terlambat` : ''}; {r.actionCounts.done} selesai</span></div>
            <div className="tile"><strong>{absorption(r.budget)}</strong><span>serapan dari pagu {money(r.budget.allocationSen)}</span></div>
            <div className="tile"><strong>{r.attended} / {r.invitedTo}</strong><span>rakor dihadiri / diundang (dari {r.meetingsHeld})</span></div>
          </div>
          <div className="recap-grid">
            <div className="card">
              <h2>Indikator</h2>
              {r.indicators.length === 0 ? <p className="muted">Belum ada indikator yang ditetapkan untuk instansi ini.</p> : (
                <table className="data-table compact">
                  <thead><tr><th>No</th><th>Indikator</th><th>Peran</th><th>Capaian terakhir</th></tr></thead>
                  <tbody>
                    {r.indicators.map((i) => (
                      <tr key={i.indicatorId}>
                        <td className="num">{i.number}</td>
                        <td><a href={`#/papan/${r.year}/${i.indicatorId}`}>{i.name}</a></td>
                        <td>{i.role === 'lead' ? 'Penanggung jawab' : 'Pendukung'}</td>
                        <td>{i.latest?.achievement || '–'}{i.weak && <> <span className="weak-badge">Lemah</span></>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div className="card">
              <h2>Kehadiran rakor {r.year}</h2>
              {r.meetings.length === 0 ? <p className="muted">Tidak diundang ke rakor tahun ini.</p> : (
                <table className="data-table compact">
                  <thead><tr><th>Rakor</th><th>Tanggal</th><th>Diundang</th><th className="num">Hadir</th></tr></thead>
                  <tbody>
                    {r.meetings.map((m) => (
                      <tr key={m.meetingId}>
                        <td><a href={`#/rapat/${m.meetingId}`}>{m.title}</a> <span className="muted">({MEETING_STATUS_LABEL[m.status]})</span></td>
                        <td className="nowrap">{formatShortDate(m.date)}</td>
                        <td>{m.invited ? 'Ya' : 'Tidak'}</td>
                        <td className="num nowrap">{m.present > 0 ? `${m.present} orang` : <span className="late">Tidak hadir</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
          <div className="card">
            <h2>Rencana tindak lanjut dari rakor {r.year}</h2>
            {r.actions.length === 0 ? <p className="muted">Tidak ada RTL untuk instansi ini.</p> : (
              <table className="data-table compact" data-testid="recap-actions">
                <thead><tr><th>Uraian</th><th>Ind.</th><th>Rakor asal</th><th>Peran</th><th>Target</th><th>Status</th></tr></thead>
                <tbody>
                  {r.actions.map((a) => (
                    <tr key={a.id}>
                      <td>{a.description}</td>
                      <td className="num">{a.indicatorNumber ?? '–'}</td>
                      <td>{a.meetingTitle}<div className="muted">{formatShortDate(a.meetingDate)}</div></td>
                      <td>{a.role === 'lead' ? 'Penanggung jawab' : 'Pihak terkait'}</td>
                      <td className="nowrap">{a.targetDate ? formatShortDate(a.targetDate) : '–'}</td>
                      <td className={a.overdue ? 'late' : undefined}>{ACTION_STATUS_LABEL[a.status]}{a.overdue ? ' (terlambat)' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="card">
            <h2>Anggaran tahun {r.year}</h2>
            {r.budgetLines.length === 0 ? <p className="muted">Belum ada anggaran yang dicatat untuk instansi ini pada tahun {r.year}.</p> : (
              <table className="data-table compact">
                <thead><tr><th>Kode</th><th>Sub kegiatan</th><th>Sumber dana</th><th>Ind.</th><th className="num">Pagu</th><th className="num">Realisasi</th></tr></thead>
                <tbody>
                  {r.budgetLines.map((b) => (
                    <tr key={b.id}>
                      <td className="nowrap">{b.subActivityCode || '–'}</td>
                      <td>{b.activityName || '–'}</td>
                      <td>{b.fundingSource || '–'}</td>
                      <td className="num">{b.indicatorNumber ?? '–'}</td>
                      <td className="num nowrap">{money(b.allocationSen)}</td>
                      <td className="num nowrap">{money(b.realizationSen)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th colSpan={4}>Jumlah (serapan {absorption(r.budget)})</th>
                    <th className="num nowrap">{money(r.budget.allocationSen)}</th>
                    <th className="num nowrap">{money(r.budget.realizationSen)}</th>
                  </tr>
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
}
