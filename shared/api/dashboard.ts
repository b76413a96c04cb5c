import { query } from './define';
import { empty } from '../schemas/common';
import type { ActionStatus } from '../types';
import type { StageSummary } from './score';
import type { GapToTarget } from '../score';
import type { RakorYearCluster } from './rakor-year';

// Beranda: where the regency stands in one read, each part small enough to show on a tile.

export interface DashboardScore {
  /** The latest evaluation year with any score. */
  year: number;
  awardYear: number;
  /** Its most advanced stage with a total: the predikat it points to. */
  latest: StageSummary | null;
  gap: GapToTarget | null;
}

export interface DashboardWeakIndicator {
  indicatorId: number;
  number: number;
  name: string;
  /** The rakor whose pembahasan last marked it weak. */
  meetingId: number;
  meetingDate: string;
}

export interface DashboardWeakCluster {
  code: string;
  name: string;
  indicators: DashboardWeakIndicator[];
}

export interface DashboardDeadline {
  id: number;
  description: string;
  targetDate: string;
  status: ActionStatus;
  meetingId: number;
  indicatorNumber: number | null;
  leadAgencyName: string | null;
}

export interface DashboardBudget {
  fiscalYear: number;
  lines: number;
  allocationSen: number;
  realizationSen: number;
  /** null when nothing is allocated. */
  absorption: number | null;
}

export interface HomeDashboard {
  /** Today in the region's zone. */
  today: string;
  score: DashboardScore | null;
  /** Per klaster (in reference order) the indicators whose latest pembahasan marks them weak. */
  weak: DashboardWeakCluster[];
  actions: { open: number; overdue: number; byStatus: Record<ActionStatus, number> };
  /** Open RTLs due today or later, soonest first (at most 5). */
  upcoming: DashboardDeadline[];
  /** This year's budget lines, else the latest year that has any; null when there are none. */
  budget: DashboardBudget | null;
  /** This year's rakor per klaster (without the meeting lists). */
  rakor: { year: number; expected: number; clusters: Omit<RakorYearCluster, 'meetings'>[] };
  /** True when no meeting exists yet (a fresh install). */
  noMeetings: boolean;
}

export const dashboardOps = {
  'dashboard.home': query<HomeDashboard>()(empty),
};
