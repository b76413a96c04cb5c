import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { MeetingPatch } from '../../../shared/api/meeting';
import type { Deleted, Meeting, MeetingDeletePreview, MeetingDraft, MeetingRef, MeetingSummary } from '../../../shared/meeting';
import { clusterLabel } from '../../../shared/kla';
import type { MeetingStatus } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nextSameWeekday, todayIso, type TimeZoneCode } from '../../../shared/format';
import { nowIso } from '../db/clock';
import { referenceYearFor } from '../reference/repository';
import { assertAgencyExists, inMeetingClusters, likePattern } from '../db/rows';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { assertRevision, patchRow } from '../db/patch';
import { captureRows, countRows, moveToTrash } from '../db/trash-store';
import { meetingList, meetingsFollowingUp } from '../action-item/repository';
import { MEETING_YEARS_SQL } from './per-year';

const MEETING_COLUMNS = `m.id, m.title, m.date, m.start_time AS startTime, m.end_time AS endTime, m.time_zone AS timeZone,
  m.place, m.status, m.chair_name AS chairName, m.chair_position AS chairPosition, m.chair_rank AS chairRank,
  m.chair_nip AS chairNip, m.notulis_name AS notulisName, m.notulis_position AS notulisPosition,
  m.notulis_rank AS notulisRank, m.notulis_nip AS notulisNip, m.opening_notes AS openingNotes,
  m.closing_notes AS closingNotes, m.created_at AS createdAt, m.updated_at AS updatedAt, m.revision,
  m.minutes_revision AS minutesRevision`;

/** Cluster codes of a meeting in the reference set's order, as one JSON array per row. */
const CLUSTER_CODES_JSON = `(SELECT json_group_array(code) FROM (SELECT c.code FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
  WHERE mc.meeting_id = m.id ORDER BY c.position))`;

type MeetingRow = Omit<Meeting, 'clusterCodes' | 'referenceYear'> & { clusterCodes: string; referenceYear: number | null };

export function getMeeting(db: Db, id: number): Meeting {
  const row = db
    .prepare(
      `SELECT ${MEETING_COLUMNS}, ${CLUSTER_CODES_JSON} AS clusterCodes,
        (SELECT max(c.year) FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id WHERE mc.meeting_id = m.id) AS referenceYear
       FROM meeting m WHERE m.id = ?`,
    )
    .get(id) as MeetingRow | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return {
    ...row,
    clusterCodes: JSON.parse(row.clusterCodes) as string[],
    referenceYear: row.referenceYear ?? referenceYearFor(db, Number(row.date.slice(0, 4))),
  };
}

/** Distinct meeting years, newest first (the same list Rakor per tahun offers). */
export function meetingYears(db: Db): number[] {
  return (db.prepare(MEETING_YEARS_SQL).all() as { y: number }[]).map((r) => r.y);
}

export function listMeetings(db: Db, filter: OpParsed<'meeting.list'>): MeetingSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.search) {
    where.push(`(m.title LIKE ? ESCAPE '\\' OR m.place LIKE ? ESCAPE '\\')`);
    params.push(likePattern(filter.search), likePattern(filter.search));
  }
  if (filter.year !== undefined) {
    where.push(`m.date >= ? AND m.date < ?`);
    params.push(`${filter.year}-01-01`, `${filter.year + 1}-01-01`);
  }
  if (filter.status) {
    where.push(`m.status = ?`);
    params.push(filter.status);
  }
  if (filter.clusterCode) {
    where.push(`EXISTS (SELECT 1 FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id WHERE mc.meeting_id = m.id AND c.code = ?)`);
    params.push(filter.clusterCode);
  }
  const rows = db
    .prepare(
      `SELECT m.id, m.title, m.date, m.start_time AS startTime, m.end_time AS endTime, m.time_zone AS timeZone, m.place, m.status,
         ${CLUSTER_CODES_JSON} AS clusterCodes,
         (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present = 1) AS attendeeCount,
         (SELECT count(*) FROM action_item ai WHERE ai.meeting_id = m.id AND ${inMeetingClusters('ai')}) AS actionCount
       FROM meeting m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.date DESC, m.start_time DESC, m.id DESC
       ${filter.limit !== undefined ? 'LIMIT ? OFFSET ?' : ''}`,
    )
    .all(...params, ...(filter.limit !== undefined ? [filter.limit, filter.offset ?? 0] : [])) as (Omit<MeetingSummary, 'clusterCodes'> & { clusterCodes: string })[];
  return rows.map((r) => ({ ...r, clusterCodes: JSON.parse(r.clusterCodes) as string[] }));
}

