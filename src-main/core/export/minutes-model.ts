import type { ActionStatus, RegionProfile } from '../../../shared/types';
import type { BudgetLine, Meeting } from '../../../shared/meeting';

// The notulen's read model: what the document prints, as plain data. Built from the live rows by
// minutes-data.ts, stored at close and read back by minutes-snapshot.ts, rendered by the Word
// writer. Types only, so both sides can name them without importing each other.

export interface Signatory {
  name: string;
  position: string;
  rank: string;
  nip: string;
}

/** The meeting as the document prints it: the two signatories grouped for the signature blocks. */
export interface MinutesMeeting
  extends Pick<Meeting, 'id' | 'title' | 'date' | 'startTime' | 'endTime' | 'timeZone' | 'place' | 'openingNotes' | 'closingNotes'> {
  chair: Signatory;
  notulis: Signatory;
  /** The minutes' revision: 1, then +1 after each "Buka kembali"; printed from 2 on. */
  revision: number;
}

export interface MinutesCluster {
  code: string;
  name: string;
}

export interface MinutesAgendaItem {
  title: string;
  notes: string;
}

export interface MinutesAttendee {
  name: string;
  /** Civil servants' NIP, 18 digits; '' until attendance records it (the column then stays out). */
  nip: string;
  jobTitle: string;
  agency: string;
  phone: string;
}

export interface MinutesIndicatorReview {
  clusterCode: string;
  indicatorNumber: number;
  indicatorName: string;
  achievement: string;
  score: number | null;
  isWeak: boolean;
  problem: string;
  recommendation: string;
  /** Lead agencies first, then supporting ones, by abbreviation (or name). */
  leadAgencies: string[];
  supportAgencies: string[];
  /** Province level: the kab/kota the indicator is weak in (full names, in the order chosen). */
  kabkota: string[];
}

export interface MinutesActionItem {
  clusterCode: string | null;
  indicatorNumber: number | null;
  indicatorName: string | null;
  problem: string;
  description: string;
  leadAgency: string;
  relatedAgencies: string[];
  targetDate: string | null;
  fundingSource: string;
  status: ActionStatus;
  notes: string;
}

/** An RTL of an earlier rakor whose progress was reported at this one. */
export interface MinutesEarlierAction {
  meetingTitle: string;
  meetingDate: string;
  description: string;
  leadAgency: string;
  status: ActionStatus;
  notes: string;
}

export interface MinutesBudgetLine
  extends Pick<BudgetLine, 'subActivityCode' | 'activityName' | 'fundingSource' | 'fiscalYear' | 'allocationSen' | 'realizationSen'> {
  agency: string;
  agencyFullName: string;
}

export interface MinutesData {
  profile: RegionProfile;
  meeting: MinutesMeeting;
  clusters: MinutesCluster[];
  agenda: MinutesAgendaItem[];
  attendees: MinutesAttendee[];
  /** Agencies invited to the rakor: the blank daftar hadir needs at least a row for each. */
  invitedAgencies: number;
  decisions: string[];
  reviews: MinutesIndicatorReview[];
  earlierActions: MinutesEarlierAction[];
  actions: MinutesActionItem[];
  budget: MinutesBudgetLine[];
  /** Photos chosen for the Lampiran Dokumentasi, in print order (empty: no such lampiran). */
  documentation: MinutesPhoto[];
}

/**
 * A photo of the Lampiran Dokumentasi as the notulen refers to it: by the content hash of its
 * stored file (the bytes never change under a hash), so a snapshot keeps pointing at exactly the
 * photo chosen at close whatever later happens to the evidence row.
 */
export interface MinutesPhoto {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  /** The file's title when chosen, for messages about it. */
  title: string;
  /** What prints under it: the caption typed, else the title. */
  caption: string;
}
