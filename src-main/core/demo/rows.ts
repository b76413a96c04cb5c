import type { Db } from '../db/database';

// Prepared inserts for whole meetings, shared by the demo seeder and the large-regency
// generator in bench/. They write rows as the services would leave them, without going
// through validation one call at a time (a generator writes hundreds of thousands of rows).

export interface MeetingRow {
  title: string;
  date: string;
  start: string;
  end: string | null;
  timeZone: string;
  place: string;
  status: 'draf' | 'berlangsung' | 'selesai';
  opening: string;
  closing: string;
}

export const DEMO_CHAIR = {
  name: 'Ir. H. Bambang Supriyadi, M.T.',
  position: 'Kepala Bappeda selaku Ketua Gugus Tugas KLA',
  rank: 'Pembina Utama Muda (IV/c)',
  nip: '196805121994031007',
};
export const DEMO_NOTULIS = { name: 'Dewi Anggraini, S.Sos.', position: 'Analis Perlindungan Anak DP3A', rank: 'Penata (III/c)', nip: '198703142010012015' };

export function meetingWriter(db: Db) {
  const now = new Date().toISOString();
  const s = {
    meeting: db.prepare(
      `INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, chair_name, chair_position, chair_rank, chair_nip,
         notulis_name, notulis_position, notulis_rank, notulis_nip, opening_notes, closing_notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    cluster: db.prepare(`INSERT INTO meeting_cluster (meeting_id, cluster_id) VALUES (?, ?)`),
    agenda: db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`),
    attendee: db.prepare(`INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, phone, present, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`),
    invite: db.prepare(`INSERT OR IGNORE INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`),
    review: db.prepare(`INSERT INTO indicator_review (meeting_id, indicator_id, achievement, is_weak, problem, recommendation) VALUES (?, ?, ?, ?, ?, ?)`),
    assignment: db.prepare(`INSERT OR IGNORE INTO assignment (indicator_id, agency_id, role, meeting_id) VALUES (?, ?, ?, ?)`),
    budget: db.prepare(
      `INSERT INTO budget_line (agency_id, indicator_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year, allocation_sen, realization_sen, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    action: db.prepare(
      `INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, funding_source, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'belum', ?, ?)`,
    ),
    related: db.prepare(`INSERT INTO action_item_agency (action_item_id, agency_id) VALUES (?, ?)`),
    decision: db.prepare(`INSERT INTO decision (meeting_id, position, text) VALUES (?, ?, ?)`),
    update: db.prepare(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, ?, ?, ?)`),
  };
  return {
    meeting(m: MeetingRow, clusterIds: number[]): number {
      const id = Number(
        s.meeting.run(m.title, m.date, m.start, m.end, m.timeZone, m.place, m.status,
          DEMO_CHAIR.name, DEMO_CHAIR.position, DEMO_CHAIR.rank, DEMO_CHAIR.nip,
          DEMO_NOTULIS.name, DEMO_NOTULIS.position, DEMO_NOTULIS.rank, DEMO_NOTULIS.nip, m.opening, m.closing, now, now).lastInsertRowid,
      );
      for (const clusterId of clusterIds) s.cluster.run(id, clusterId);
      return id;
    },
    agenda: (meetingId: number, position: number, title: string, notes: string) => s.agenda.run(meetingId, position, title, notes),
    attendee(meetingId: number, position: number, name: string, jobTitle: string, agencyId: number, phone: string) {
      s.attendee.run(meetingId, position, name, jobTitle, agencyId, phone, now);
      s.invite.run(meetingId, agencyId);
    },
    review: (meetingId: number, indicatorId: number, achievement: string, weak: boolean, problem: string, recommendation: string) =>
      s.review.run(meetingId, indicatorId, achievement, weak ? 1 : 0, problem, recommendation),
    assignment: (indicatorId: number, agencyId: number, role: 'lead' | 'support', meetingId: number) => s.assignment.run(indicatorId, agencyId, role, meetingId),
    budget(b: { agencyId: number; indicatorId: number; meetingId: number; code: string; activity: string; source: string; year: number; allocationSen: number; realizationSen: number }) {
      s.budget.run(b.agencyId, b.indicatorId, b.meetingId, b.code, b.activity, b.source, b.year, b.allocationSen, b.realizationSen, now, now);
      s.assignment.run(b.indicatorId, b.agencyId, 'lead', b.meetingId);
    },
    action(a: { meetingId: number; indicatorId: number; problem: string; description: string; leadAgencyId: number; related: number[]; targetDate: string; source: string }): number {
      const id = Number(s.action.run(a.meetingId, a.indicatorId, a.problem, a.description, a.leadAgencyId, a.targetDate, a.source, now, now).lastInsertRowid);
      for (const r of a.related) s.related.run(id, r);
      s.assignment.run(a.indicatorId, a.leadAgencyId, 'lead', a.meetingId);
      for (const r of a.related) s.assignment.run(a.indicatorId, r, 'support', a.meetingId);
      return id;
    },
    decision: (meetingId: number, position: number, text: string) => s.decision.run(meetingId, position, text),
    /** A status change of an RTL recorded at a later meeting, reflected on the RTL itself. */
    statusUpdate(actionId: number, atMeetingId: number, status: 'belum' | 'proses' | 'selesai', notes: string) {
      // Appended to the RTL's history; its own status stays the one set at its own meeting.
      s.update.run(actionId, atMeetingId, status, notes, now);
    },
  };
}