/** Cluster ids of the given codes in the reference set in force for the year; unknown codes are a field error. */
export function resolveClusterIds(db: Db, refYear: number, codes: string[]): number[] {
  const rows = db.prepare(`SELECT id, code FROM cluster WHERE year = ?`).all(refYear) as { id: number; code: string }[];
  const byCode = new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  const ids: number[] = [];
  for (const code of new Set(codes.map((c) => c.toUpperCase()))) {
    const clusterId = byCode.get(code);
    if (clusterId === undefined) {
      const message = t('field.clusterUnknown', { code });
      throw new AppError('VALIDATION', message, [{ path: 'clusterCodes', message }]);
    }
    ids.push(clusterId);
  }
  return ids;
}

function setClusterRows(db: Db, meetingId: number, clusterIds: number[]) {
  db.prepare(`DELETE FROM meeting_cluster WHERE meeting_id = ?`).run(meetingId);
  const insert = db.prepare(`INSERT INTO meeting_cluster (meeting_id, cluster_id) VALUES (?, ?)`);
  for (const clusterId of clusterIds) insert.run(meetingId, clusterId);
}

/** The region profile's zone: its one row is written by the first migration and never deleted. */
function profileZone(db: Db): TimeZoneCode {
  return (db.prepare(`SELECT time_zone AS z FROM region_profile WHERE id = 1`).get() as { z: TimeZoneCode }).z;
}

export function createMeeting(db: Db, input: OpParsed<'meeting.create'>): Meeting {
  const refYear = referenceYearFor(db, Number(input.date.slice(0, 4)));
  const clusterIds = resolveClusterIds(db, refYear, input.clusterCodes);
  input.invitedAgencyIds.forEach((agencyId, i) => assertAgencyExists(db, agencyId, `invitedAgencyIds.${i}`));
  const now = nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, chair_name, chair_position, chair_rank,
           chair_nip, notulis_name, notulis_position, notulis_rank, notulis_nip, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'draf', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.title, input.date, input.startTime, input.endTime, input.timeZone ?? profileZone(db), input.place.trim(),
        input.chairName.trim(), input.chairPosition.trim(), input.chairRank.trim(), input.chairNip,
        input.notulisName.trim(), input.notulisPosition.trim(), input.notulisRank.trim(), input.notulisNip, now, now,
      ).lastInsertRowid,
  );
  setClusterRows(db, id, clusterIds);
  const insertAgenda = db.prepare(`INSERT INTO agenda_item (meeting_id, position, title) VALUES (?, ?, ?)`);
  input.agenda.forEach((title, i) => insertAgenda.run(id, i + 1, title));
  const invite = db.prepare(`INSERT OR IGNORE INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`);
  for (const agencyId of input.invitedAgencyIds) invite.run(id, agencyId);
  return getMeeting(db, id);
}

const PATCH_COLUMN: Record<Exclude<keyof MeetingPatch, 'id' | 'baseRevision'>, string> = {
  title: 'title',
  date: 'date',
  startTime: 'start_time',
  endTime: 'end_time',
  timeZone: 'time_zone',
  place: 'place',
  chairName: 'chair_name',
  chairPosition: 'chair_position',
  chairRank: 'chair_rank',
  chairNip: 'chair_nip',
  notulisName: 'notulis_name',
  notulisPosition: 'notulis_position',
  notulisRank: 'notulis_rank',
  notulisNip: 'notulis_nip',
  openingNotes: 'opening_notes',
  closingNotes: 'closing_notes',
};

