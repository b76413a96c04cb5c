import type { Db } from '../db/database';
import type { TimeZoneCode } from '../../../shared/format';
import { AppError } from '../../../shared/errors';
import { getProfile } from '../region-profile/repository';
import { inMeetingClusters } from '../db/rows';
import { frozenSnapshot } from '../db/snapshots';
import { getMeeting } from '../meeting/repository';
import { listPreviousActions } from '../follow-up/repository';
import { meetingParams, statusAsOfSql } from '../follow-up/status';
import { readMinutesSnapshot } from './minutes-snapshot';
import { DOCUMENTATION_MAX_PHOTOS } from '../../../shared/api/evidence';

// Everything the notulen and its lampiran need, read in one snapshot with one query per table
// (never one per row): a rakor with 150 attendees and 200 RTLs costs the same dozen queries.

export type { Signatory, MinutesMeeting, MinutesCluster, MinutesAgendaItem, MinutesAttendee, MinutesIndicatorReview, MinutesActionItem, MinutesEarlierAction, MinutesBudgetLine, MinutesData, MinutesPhoto } from './minutes-model';
import type { MinutesPhoto, MinutesCluster, MinutesAgendaItem, MinutesAttendee, MinutesIndicatorReview, MinutesActionItem, MinutesEarlierAction, MinutesBudgetLine, MinutesData } from './minutes-model';

interface MeetingRow {
  id: number; title: string; date: string; start_time: string; end_time: string | null; time_zone: TimeZoneCode;
  place: string; chair_name: string; chair_position: string; chair_rank: string; chair_nip: string;
  notulis_name: string; notulis_position: string; notulis_rank: string; notulis_nip: string;
  opening_notes: string; closing_notes: string; minutes_revision: number;
}

interface FundingLineRow { lineSource: string | null; lineYear: number | null; lineName: string | null; lineCode: string | null }

/** "APBD murni 2025: Penguatan layanan PUSPAGA": an RTL's budget line as its "Sumber anggaran" reads. */
export function fundingLabel({ lineSource, lineYear, lineName, lineCode }: FundingLineRow): string {
  const source = [lineSource?.trim(), lineYear].filter(Boolean).join(' ');
  const what = lineName?.trim() || lineCode?.trim() || '';
  return [source, what].filter(Boolean).join(': ');
}

/** How an agency is named in a dense table: its abbreviation, else its name. */
const AGENCY_LABEL = `coalesce(nullif(a.abbreviation, ''), a.name)`;

/**
 * The minutes as every export prints them: a closed meeting's from the snapshot taken when it
 * was closed (never live rows, which later meetings and master-data edits keep changing), an
 * open meeting's from its live rows.
 */
export function loadMinutesData(db: Db, meetingId: number): MinutesData {
  // One read transaction: the document never mixes two states of a meeting being edited.
  return db.transaction(() => {
    const frozen = frozenSnapshot(db, meetingId);
    return frozen ? readMinutesSnapshot(frozen.minutesJson) : buildMinutesData(db, meetingId);
  })();
}

/**
 * The minutes read from live rows: exactly what the meeting's screens show. Reviews, RTLs and
 * budget lines of indicators outside its current clusters stay out; the budget is the lines
 * entered at this meeting; section C lists every RTL the Tindak lanjut tab listed.
 */
