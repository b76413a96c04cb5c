// What a rapat koordinasi looks like on the output side of the API: the meeting, its list rows,
// and the whole workspace the secretariat edits live. Shared by the renderer, the Word export
// and the CLI. Money is whole sen; dates "YYYY-MM-DD"; times "HH:MM"; NIP bare digits.

import type { TimeZoneCode } from './format';
import type { ActionStatus, AssignmentRole, Cluster, Indicator, MeetingStatus } from './types';
import { clusterLabel } from './kla';

export interface Meeting {
  id: number;
  title: string;
  date: string;
  startTime: string;
  endTime: string | null;
  timeZone: TimeZoneCode;
  place: string;
  status: MeetingStatus;
  chairName: string;
  chairPosition: string;
  chairRank: string;
  chairNip: string;
  notulisName: string;
  notulisPosition: string;
  notulisRank: string;
  notulisNip: string;
  openingNotes: string;
  closingNotes: string;
  /** The evaluation year whose clusters and indicators this meeting uses. */
  referenceYear: number;
  /** Cluster codes in the reference set's order, e.g. ["III"] or all six for a pleno. */
  clusterCodes: string[];
  createdAt: string;
  updatedAt: string;
}

/** A row of the rapat list: the meeting's headline fields and its counts. */
export interface MeetingSummary
  extends Pick<Meeting, 'id' | 'title' | 'date' | 'startTime' | 'endTime' | 'timeZone' | 'place' | 'status' | 'clusterCodes'> {
  attendeeCount: number;
  actionCount: number;
}

export interface AgendaItem {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  notes: string;
}

export interface Attendee {
  id: number;
  meetingId: number;
  position: number;
  name: string;
  jobTitle: string;
  agencyId: number | null;
  /** Typed instansi when it is not in the master list. */
  agencyText: string;
  phone: string;
  /** false = invited but not (yet) checked in. */
  present: boolean;
}

export interface Decision {
  id: number;
  meetingId: number;
  position: number;
  text: string;
}

export interface IndicatorReview {
  id: number;
  meetingId: number;
  indicatorId: number;
  achievement: string;
  score: number | null;
  isWeak: boolean;
  problem: string;
  recommendation: string;
}

export interface Assignment {
  id: number;
  indicatorId: number;
  agencyId: number;
  role: AssignmentRole;
  /** The meeting where it was agreed, if any. */
  meetingId: number | null;
}

export interface BudgetLine {
  id: number;
  agencyId: number;
  indicatorId: number | null;
  meetingId: number | null;
  subActivityCode: string;
  activityName: string;
  fundingSource: string;
  fiscalYear: number;
  allocationSen: number;
  realizationSen: number;
  childResponsive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ActionItem {
  id: number;
  meetingId: number;
  indicatorId: number | null;
  problem: string;
  description: string;
  /** Penanggung jawab. */
  leadAgencyId: number | null;
  /** Pihak terkait. */
  relatedAgencyIds: number[];
  targetDate: string | null;
  fundingSource: string;
  /** The current status: the one recorded at the latest meeting that reviewed it. */
  status: ActionStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** A status review of an RTL recorded at a later meeting. */
export interface ActionUpdate {
  id: number;
  actionItemId: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  status: ActionStatus;
  notes: string;
  createdAt: string;
}

/** An RTL from an earlier meeting, brought up for review. */
export interface PreviousAction extends ActionItem {
  meetingTitle: string;
  meetingDate: string;
  /** Every review so far, oldest first (this meeting's included). */
  updates: ActionUpdate[];
  /** The review recorded at the meeting being viewed, if any. */
  reviewHere: ActionUpdate | null;
}

export type MeetingCluster = Cluster & { indicators: Indicator[] };

export interface MeetingWorkspace {
  meeting: Meeting;
  clusters: MeetingCluster[];
  agenda: AgendaItem[];
  attendance: Attendee[];
  invitedAgencyIds: number[];
  /** Agencies assigned to (or usually leading) the clusters' indicators. */
  suggestedAgencyIds: number[];
  decisions: Decision[];
  reviews: IndicatorReview[];
  assignments: Assignment[];
  budgetLines: BudgetLine[];
  actions: ActionItem[];
  previousActions: PreviousAction[];
}

export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  draf: 'Draf',
  berlangsung: 'Berlangsung',
  selesai: 'Selesai',
};

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  belum: 'Belum',
  proses: 'Proses',
  selesai: 'Selesai',
};

export const FUNDING_SOURCES = [
  'APBD murni', 'APBD perubahan', 'APBN', 'DAK fisik', 'DAK nonfisik', 'Dana Desa', 'Hibah',
  'CSR/TJSL dunia usaha', 'Swadaya masyarakat',
] as const;

const TITLE_PREFIX = 'Rapat Koordinasi Gugus Tugas KLA';

/**
 * The title proposed for a new rakor: "Rapat Koordinasi Gugus Tugas KLA Klaster III Kesehatan
 * Dasar dan Kesejahteraan"; several clusters are listed; all of them make a pleno.
 */
export function proposeMeetingTitle(clusters: readonly Pick<Cluster, 'code' | 'name'>[], totalClusters: number): string {
  if (clusters.length === 0) return TITLE_PREFIX;
  if (clusters.length === totalClusters && totalClusters > 1) return `Rapat Pleno Gugus Tugas KLA`;
  if (clusters.length === 1) {
    const [c] = clusters;
    return c.code === 'KL' ? `${TITLE_PREFIX} Kelembagaan` : `${TITLE_PREFIX} ${clusterLabel(c.code)} ${c.name}`;
  }
  const labels = clusters.map((c) => clusterLabel(c.code));
  return `${TITLE_PREFIX} ${labels.slice(0, -1).join(', ')} dan ${labels[labels.length - 1]}`;
}