function assertEndAfterStart(startTime: string, endTime: string | null, changed: 'startTime' | 'endTime') {
  if (endTime !== null && endTime < startTime) {
    const message = t('field.endBeforeStart');
    throw new AppError('VALIDATION', t('error.validation'), [{ path: changed, message }]);
  }
}

export function updateMeeting(db: Db, patch: MeetingPatch): Meeting {
  const current = getMeeting(db, patch.id);
  assertMeetingEditable(db, patch.id);
  // A patch without fields goes the same way: patchRow then only checks the revision.
  const startTime = patch.startTime ?? current.startTime;
  const endTime = patch.endTime !== undefined ? patch.endTime : current.endTime;
  assertEndAfterStart(startTime, endTime, patch.endTime !== undefined ? 'endTime' : 'startTime');
  patchRow(db, 'meeting', PATCH_COLUMN, patch, () => getMeeting(db, patch.id));
  return getMeeting(db, patch.id);
}

export function setMeetingClusters(db: Db, id: number, codes: string[], confirmHidden: boolean): Meeting {
  const meeting = getMeeting(db, id);
  assertMeetingEditable(db, id);
  const clusterIds = resolveClusterIds(db, meeting.referenceYear, codes);
  if (!confirmHidden) assertNothingHidden(db, id, clusterIds);
  setClusterRows(db, id, clusterIds);
  touchMeeting(db, id);
  return getMeeting(db, id);
}

/**
 * Unticking a cluster hides the meeting's reviews, RTLs and budget lines of its indicators from
 * the screens and the notulen. Refused, naming what would be hidden, unless the user confirmed.
 */
function assertNothingHidden(db: Db, meetingId: number, keptClusterIds: number[]): void {
  const rows = db
    .prepare(
      `SELECT c.code, c.position,
         (SELECT count(*) FROM indicator_review r JOIN indicator i ON i.id = r.indicator_id WHERE r.meeting_id = @meetingId AND i.cluster_id = c.id
            AND (r.achievement <> '' OR r.score IS NOT NULL OR r.is_weak = 1 OR r.problem <> '' OR r.recommendation <> '')) AS reviews,
         (SELECT count(*) FROM action_item a JOIN indicator i ON i.id = a.indicator_id WHERE a.meeting_id = @meetingId AND i.cluster_id = c.id) AS actions,
         (SELECT count(*) FROM budget_line b JOIN indicator i ON i.id = b.indicator_id WHERE b.meeting_id = @meetingId AND i.cluster_id = c.id) AS budget
       FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
       WHERE mc.meeting_id = @meetingId AND mc.cluster_id NOT IN (SELECT value FROM json_each(@kept))
       ORDER BY c.position`,
    )
    .all({ meetingId, kept: JSON.stringify(keptClusterIds) }) as { code: string; reviews: number; actions: number; budget: number }[];
  const hiding = rows.filter((r) => r.reviews + r.actions + r.budget > 0);
  if (hiding.length === 0) return;
  const sum = (key: 'reviews' | 'actions' | 'budget') => hiding.reduce((n, r) => n + r[key], 0);
  const content = [
    sum('reviews') ? `${sum('reviews')} pembahasan indikator` : '',
    sum('actions') ? `${sum('actions')} RTL` : '',
    sum('budget') ? `${sum('budget')} baris anggaran` : '',
  ].filter(Boolean).join(', ');
  const clusters = hiding.map((r) => clusterLabel(r.code)).join(', ');
  throw AppError.of('CONFLICT', 'error.clustersHideContent', { clusters, content });
}

/** Why the meeting cannot be deleted (closed, once closed, or followed up elsewhere), or null. */
function deleteRefusal(db: Db, meeting: Meeting, blockedBy: MeetingRef[]): string | null {
  if (meeting.status === 'selesai') return t('error.meetingClosedDelete');
  const snapshot = db.prepare(`SELECT max(revision) AS revision FROM meeting_snapshot WHERE meeting_id = ?`).get(meeting.id) as { revision: number | null };
  if (snapshot.revision !== null) return t('error.meetingHasSnapshot', { revision: snapshot.revision });
  if (blockedBy.length > 0) return t('error.meetingFollowedUp', { meetings: meetingList(blockedBy) });
  return null;
}

