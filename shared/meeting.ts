// What a rapat koordinasi looks like on the output side of the API: the meeting, its list rows,
// and the whole workspace the secretariat edits live. Shared by the renderer, the Word export
// and the CLI. Money is whole sen; dates "YYYY-MM-DD"; times "HH:MM"; NIP bare digits.

import type { TimeZoneCode } from './format';
import type { ActionStatus, AssignmentRole, Cluster, Indicator, MeetingStatus, ChairAndNotulis } from './types';
import { clusterLabel } from './kla';

export interface Meeting extends ChairAndNotulis {
  id: number;
  title: string;
  date: string;
  startTime: string;
  endTime: string | null;
  timeZone: TimeZoneCode;
  place: string;
  status: MeetingStatus;
  openingNotes: string;
  closingNotes: string;
  /** The evaluation year whose clusters and indicators this meeting uses. */
  referenceYear: number;
  /** Cluster codes in the reference set's order, e.g. ["III"] or all six for a pleno. */
  clusterCodes: string[];
  createdAt: string;
  updatedAt: string;
  /** Revision of the meeting's own fields (optimistic concurrency). */
  revision: number;
  /** Revision of the minutes: 1, then +1 each time the closed meeting is reopened ("Buka kembali"). */
  minutesRevision: number;
}

type PersonFields = 'chairName' | 'chairPosition' | 'chairRank' | 'chairNip' | 'notulisName' | 'notulisPosition' | 'notulisRank' | 'notulisNip';

/**
 * The proposed values of a new rakor (meeting.draftFor), all editable before it is created:
 * chair and notulis from the region profile (else from the last rakor), place, start time,
 * invitations and agenda titles from the last rakor of the same clusters (else the suggestions).
 */
export interface MeetingDraft extends Pick<Meeting, PersonFields | 'place' | 'startTime'> {
  invitedAgencyIds: number[];
  agenda: string[];
  /** The rakor the values came from, null when none of these clusters exists yet. */
  sourceMeetingId: number | null;
  sourceTitle: string | null;
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
  revision: number;
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
  /** NIP of a civil servant: 18 bare digits, or '' (not a civil servant, or not given). */
  nip: string;
  /** Pangkat/golongan, e.g. "Penata Tk. I (III/d)"; optional. */
  rank: string;
  /** false = invited but not (yet) checked in. */
  present: boolean;
  revision: number;
}

export interface Decision {
  id: number;
  meetingId: number;
  position: number;
  text: string;
  revision: number;
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
  /** Kab/kota the review is attributed to (province level), in the order chosen. */
  kabkotaAgencyIds: number[];
  revision: number;
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
  revision: number;
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
  /** The budget line of the same meeting that funds it (null: none chosen, or the line was deleted). */
  budgetLineId: number | null;
  /**
   * The status set at its own meeting. Later statuses are follow-ups (ActionUpdate), an
   * append-only history; in a PreviousAction this field is the status as of the meeting viewed.
   */
  status: ActionStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
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
  revision: number;
}

/** An RTL from an earlier meeting, brought up for review. */
/** A status change of an RTL recorded outside any meeting, dated when it happened. */
export interface StatusChange {
  id: number;
  actionItemId: number;
  date: string;
  status: ActionStatus;
  notes: string;
  createdAt: string;
}

export interface PreviousAction extends ActionItem {
  /** Its status as of the meeting viewed: the follow-up here, else the latest before, else its own. */
  status: ActionStatus;
  meetingTitle: string;
  meetingDate: string;
  /** Every review so far, oldest first (this meeting's included). */
  updates: ActionUpdate[];
  /** The review recorded at the meeting being viewed, if any. */
  reviewHere: ActionUpdate | null;
  /** Its target date is before the meeting's date and it was not done as of the meeting. */
  overdue: boolean;
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
  /** Every agency the lists above refer to, active or not, so names resolve whatever the master list says now. */
  agencies: AgencyRef[];
}

/** An agency as a meeting refers to it (its name as recorded, even when deactivated since). */
export interface AgencyRef {
  id: number;
  name: string;
  abbreviation: string;
  active: boolean;
}

/** What a delete answers: the id, and the Terhapus entry it can be restored from. */
export interface Deleted {
  id: number;
  trashId?: number;
}

/** A meeting that recorded something about another meeting's rows (so the other cannot go). */
export interface MeetingRef {
  id: number;
  title: string;
  date: string;
}

/** What deleting a meeting would remove, for the confirmation dialog. */
export interface MeetingDeletePreview {
  id: number;
  title: string;
  date: string;
  /** Rows that go with the meeting (and come back with it from Terhapus). */
  counts: {
    attendance: number;
    agenda: number;
    reviews: number;
    actions: number;
    budgetLines: number;
    decisions: number;
    /** Follow-ups of earlier RTLs recorded at this meeting. */
    followUps: number;
  };
  /** Null when it can be deleted; else the Indonesian reason (closed, or followed up elsewhere). */
  refusal: string | null;
  /** Later meetings that followed up this meeting's RTLs. */
  blockedBy: MeetingRef[];
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
