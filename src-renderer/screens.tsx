import type { ReactNode } from 'react';
import { HomeScreen } from './home/HomeScreen';
import { AgencyScreen } from './agency/AgencyScreen';
import { ProfileScreen } from './region-profile/ProfileScreen';
import { ReferenceScreen } from './reference/ReferenceScreen';
import { BackupScreen } from './backup/BackupScreen';
import { TrashScreen } from './trash/TrashScreen';
import { MeetingRoutes } from './meeting/routes';
import { ScoreScreen } from './score/ScoreScreen';
import { BudgetRecapScreen } from './budget/BudgetRecapScreen';
import { RakorYearScreen } from './meeting-year/RakorYearScreen';
import { TrackerScreen } from './tracker/TrackerScreen';
import { BoardRoutes } from './board/BoardScreen';
import { AgencyRecapRoutes } from './board/AgencyRecapScreen';
import { EvidenceScreen } from './evidence/EvidenceScreen';

export interface ScreenEntry {
  /** Hash path, e.g. "/instansi". A screen may own sub-paths ("/rapat/12"). */
  path: string;
  label: string;
  /** Shown in the navigation; sub-screens reached from a list set this false. */
  inNav: boolean;
  render(subPath: string): ReactNode;
}

/** Every screen of the app, in navigation order. A feature adds its screen with one entry. */
export const SCREENS: ScreenEntry[] = [
  { path: '/', label: 'Beranda', inNav: true, render: () => <HomeScreen /> },
  { path: '/rapat', label: 'Rapat', inNav: true, render: (sub) => <MeetingRoutes subPath={sub} /> },
  { path: '/rakor-tahunan', label: 'Rakor per tahun', inNav: true, render: () => <RakorYearScreen /> },
  { path: '/nilai', label: 'Nilai dan predikat', inNav: true, render: () => <ScoreScreen /> },
  { path: '/anggaran', label: 'Rekap anggaran', inNav: true, render: () => <BudgetRecapScreen /> },
  // Keyed by its query: a link with other filters opens the tracker afresh.
  { path: '/tindak-lanjut', label: 'Tindak lanjut', inNav: true, render: (sub) => <TrackerScreen key={sub} query={sub} /> },
  { path: '/papan', label: 'Papan indikator', inNav: true, render: (sub) => <BoardRoutes subPath={sub} /> },
  { path: '/rekap-instansi', label: 'Rekap per instansi', inNav: true, render: (sub) => <AgencyRecapRoutes subPath={sub} /> },
  { path: '/data-dukung', label: 'Data dukung', inNav: true, render: (sub) => <EvidenceScreen subPath={sub} /> },
  { path: '/indikator', label: 'Indikator KLA', inNav: true, render: () => <ReferenceScreen /> },
  { path: '/instansi', label: 'Instansi', inNav: true, render: () => <AgencyScreen /> },
  { path: '/profil', label: 'Profil daerah', inNav: true, render: () => <ProfileScreen /> },
  { path: '/cadangan', label: 'Cadangan', inNav: true, render: () => <BackupScreen /> },
  { path: '/terhapus', label: 'Terhapus', inNav: true, render: () => <TrashScreen /> },
];