function ownActionIds(db: Db, meetingId: number): number[] {
  return (db.prepare(`SELECT id FROM action_item WHERE meeting_id = ?`).all(meetingId) as { id: number }[]).map((r) => r.id);
}

/** Exactly what a delete would move to Terhapus, and what stops it. */
export function meetingDeletePreview(db: Db, id: number): MeetingDeletePreview {
  const meeting = getMeeting(db, id);
  const blockedBy = meetingsFollowingUp(db, ownActionIds(db, id));
  const sections = captureRows(db, 'meeting', id);
  return {
    id,
    title: meeting.title,
    date: meeting.date,
    counts: {
      attendance: countRows(sections, 'attendance'),
      agenda: countRows(sections, 'agenda_item'),
      reviews: countRows(sections, 'indicator_review'),
      actions: countRows(sections, 'action_item'),
      budgetLines: countRows(sections, 'budget_line'),
      decisions: countRows(sections, 'decision'),
      followUps: countRows(sections, 'action_item_update', (r) => r.meeting_id === id),
    },
    refusal: deleteRefusal(db, meeting, blockedBy),
    blockedBy,
  };
}

/**
 * A delete never reaches into another meeting: a closed (or once closed) meeting is a record,
 * and a meeting whose RTLs later meetings followed up is part of theirs. Otherwise the meeting
 * and all its rows go to Terhapus.
 */
export function deleteMeeting(db: Db, id: number, baseRevision?: number): Deleted {
  const meeting = getMeeting(db, id);
  const refusal = deleteRefusal(db, meeting, meetingsFollowingUp(db, ownActionIds(db, id)));
  if (refusal) throw new AppError('CONFLICT', refusal);
  assertRevision(db, 'meeting', id, baseRevision, () => meeting);
  return { id, trashId: moveToTrash(db, 'meeting', id) };
}

function setStatus(db: Db, id: number, status: MeetingStatus, endTime?: string) {
  if (endTime === undefined) db.prepare(`UPDATE meeting SET status = ?, updated_at = ? WHERE id = ?`).run(status, nowIso(), id);
  else db.prepare(`UPDATE meeting SET status = ?, end_time = ?, updated_at = ? WHERE id = ?`).run(status, endTime, nowIso(), id);
}

export function startMeeting(db: Db, id: number): Meeting {
  assertMeetingEditable(db, id);
  setStatus(db, id, 'berlangsung');
  return getMeeting(db, id);
}

export function closeMeeting(db: Db, id: number, endTime: string): Meeting {
  const meeting = getMeeting(db, id);
  assertMeetingEditable(db, id);
  assertEndAfterStart(meeting.startTime, endTime, 'endTime');
  setStatus(db, id, 'selesai', endTime);
  return getMeeting(db, id);
}

/** "Buka kembali": the next close records the minutes' next revision; earlier snapshots stay. */
export function reopenMeeting(db: Db, id: number): Meeting {
  const meeting = getMeeting(db, id);
  setStatus(db, id, 'berlangsung');
  // Only reopening a closed meeting starts a new revision of its minutes.
  if (meeting.status === 'selesai') db.prepare(`UPDATE meeting SET minutes_revision = minutes_revision + 1 WHERE id = ?`).run(id);
  return getMeeting(db, id);
}

/**
 * The next rakor of the same cluster(s) starts from this one: setup, agenda titles (without
 * notes), invitations and the people who came (not yet checked in). Discussion, decisions and
 * RTLs stay with the original; its open RTLs come up for review in the copy by themselves.
 */