export function buildMinutesData(db: Db, meetingId: number): MinutesData {
  const m = db.prepare(`SELECT * FROM meeting WHERE id = ?`).get(meetingId) as MeetingRow | undefined;
  if (!m) throw AppError.of('NOT_FOUND', 'error.notFound');
  const profile = getProfile(db);

  const clusters = db
    .prepare(
      `SELECT c.code, c.name FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
       WHERE mc.meeting_id = ? ORDER BY c.position`,
    )
    .all(meetingId) as MinutesCluster[];

  const agenda = db
    .prepare(`SELECT title, notes FROM agenda_item WHERE meeting_id = ? ORDER BY position, id`)
    .all(meetingId) as MinutesAgendaItem[];

  const attendees = db
    .prepare(
      `SELECT t.name, t.nip, t.job_title AS jobTitle,
              coalesce(nullif(t.agency_text, ''), a.name, '') AS agency, t.phone
       FROM attendance t LEFT JOIN agency a ON a.id = t.agency_id
       WHERE t.meeting_id = ? AND t.present = 1 ORDER BY t.position, t.id`,
    )
    .all(meetingId) as MinutesAttendee[];

  const { invited } = db.prepare(`SELECT count(*) AS invited FROM meeting_invitation WHERE meeting_id = ?`).get(meetingId) as { invited: number };

  const decisions = (
    db.prepare(`SELECT text FROM decision WHERE meeting_id = ? ORDER BY position, id`).all(meetingId) as { text: string }[]
  ).map((d) => d.text);

  const reviewRows = db
    .prepare(
      `SELECT r.indicator_id AS indicatorId, c.code AS clusterCode, i.number AS indicatorNumber, i.name AS indicatorName,
              r.achievement, r.score, r.is_weak AS isWeak, r.problem, r.recommendation
       FROM indicator_review r JOIN indicator i ON i.id = r.indicator_id JOIN cluster c ON c.id = i.cluster_id
       WHERE r.meeting_id = ? AND ${inMeetingClusters('r')} ORDER BY r.is_weak DESC, i.number`,
    )
    .all(meetingId) as (Omit<MinutesIndicatorReview, 'isWeak' | 'leadAgencies' | 'supportAgencies' | 'kabkota'> & { indicatorId: number; isWeak: number })[];

  const kabkotaRows = db
    .prepare(
      `SELECT r.indicator_id AS indicatorId, a.name AS agency FROM indicator_review_agency x
       JOIN indicator_review r ON r.id = x.review_id JOIN agency a ON a.id = x.agency_id
       WHERE r.meeting_id = ? ORDER BY x.position`,
    )
    .all(meetingId) as { indicatorId: number; agency: string }[];
  const kabkotaByIndicator = Map.groupBy(kabkotaRows, (r) => r.indicatorId);

  const assignmentRows = db
    .prepare(
      `SELECT s.indicator_id AS indicatorId, s.role, ${AGENCY_LABEL} AS agency
       FROM assignment s JOIN agency a ON a.id = s.agency_id
       WHERE s.indicator_id IN (SELECT r.indicator_id FROM indicator_review r WHERE r.meeting_id = ? AND ${inMeetingClusters('r')})
       ORDER BY s.role = 'support', agency`,
    )
    .all(meetingId) as { indicatorId: number; role: 'lead' | 'support'; agency: string }[];
  const assignmentsByIndicator = Map.groupBy(assignmentRows, (r) => r.indicatorId);

  const reviews: MinutesIndicatorReview[] = reviewRows.map(({ indicatorId, isWeak, ...r }) => {
    const assigned = assignmentsByIndicator.get(indicatorId) ?? [];
    return {
      ...r,
      isWeak: isWeak === 1,
      leadAgencies: assigned.filter((a) => a.role === 'lead').map((a) => a.agency),
      supportAgencies: assigned.filter((a) => a.role === 'support').map((a) => a.agency),
      kabkota: (kabkotaByIndicator.get(indicatorId) ?? []).map((r) => r.agency),
    };
  });

  // Section C: every earlier RTL the Tindak lanjut tab listed, with its status as of this meeting
  // (left untouched = its status before), not only those whose status the user changed.
  const live = getMeeting(db, meetingId);
  const previous = listPreviousActions(db, live);
  const leadLabels = new Map(
    (db.prepare(`SELECT a.id, ${AGENCY_LABEL} AS label FROM agency a WHERE a.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(previous.flatMap((p) => (p.leadAgencyId === null ? [] : [p.leadAgencyId])))) as { id: number; label: string }[])
      .map((r) => [r.id, r.label]),
  );
  const earlierActions: MinutesEarlierAction[] = previous.map((p) => ({
    meetingTitle: p.meetingTitle,
    meetingDate: p.meetingDate,
    description: p.description,
    leadAgency: p.leadAgencyId === null ? '' : (leadLabels.get(p.leadAgencyId) ?? ''),
    status: p.status,
    notes: p.reviewHere?.notes ?? '',
  }));

  const actionRows = db
    .prepare(
      `SELECT ai.id, c.code AS clusterCode, i.number AS indicatorNumber, i.name AS indicatorName,
              ai.problem, ai.description, coalesce(${AGENCY_LABEL}, '') AS leadAgency, ai.target_date AS targetDate,
              ai.funding_source AS fundingSource, ${statusAsOfSql('ai')} AS status, ai.notes,
              bl.funding_source AS lineSource, bl.fiscal_year AS lineYear, bl.activity_name AS lineName, bl.sub_activity_code AS lineCode
       FROM action_item ai
       LEFT JOIN budget_line bl ON bl.id = ai.budget_line_id
       LEFT JOIN indicator i ON i.id = ai.indicator_id
       LEFT JOIN cluster c ON c.id = i.cluster_id
       LEFT JOIN agency a ON a.id = ai.lead_agency_id
       WHERE ai.meeting_id = @id AND ${inMeetingClusters('ai')} ORDER BY i.number IS NULL, i.number, ai.id`,
    )
    .all(meetingParams(live)) as (Omit<MinutesActionItem, 'relatedAgencies'> & { id: number } & FundingLineRow)[];
  const relatedRows = db
    .prepare(
      `SELECT x.action_item_id AS actionId, ${AGENCY_LABEL} AS agency
       FROM action_item_agency x JOIN action_item ai ON ai.id = x.action_item_id JOIN agency a ON a.id = x.agency_id
       WHERE ai.meeting_id = ? ORDER BY x.position, agency`,
    )
    .all(meetingId) as { actionId: number; agency: string }[];
  const relatedByAction = Map.groupBy(relatedRows, (r) => r.actionId);
  const actions: MinutesActionItem[] = actionRows.map(({ id, lineSource, lineYear, lineName, lineCode, ...a }) => ({
    ...a,
    // The budget line that funds it, when chosen; else whatever was typed (older RTLs).
    fundingSource: lineYear === null ? a.fundingSource : fundingLabel({ lineSource, lineYear, lineName, lineCode }),
    relatedAgencies: (relatedByAction.get(id) ?? []).map((r) => r.agency),
  }));

  // The budget discussed: the lines entered at this rakor (what its Pembahasan tab shows).
  const budget = db
    .prepare(
      `SELECT ${AGENCY_LABEL} AS agency, a.name AS agencyFullName, b.sub_activity_code AS subActivityCode,
              b.activity_name AS activityName, b.funding_source AS fundingSource, b.fiscal_year AS fiscalYear,
              b.allocation_sen AS allocationSen, b.realization_sen AS realizationSen
       FROM budget_line b JOIN agency a ON a.id = b.agency_id
       WHERE b.meeting_id = ? AND ${inMeetingClusters('b')}
       ORDER BY a.name, b.sub_activity_code, b.id`,
    )
    .all(meetingId) as MinutesBudgetLine[];

  // The Lampiran Dokumentasi: the meeting's chosen photos, at most the cap (a restore from
  // Terhapus can bring one back above it), by the content hash of each file.
  const documentation = (db
    .prepare(
      `SELECT sha256, size_bytes AS sizeBytes, media_type AS mediaType, title, coalesce(nullif(trim(documentation_caption), ''), title) AS caption
       FROM evidence WHERE meeting_id = ? AND documentation_position IS NOT NULL ORDER BY documentation_position, id LIMIT ?`,
    )
    .all(meetingId, DOCUMENTATION_MAX_PHOTOS) as MinutesPhoto[]);

  return {
    profile,
    meeting: {
      id: m.id,
      title: m.title,
      date: m.date,
      startTime: m.start_time,
      endTime: m.end_time,
      timeZone: m.time_zone,
      place: m.place,
      chair: { name: m.chair_name, position: m.chair_position, rank: m.chair_rank, nip: m.chair_nip },
      notulis: { name: m.notulis_name, position: m.notulis_position, rank: m.notulis_rank, nip: m.notulis_nip },
      openingNotes: m.opening_notes,
      closingNotes: m.closing_notes,
      revision: m.minutes_revision,
    },
    clusters,
    agenda,
    attendees,
    invitedAgencies: invited,
    decisions,
    reviews,
    earlierActions,
    actions,
    budget,
    documentation,
  };
}
