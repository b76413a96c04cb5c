import type { ReactNode } from 'react';
import { formatDate, formatShortDate, formatNumber, formatPercent, formatRupiah, formatScore } from '../../shared/format';
import { clusterLabel, SCORE_STAGE_LABEL } from '../../shared/kla';
import { REGION_TYPE_LABEL } from '../../shared/api/region-profile';
import type { HomeDashboard } from '../../shared/api/dashboard';
import type { RegionProfile } from '../../shared/types';
import { useApiQuery } from '../api/useApi';
import { nextSteps } from './next-steps';
import { MissingEvidenceTile } from '../evidence/MissingEvidenceTile';
import './home.css';

/**
 * Beranda: where the regency stands, one tile per question the secretariat asks between
 * meetings (predikat and target, overdue and open RTLs, budget absorption, rakor this year, weak
 * indicators, deadlines), each opening the screen that answers it in full.
 */
export function HomeScreen() {
  const profile = useApiQuery('regionProfile.get', {});
  const dashboard = useApiQuery('dashboard.home', {});
  const p = profile.data;
  const d = dashboard.data;
  const regionTitle = p?.regionName ? `${REGION_TYPE_LABEL[p.regionType]} ${p.regionName}` : 'Rakor KLA';

  return (
    <section className="screen home" aria-labelledby="home-title">
      <header className="screen-header">
        <div>
          <h1 id="home-title">{regionTitle}</h1>
          <p className="subtitle">{p?.regionName ? 'Ringkasan Gugus Tugas KLA' : 'Profil daerah belum diisi.'}{d ? ` · ${formatDate(d.today)}` : ''}</p>
        </div>
      </header>
      {dashboard.error && <p className="form-error" role="alert">{dashboard.error.message}</p>}
      {d && (
        <div className="tiles">
          {/* A fresh install starts with what to do first. */}
          {d.noMeetings && <NextSteps d={d} profile={p} />}
          <PredikatTile d={d} target={p?.targetPredikat ?? ''} targetYear={p?.targetYear ?? null} current={p?.currentPredikat ?? ''} currentYear={p?.currentPredikatYear ?? null} />
          <Tile href="#/tindak-lanjut?terlambat=1" title="RTL terlambat" testId="beranda-rtl-terlambat" tone={d.actions.overdue > 0 ? 'alert' : 'ok'}>
            <div className="tile-value">{formatNumber(d.actions.overdue)}</div>
            <div className="tile-note">{d.actions.overdue > 0 ? 'melewati target waktu dan belum selesai' : 'Tidak ada RTL yang terlambat.'}</div>
          </Tile>
          <Tile href="#/tindak-lanjut" title="RTL terbuka" testId="beranda-rtl-terbuka">
            <div className="tile-value">{formatNumber(d.actions.open)}</div>
            <div className="tile-note">{formatNumber(d.actions.byStatus.belum)} belum · {formatNumber(d.actions.byStatus.proses)} proses · {formatNumber(d.actions.byStatus.selesai)} selesai</div>
          </Tile>
          <Tile href="#/anggaran" title={d.budget ? `Serapan anggaran ${d.budget.fiscalYear}` : 'Serapan anggaran'} testId="beranda-anggaran">
            {d.budget ? (
              <>
                <div className="tile-value">{d.budget.absorption === null ? '—' : formatPercent(d.budget.absorption)}</div>
                <div className="tile-note">{formatRupiah(d.budget.realizationSen)} dari pagu {formatRupiah(d.budget.allocationSen)}</div>
                {d.budget.absorption !== null && <div className="bar" aria-hidden="true"><span style={{ width: `${Math.min(100, d.budget.absorption * 100)}%` }} /></div>}
              </>
            ) : <div className="tile-note">Belum ada anggaran yang dicatat.</div>}
          </Tile>
          <RakorTile d={d} />
          <WeakTile d={d} />
          <DeadlinesTile d={d} />
          <MissingEvidenceTile />
          {!d.noMeetings && <NextSteps d={d} profile={p} />}
        </div>
      )}
    </section>
  );
}

function NextSteps({ d, profile }: { d: HomeDashboard; profile: RegionProfile | undefined }) {
  const steps = nextSteps(d, profile);
  return (
    <section className="card tile wide" aria-labelledby="tile-next" data-testid="beranda-langkah">
      <h2 id="tile-next" className="tile-title">Langkah berikutnya</h2>
      {steps.length === 0 ? <p className="tile-note">Semua berjalan sesuai rencana.</p> : (
        <ol className="next-steps">{steps.map((s) => <li key={s.text}><a href={s.href}>{s.text}</a></li>)}</ol>
      )}
    </section>
  );
}

