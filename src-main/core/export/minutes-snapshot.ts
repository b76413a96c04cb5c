import type {
  MinutesActionItem, MinutesAgendaItem, MinutesAttendee, MinutesBudgetLine, MinutesCluster, MinutesData, MinutesEarlierAction,
  MinutesIndicatorReview, MinutesMeeting, MinutesPhoto, Signatory,
} from './minutes-model';
import type { RegionProfile } from '../../../shared/types';

// The minutes of a closed meeting are stored as JSON at close and rendered from there for ever
// after. The document's data shape grows (a new field for a new column): an older snapshot lacks
// it. Each default below is typed as the whole element, so adding a field to MinutesData does not
// compile until its default for older snapshots is written here. Bump the version with it.

// 2: reviews carry their kab/kota (migration 0010).
// 3: the profile carries the signing mode, the Mengetahui switch and the u.b. jabatan (migration 0011).
// 4: attendees carry their NIP; the profile says whether NIP and No. HP print (defaults below).
// 5: the photos of the Lampiran Dokumentasi, by content hash (migration 0015); older: none.
export const MINUTES_SNAPSHOT_VERSION = 5;

export interface MinutesSnapshot {
  version: number;
  data: MinutesData;
}

const SIGNATORY: Signatory = { name: '', position: '', rank: '', nip: '' };
const MEETING: MinutesMeeting = {
  id: 0, title: '', date: '1970-01-01', startTime: '00:00', endTime: null, timeZone: 'WIB', place: '', openingNotes: '', closingNotes: '',
  chair: SIGNATORY, notulis: SIGNATORY, revision: 1,
};
const PROFILE: RegionProfile = {
  regionType: 'kabupaten', regionName: '', province: '', timeZone: 'WIB', letterheadLines: [], logoDataUrl: '', paper: 'A4',
  fontFamily: 'Arial', fontSizePt: 12, signingPlace: '', targetPredikat: '', targetYear: null, currentPredikat: '', currentPredikatYear: null,
  updatedAt: '', revision: 1,
  // Profile people (migration 0006): absent from snapshots taken before it.
  headName: '', headPosition: '', headRank: '', headNip: '', chairName: '', chairPosition: '', chairRank: '', chairNip: '',
  notulisName: '', notulisPosition: '', notulisRank: '', notulisNip: '',
  // Signing mode (migration 0011): snapshots before it were signed by the chair, with no Mengetahui block.
  signingMode: 'chair', signAcknowledge: false, signViaPosition: '',
  // Daftar hadir column switches (migration 0012): snapshots before them printed both columns.
  attendancePrintNip: true, attendancePrintPhone: true,
};
const CLUSTER: MinutesCluster = { code: '', name: '' };
const AGENDA: MinutesAgendaItem = { title: '', notes: '' };
const ATTENDEE: MinutesAttendee = { name: '', nip: '', jobTitle: '', agency: '', phone: '' };
const REVIEW: MinutesIndicatorReview = {
  clusterCode: '', indicatorNumber: 0, indicatorName: '', achievement: '', score: null, isWeak: false, problem: '', recommendation: '',
  leadAgencies: [], supportAgencies: [],
  // Kab/kota of a review (migration 0010): absent from older snapshots.
  kabkota: [],
};
const EARLIER: MinutesEarlierAction = { meetingTitle: '', meetingDate: '1970-01-01', description: '', leadAgency: '', status: 'belum', notes: '' };
const ACTION: MinutesActionItem = {
  clusterCode: null, indicatorNumber: null, indicatorName: null, problem: '', description: '', leadAgency: '', relatedAgencies: [],
  targetDate: null, fundingSource: '', status: 'belum', notes: '',
};
const BUDGET: MinutesBudgetLine = {
  subActivityCode: '', activityName: '', fundingSource: '', fiscalYear: 1970, allocationSen: 0, realizationSen: 0, agency: '', agencyFullName: '',
};

const PHOTO: MinutesPhoto = { sha256: '', sizeBytes: 0, mediaType: '', title: '', caption: '' };

const each = <T extends object>(defaults: T, list: unknown): T[] =>
  Array.isArray(list) ? list.map((item) => ({ ...defaults, ...(item as Partial<T>) })) : [];

export function writeMinutesSnapshot(data: MinutesData): string {
  const snapshot: MinutesSnapshot = { version: MINUTES_SNAPSHOT_VERSION, data };
  return JSON.stringify(snapshot);
}

/** Reads a stored snapshot of any version so far, filling fields added since with their defaults. */
export function readMinutesSnapshot(json: string): MinutesData {
  const snapshot = JSON.parse(json) as Partial<MinutesSnapshot>;
  const d = (snapshot.data ?? {}) as Partial<MinutesData>;
  const meeting = { ...MEETING, ...d.meeting } as MinutesMeeting;
  return {
    profile: { ...PROFILE, ...d.profile },
    meeting: { ...meeting, chair: { ...SIGNATORY, ...meeting.chair }, notulis: { ...SIGNATORY, ...meeting.notulis } },
    clusters: each(CLUSTER, d.clusters),
    agenda: each(AGENDA, d.agenda),
    attendees: each(ATTENDEE, d.attendees),
    decisions: Array.isArray(d.decisions) ? d.decisions.map(String) : [],
    reviews: each(REVIEW, d.reviews),
    earlierActions: each(EARLIER, d.earlierActions),
    actions: each(ACTION, d.actions),
    budget: each(BUDGET, d.budget),
    // Version 1 snapshots predate the invitation count; it only sizes the blank daftar hadir.
    invitedAgencies: typeof d.invitedAgencies === 'number' ? d.invitedAgencies : 0,
    // Version 4 and older snapshots were closed before photos could be chosen: no Dokumentasi.
    documentation: each(PHOTO, d.documentation),
  };
}
