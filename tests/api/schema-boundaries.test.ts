import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpName } from '../../shared/api/contract';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { withCurrentRevision } from '../support/revision';

// Boundaries of a few schemas, written by hand from the rules (not derived from the contract,
// so a schema made looser fails here): each row is one value just inside or just outside.

interface Ids {
  meeting: number;
  indicator: number;
  decision: number;
  dinkes: number;
}

type Row = [label: string, op: OpName, input: (x: Ids) => unknown, accepted: boolean, field?: string];

const ROWS: Row[] = [
  // indicatorReview.upsert: score 0..1000 or null.
  ['score 0', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, score: 0 }), true],
  ['score 1000', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, score: 1000 }), true],
  ['score 1000.01', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, score: 1000.01 }), false, 'score'],
  ['score -0.5', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, score: -0.5 }), false, 'score'],
  ['score null', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, score: null }), true],
  ['review with an unknown key', 'indicatorReview.upsert', (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, nilai: 5 }), false],
  // decision.update: only `text`, strictly.
  ['decision text', 'decision.update', (x) => ({ id: x.decision, text: 'Disepakati.' }), true],
  ['decision with an unknown key', 'decision.update', (x) => ({ id: x.decision, text: 'x', position: 0 }), false],
  ['decision with meetingId', 'decision.update', (x) => ({ id: x.decision, meetingId: x.meeting }), false],
  // attendance phone: digits, +, -, spaces, brackets.
  ['phone +62 (0511) 123-456', 'attendance.create', (x) => ({ meetingId: x.meeting, name: 'A', phone: '+62 (0511) 123-456' }), true],
  ['phone empty', 'attendance.create', (x) => ({ meetingId: x.meeting, name: 'B', phone: '' }), true],
  ['phone with a letter', 'attendance.create', (x) => ({ meetingId: x.meeting, name: 'C', phone: '0812-345-ABC' }), false, 'phone'],
  ['phone with a slash', 'attendance.create', (x) => ({ meetingId: x.meeting, name: 'D', phone: '0812/345' }), false, 'phone'],
  // meeting times: the end is not before the start.
  ['end equal to start', 'meeting.update', (x) => ({ id: x.meeting, startTime: '09:00', endTime: '09:00' }), true],
  ['end one minute before start', 'meeting.update', (x) => ({ id: x.meeting, startTime: '09:00', endTime: '08:59' }), false, 'endTime'],
  ['create with end before start', 'meeting.create', () => ({ title: 'R', clusterCodes: ['I'], date: '2025-01-01', startTime: '10:00', endTime: '09:59' }), false, 'endTime'],
  ['time 24:00', 'meeting.update', (x) => ({ id: x.meeting, startTime: '24:00' }), false, 'startTime'],
  // budget lines: whole, non-negative sen.
  ['pagu 0 sen', 'budgetLine.create', (x) => ({ agencyId: x.dinkes, fiscalYear: 2025, allocationSen: 0 }), true],
  ['pagu -1 sen', 'budgetLine.create', (x) => ({ agencyId: x.dinkes, fiscalYear: 2025, allocationSen: -1 }), false, 'allocationSen'],
  ['pagu 0.5 sen', 'budgetLine.create', (x) => ({ agencyId: x.dinkes, fiscalYear: 2025, allocationSen: 0.5 }), false, 'allocationSen'],
  ['realisasi -1 sen', 'budgetLine.create', (x) => ({ agencyId: x.dinkes, fiscalYear: 2025, allocationSen: 10, realizationSen: -1 }), false, 'realizationSen'],
];

let t: TestBackend;
let ids: Ids;
beforeAll(async () => {
  t = openTestBackend();
  const m = await t.call('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  const ws = await t.call('meeting.get', { id: m.id });
  const decision = await t.call('decision.create', { meetingId: m.id, text: 'Awal' });
  ids = { meeting: m.id, indicator: ws.clusters[0].indicators[0].id, decision: decision.id, dinkes: await agencyId(t, 'Dinkes') };
});
afterAll(() => t?.close());

describe('schema boundaries', () => {
  it.each(ROWS)('%s (%s)', async (_label, op, input, accepted, field) => {
    const result = await t.backend.invoke(op, withCurrentRevision(t.backend.db, op, input(ids)));
    if (accepted) {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    if (field) expect(result.error.fields?.map((f) => f.path)).toContain(field);
  });
});