export function duplicateMeeting(db: Db, id: number, date: string | undefined): Meeting {
  const source = getMeeting(db, id);
  const newDate = date ?? nextSameWeekday(source.date, todayIso(source.timeZone));
  const refYear = referenceYearFor(db, Number(newDate.slice(0, 4)));
  let clusterIds: number[];
  try {
    clusterIds = resolveClusterIds(db, refYear, source.clusterCodes);
  } catch {
    // The new year's set lacks a code: keep the original set rather than refuse the copy.
    clusterIds = resolveClusterIds(db, source.referenceYear, source.clusterCodes);
  }
  const now = nowIso();
  const newId = Number(
    db
      .prepare(
        `INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, chair_name, chair_position, chair_rank,
           chair_nip, notulis_name, notulis_position, notulis_rank, notulis_nip, created_at, updated_at)
         SELECT title, ?, start_time, NULL, time_zone, place, 'draf', chair_name, chair_position, chair_rank,
           chair_nip, notulis_name, notulis_position, notulis_rank, notulis_nip, ?, ? FROM meeting WHERE id = ?`,
      )
      .run(newDate, now, now, id).lastInsertRowid,
  );
  setClusterRows(db, newId, clusterIds);
  db.prepare(`INSERT INTO agenda_item (meeting_id, position, title) SELECT ?, position, title FROM agenda_item WHERE meeting_id = ? ORDER BY position`).run(newId, id);
  db.prepare(`INSERT INTO meeting_invitation (meeting_id, agency_id) SELECT ?, agency_id FROM meeting_invitation WHERE meeting_id = ?`).run(newId, id);
  db.prepare(
    `INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, agency_text, phone, nip, rank, present, created_at)
     SELECT ?, position, name, job_title, agency_id, agency_text, phone, nip, rank, 0, ? FROM attendance WHERE meeting_id = ? ORDER BY position`,
  ).run(newId, now, id);
  return getMeeting(db, newId);
}

export function setInvitation(db: Db, meetingId: number, agencyId: number, invited: boolean): number[] {
  assertMeetingEditable(db, meetingId);
  assertAgencyExists(db, agencyId);
  if (invited) db.prepare(`INSERT OR IGNORE INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`).run(meetingId, agencyId);
  else db.prepare(`DELETE FROM meeting_invitation WHERE meeting_id = ? AND agency_id = ?`).run(meetingId, agencyId);
  touchMeeting(db, meetingId);
  return invitedAgencyIds(db, meetingId);
}

/** Many invitations in one write (a group, all OPD, everything shown); inactive or unknown ids are a field error. */
export function setInvitations(db: Db, meetingId: number, agencyIds: number[], invited: boolean): number[] {
  assertMeetingEditable(db, meetingId);
  agencyIds.forEach((agencyId, i) => assertAgencyExists(db, agencyId, `agencyIds.${i}`));
  const sql = invited
    ? `INSERT OR IGNORE INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`
    : `DELETE FROM meeting_invitation WHERE meeting_id = ? AND agency_id = ?`;
  const statement = db.prepare(sql);
  for (const agencyId of agencyIds) statement.run(meetingId, agencyId);
  touchMeeting(db, meetingId);
  return invitedAgencyIds(db, meetingId);
}

/**
 * The last rakor of exactly these clusters (a pleno follows a pleno, Klaster III follows
 * Klaster III), newest date first; null when there is none.
 */
function lastMeetingOf(db: Db, codes: string[]): number | null {
  const wanted = [...new Set(codes.map((c) => c.toUpperCase()))].sort().join(',');
  const rows = db
    .prepare(
      `SELECT m.id, (SELECT group_concat(code, ',') FROM (SELECT DISTINCT upper(c.code) AS code FROM meeting_cluster mc JOIN cluster c ON c.id = mc.cluster_id
         WHERE mc.meeting_id = m.id ORDER BY 1)) AS codes
       FROM meeting m ORDER BY m.date DESC, m.start_time DESC, m.id DESC`,
    )
    .all() as { id: number; codes: string | null }[];
  return rows.find((r) => r.codes === wanted)?.id ?? null;
}

const PEOPLE_KEYS = ['chairName', 'chairPosition', 'chairRank', 'chairNip', 'notulisName', 'notulisPosition', 'notulisRank', 'notulisNip'] as const;

