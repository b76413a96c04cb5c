import { beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest } from '../support/backend-per-test';
import { LATEST_EVENT } from '../../src-main/core/follow-up/status';

// action_current_status (migration 14) is derived: after every kind of write that changes an
// RTL's history, its rows must equal what the history itself says (LATEST_EVENT, one window over
// every follow-up and outside change, else the RTL's own status). Each test builds the history
// it needs on its own backend: a mutation run executes only the tests that cover a mutant, so a
// test must not rely on rows an earlier test wrote.

const t = backendPerTest();

type Row = { id: number; status: string; lastDate: string | null; lastNotes: string | null; targetDate: string | null };
function derived(): Row[] {
  return t.backend.db.prepare(`SELECT action_item_id AS id, status, last_date AS lastDate, last_notes AS lastNotes, target_date AS targetDate FROM action_current_status ORDER BY 1`).all() as Row[];
}
function fromHistory(): Row[] {
  return t.backend.db.prepare(`WITH latest AS (${LATEST_EVENT})
    SELECT a.id, coalesce(l.status, a.status) AS status, l.d AS lastDate, l.notes AS lastNotes, a.target_date AS targetDate
    FROM action_item a LEFT JOIN latest l ON l.aid = a.id ORDER BY 1`).all() as Row[];
}
const same = () => expect(derived()).toEqual(fromHistory());

const id: Record<string, number> = {};
beforeEach(async () => {
  const jan = await klasterIII(t, '2025-01-10', 'Januari');
  id.jan = jan.meeting.id;
  id.A = (await t.call('actionItem.create', { meetingId: jan.meeting.id, description: 'A', leadAgencyId: await agencyId(t, 'Dinkes'), status: 'proses' })).id;
  id.B = (await t.call('actionItem.create', { meetingId: jan.meeting.id, description: 'B' })).id;
});

/** A March rakor that follows A up (recorded, then edited) and an outside change of A on 1 April. */
async function marchFollowUps() {
  const mar = await klasterIII(t, '2025-03-10', 'Maret');
  id.mar = mar.meeting.id;
  await t.call('followUp.record', { actionItemId: id.A, meetingId: mar.meeting.id, status: 'belum', notes: 'mundur' });
  same();
  await t.edit('followUp.record', { actionItemId: id.A, meetingId: mar.meeting.id, notes: 'tertunda' });
  same();
  await t.call('followUp.setStatus', { actionItemId: id.A, status: 'selesai', date: '2025-04-01', notes: 'beres' });
  same();
}

/** March moves after the outside change of 1 April: its follow-up is now the latest. */
async function marchMovedToMay() {
  await t.edit('meeting.update', { id: id.mar, date: '2025-05-10' });
  same();
}

describe('the derived current status follows every write', () => {
  it('own status at create and on update', async () => {
    same();
    expect(derived().map((r) => r.status)).toEqual(['proses', 'belum']);
    await t.edit('actionItem.update', { id: id.B, status: 'selesai' });
    same();
    expect(derived()[1]).toEqual({ id: id.B, status: 'selesai', lastDate: null, lastNotes: null, targetDate: null });
    await t.edit('actionItem.update', { id: id.B, targetDate: '2025-06-30' });
    same();
    expect(derived()[1].targetDate).toBe('2025-06-30');
  });

  it('follow-ups recorded, edited, and outside changes, in their order', async () => {
    await marchFollowUps();
    expect(derived()[0]).toEqual({ id: id.A, status: 'selesai', lastDate: '2025-04-01', lastNotes: 'beres', targetDate: null });
  });

  it('a meeting moved in time reorders the follow-ups recorded at it', async () => {
    await marchFollowUps();
    await marchMovedToMay();
    expect(derived()[0]).toMatchObject({ status: 'belum', lastDate: '2025-05-10', lastNotes: 'tertunda' });
  });

  it('close, reopen, delete to Terhapus and restore', async () => {
    await marchFollowUps();
    await marchMovedToMay();
    await t.call('meeting.close', { id: id.mar, endTime: '12:00' });
    same();
    await t.call('meeting.reopen', { id: id.mar });
    await t.edit('followUp.record', { actionItemId: id.A, meetingId: id.mar, status: 'proses' });
    same();
    const c = await t.call('actionItem.create', { meetingId: id.mar, description: 'C', status: 'proses' });
    await t.edit('actionItem.delete', { id: c.id });
    same();
    expect(derived().some((r) => r.id === c.id)).toBe(false);
    const entry = (await t.call('trash.list', {})).find((e) => e.kind === 'action_item')!;
    await t.call('trash.restore', { id: entry.id });
    same();
    expect(derived().find((r) => r.id === c.id)).toMatchObject({ status: 'proses' });
  });

  it('a rakor deleted to Terhapus takes its follow-ups out of the status, and brings them back when restored', async () => {
    await marchFollowUps();
    await marchMovedToMay();
    expect(derived()[0]).toMatchObject({ status: 'belum', lastDate: '2025-05-10' });
    const gone = await t.call('meeting.delete', { id: id.mar });
    same();
    expect(derived()[0]).toMatchObject({ status: 'selesai', lastDate: '2025-04-01', lastNotes: 'beres' });
    expect(gone.trashId).toEqual(expect.any(Number));
    await t.call('trash.restore', { id: Number(gone.trashId) });
    same();
    expect(derived()[0]).toMatchObject({ status: 'belum', lastDate: '2025-05-10', lastNotes: 'tertunda' });
  });
});