/** A whole tile is one link to its screen. */
function Tile({ href, title, testId, tone, children }: { href: string; title: string; testId: string; tone?: 'alert' | 'ok'; children: ReactNode }) {
  return (
    <a href={href} className={`card tile tile-link${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <h2 className="tile-title">{title}</h2>
      {children}
    </a>
  );
}

/** A tile that lists items with their own links: a heading link opens the screen. */
function ListTile({ href, open, title, testId, children }: { href: string; open: string; title: string; testId: string; children: ReactNode }) {
  return (
    <section className="card tile" data-testid={testId} aria-label={title}>
      <div className="tile-head"><h2 className="tile-title">{title}</h2><a href={href} className="tile-open">{open} →</a></div>
      {children}
    </section>
  );
}

function PredikatTile({ d, target, targetYear, current, currentYear }: { d: HomeDashboard; target: string; targetYear: number | null; current: string; currentYear: number | null }) {
  const s = d.score;
  const latest = s?.latest;
  return (
    <Tile href="#/nilai" title="Predikat" testId="beranda-predikat">
      <div className="tile-value">{latest ? (latest.predikat ?? 'Belum berpredikat') : '—'}</div>
      <div className="tile-note">
        {latest && s ? `${SCORE_STAGE_LABEL[latest.stage]} ${s.year}: ${formatScore(latest.total ?? 0)} (penghargaan ${s.awardYear})` : 'Belum ada nilai evaluasi.'}
      </div>
      <div className="tile-note">
        Sekarang: {current ? `${current}${currentYear ? ` (${currentYear})` : ''}` : 'belum diisi'} · Target: {target ? `${target}${targetYear ? ` ${targetYear}` : ''}` : 'belum ditetapkan'}
      </div>
      {s?.gap && s.gap.gap !== null && <div className="tile-note strong">{s.gap.reached ? `Target ${s.gap.target} tercapai` : `Kurang ${formatScore(s.gap.gap)} poin ke ${s.gap.target}`}</div>}
    </Tile>
  );
}

function RakorTile({ d }: { d: HomeDashboard }) {
  return (
    <Tile href="#/rakor-tahunan" title={`Rakor tahun ${d.rakor.year}`} testId="beranda-rakor">
      {d.noMeetings ? <div className="tile-note">Belum ada rakor. Buat yang pertama di menu Rapat.</div> : (
        <ul className="mini-counts">
          {d.rakor.clusters.map((c) => (
            <li key={c.code} className={c.meetsExpectation ? 'met' : undefined}>
              <span>{clusterLabel(c.code)}</span><strong>{c.held}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="tile-note muted">Harapan instrumen: lebih dari 4 rakor setahun per klaster.</div>
    </Tile>
  );
}

function WeakTile({ d }: { d: HomeDashboard }) {
  const total = d.weak.reduce((n, c) => n + c.indicators.length, 0);
  return (
    <ListTile href="#/papan" open="Papan indikator" title="Indikator lemah" testId="beranda-indikator-lemah">
      {total === 0 ? <p className="tile-note">{d.noMeetings ? 'Indikator yang ditandai lemah dalam pembahasan rakor tampil di sini.' : 'Tidak ada indikator yang ditandai lemah pada pembahasan terakhirnya.'}</p> : (
        <ul className="weak-list">
          {d.weak.filter((c) => c.indicators.length > 0).map((c) => (
            <li key={c.code}>
              <strong>{clusterLabel(c.code)}</strong>{' '}
              {c.indicators.map((i, n) => (
                <span key={i.indicatorId}>{n > 0 ? ', ' : ''}<a href={`#/rapat/${i.meetingId}/pembahasan`} title={`${i.name} — ditandai lemah pada rakor ${formatDate(i.meetingDate)}`}>{i.number}. {i.name}</a></span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </ListTile>
  );
}

function DeadlinesTile({ d }: { d: HomeDashboard }) {
  return (
    <ListTile href="#/tindak-lanjut" open="Tindak lanjut" title="Tenggat RTL terdekat" testId="beranda-tenggat">
      {d.upcoming.length === 0 ? <p className="tile-note">Tidak ada RTL terbuka dengan target waktu mendatang.</p> : (
        <ul className="deadline-list">
          {d.upcoming.map((u) => (
            <li key={u.id}>
              <span className="deadline-date">{formatShortDate(u.targetDate)}</span>
              <a href={`#/rapat/${u.meetingId}/pembahasan`}>{u.description}</a>
              <span className="muted small">{[u.indicatorNumber !== null ? `Indikator ${u.indicatorNumber}` : '', u.leadAgencyName ?? ''].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </ListTile>
  );
}