/** What "+ Rapat baru" proposes for these clusters (see MeetingDraft); nothing is written. */
export function draftFor(db: Db, codes: string[], date: string | undefined): MeetingDraft {
  const refYear = referenceYearFor(db, Number((date ?? todayIso(profileZone(db))).slice(0, 4)));
  const clusterIds = resolveClusterIds(db, refYear, codes);
  const sourceId = lastMeetingOf(db, codes);
  const source = sourceId === null ? null : getMeeting(db, sourceId);
  const p = db
    .prepare(
      `SELECT chair_name AS chairName, chair_position AS chairPosition, chair_rank AS chairRank, chair_nip AS chairNip,
         notulis_name AS notulisName, notulis_position AS notulisPosition, notulis_rank AS notulisRank, notulis_nip AS notulisNip
       FROM region_profile WHERE id = 1`,
    )
    .get() as Record<(typeof PEOPLE_KEYS)[number], string>;
  // Chair and notulis as a whole from the profile when it names them, else from the last rakor.
  const fromProfile = (who: 'chair' | 'notulis') => p[`${who}Name`].trim() !== '' || source === null;
  const people = Object.fromEntries(
    PEOPLE_KEYS.map((k) => [k, fromProfile(k.startsWith('chair') ? 'chair' : 'notulis') ? p[k] : source![k]]),
  ) as Pick<MeetingDraft, (typeof PEOPLE_KEYS)[number]>;
  const agenda = source
    ? (db.prepare(`SELECT title FROM agenda_item WHERE meeting_id = ? ORDER BY position`).all(source.id) as { title: string }[]).map((r) => r.title)
    : [];
  return {
    ...people,
    place: source?.place ?? '',
    startTime: source?.startTime ?? '09:00',
    invitedAgencyIds: source ? invitedAgencyIds(db, source.id) : suggestedAgencyIds(db, clusterIds),
    agenda: agenda.length > 0 ? agenda : ['Tindak lanjut rapat sebelumnya', 'Pembahasan indikator'],
    sourceMeetingId: source?.id ?? null,
    sourceTitle: source?.title ?? null,
  };
}

export function invitedAgencyIds(db: Db, meetingId: number): number[] {
  return (db.prepare(`SELECT agency_id AS id FROM meeting_invitation WHERE meeting_id = ? ORDER BY agency_id`).all(meetingId) as { id: number }[]).map((r) => r.id);
}

/**
 * Agencies to invite for these clusters: those assigned to their indicators, then the
 * indicators' usual agencies (links, in the order set on Indikator KLA), so a fresh install
 * suggests something; then any still-unmatched usual-agency text naming an abbreviation.
 */
export function suggestedAgencyIds(db: Db, clusterIds: number[]): number[] {
  const json = JSON.stringify(clusterIds);
  const assigned = db
    .prepare(
      `SELECT DISTINCT a.agency_id AS id FROM assignment a JOIN indicator i ON i.id = a.indicator_id
       WHERE i.cluster_id IN (SELECT value FROM json_each(?)) ORDER BY a.role, a.agency_id`,
    )
    .all(json) as { id: number }[];
  const linked = db
    .prepare(
      `SELECT x.agency_id AS id FROM indicator_agency x JOIN indicator i ON i.id = x.indicator_id JOIN agency a ON a.id = x.agency_id
       WHERE i.cluster_id IN (SELECT value FROM json_each(?)) AND a.active = 1 ORDER BY i.number, x.position`,
    )
    .all(json) as { id: number }[];
  const usual = db
    .prepare(`SELECT usual_agencies AS text FROM indicator WHERE cluster_id IN (SELECT value FROM json_each(?))`)
    .all(json) as { text: string }[];
  const names = new Set(usual.flatMap((r) => r.text.split(/[,/]/).map((s) => s.trim().toLowerCase()).filter(Boolean)));
  const agencies = db.prepare(`SELECT id, abbreviation FROM agency WHERE active = 1 AND abbreviation <> ''`).all() as { id: number; abbreviation: string }[];
  const ids = [...new Set([...assigned, ...linked].map((r) => r.id))];
  for (const a of agencies) if (names.has(a.abbreviation.toLowerCase()) && !ids.includes(a.id)) ids.push(a.id);
  return ids;
}
