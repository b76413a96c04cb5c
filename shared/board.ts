import type { ActionStatus, AgencyKind, AssignmentRole, MeetingStatus } from './types';

// Papan indikator (issue 11 item 2) and Rekap per instansi (item 3): what the year looks like
// per indicator and per agency between meetings. An "evaluation year" here is the calendar year
// of the rakor (the meeting's date), as in the tracker's year filter; budget lines count by
// their tahun anggaran. RTL status is the current one (latest follow-up or outside change).

/** RTLs of a year counted by current status; overdue = open with a target date before today. */
export interface ActionCounts {
  total: number;
  open: number;
  overdue: number;
  done: number;
}

/** Budget lines summed in sen; absorption null when nothing is allocated. */
export interface BudgetSums {
  lines: number;
  allocationSen: number;
  realizationSen: number;
  absorption: number | null;
}

export interface AssignedAgency {
  agencyId: number;
  name: string;
  abbreviation: string;
  role: AssignmentRole;
  active: boolean;
}

/** The latest pembahasan of an indicator in the year (by meeting date, start time, id). */
export interface LatestReview {
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  achievement: string;
  score: number | null;
  isWeak: boolean;
  problem: string;
}

export interface BoardIndicator {
  indicatorId: number;
  clusterCode: string;
  clusterName: string;
  number: number;
  name: string;
  maxPoints: number | null;
  latest: LatestReview | null;
  /** The latest pembahasan marked it lemah. */
  weak: boolean;
  /** Rakor of the year that reviewed it, agreed an RTL on it or followed one up. */
  meetings: number;
  agencies: AssignedAgency[];
  actions: ActionCounts;
  budget: BudgetSums;
}

export interface IndicatorBoard {
  year: number;
  /** The reference set in force for the year (newest set not after it). */
  referenceYear: number;
  clusters: { code: string; name: string }[];
  indicators: BoardIndicator[];
  /** Years worth offering in the year picker: reference sets, years with rakor or budget, this year. */
  years: number[];
}

/** One status event of an RTL: at a rakor (meetingTitle set) or outside any meeting. */
export interface HistoryEvent {
  date: string;
  status: ActionStatus;
  notes: string;
  meetingId: number | null;
  meetingTitle: string | null;
}

/** An RTL agreed on the indicator, as its meeting recorded it, and how it went on. */
export interface HistoryAction {
  id: number;
  description: string;
  problem: string;
  leadAgencyName: string | null;
  targetDate: string | null;
  /** The status set at the meeting that agreed it. */
  statusAtMeeting: ActionStatus;
  currentStatus: ActionStatus;
  overdue: boolean;
  /** Every later follow-up and outside change, oldest first. */
  events: HistoryEvent[];
}

/** An earlier RTL of the indicator reviewed at this meeting. */
export interface HistoryFollowUp {
  actionItemId: number;
  description: string;
  status: ActionStatus;
  notes: string;
}

export interface HistoryMeeting {
  meetingId: number;
  title: string;
  date: string;
  startTime: string;
  status: MeetingStatus;
  /** True when the entry was read from the signed record (a closed rakor's snapshot). */
  fromSnapshot: boolean;
  /** Minutes revision: above 1 the rakor was reopened at least once. */
  minutesRevision: number;
  review: { achievement: string; score: number | null; isWeak: boolean; problem: string; recommendation: string } | null;
  actions: HistoryAction[];
  followUps: HistoryFollowUp[];
}

export interface IndicatorHistory {
  indicator: { id: number; number: number; name: string; clusterCode: string; clusterName: string; referenceYear: number };
  /** null: every year. */
  year: number | null;
  /** Oldest first. */
  meetings: HistoryMeeting[];
}

export interface AgencyRecapIndicator {
  indicatorId: number;
  clusterCode: string;
  number: number;
  name: string;
  role: AssignmentRole;
  latest: LatestReview | null;
  weak: boolean;
}

export interface AgencyRecapAction {
  id: number;
  description: string;
  indicatorNumber: number | null;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  /** Penanggung jawab, or one of the pihak terkait. */
  role: 'lead' | 'related';
  targetDate: string | null;
  status: ActionStatus;
  overdue: boolean;
}

export interface AgencyRecapBudgetLine {
  id: number;
  subActivityCode: string;
  activityName: string;
  fundingSource: string;
  indicatorNumber: number | null;
  allocationSen: number;
  realizationSen: number;
}

export interface AgencyRecapMeeting {
  meetingId: number;
  title: string;
  date: string;
  status: MeetingStatus;
  invited: boolean;
  /** People of the agency checked in as present. */
  present: number;
}

export interface AgencyRecap {
  agency: { id: number; name: string; abbreviation: string; kind: AgencyKind; active: boolean };
  year: number;
  referenceYear: number;
  indicators: AgencyRecapIndicator[];
  actionCounts: ActionCounts;
  /** Overdue first, then open, then done; each by target date. */
  actions: AgencyRecapAction[];
  budget: BudgetSums;
  budgetLines: AgencyRecapBudgetLine[];
  /** Rakor of the year the agency was invited to or attended. */
  meetings: AgencyRecapMeeting[];
  /** Rakor of the year (all clusters). */
  meetingsHeld: number;
  invitedTo: number;
  /** Rakor at which at least one of its people was present. */
  attended: number;
}
