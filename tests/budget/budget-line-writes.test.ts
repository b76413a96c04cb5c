import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpInput } from '../../shared/api/contract';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// What the budget line writes promise beyond the happy path of budget-lines.test.ts: which rows a
// filter returns, what is stored as typed and what is cleaned, the Indonesian refusals, and that
// a rakor is marked as changed exactly when one of its lines changed.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const OLD = '2000-01-01T00:00:00.000Z';
/** Backdates the meeting's "last changed" stamp, so a test can see whether a write moved it. */
const backdate = (meetingId: number) => t.backend.db.prepare(`UPDATE meeting SET updated_at = ? WHERE id = ?`).run(OLD, meetingId);
const changedAt = (meetingId: number) => (t.backend.db.prepare(`SELECT updated_at AS u FROM meeting WHERE id = ?`).get(meetingId) as { u: string }).u;

async function fixture() {
  const { meeting, indicators } = await klasterIII(t);
  const dinkes = await agencyId(t, 'Dinkes');
  const dinsos = await agencyId(t, 'Dinsos');
  const atMeeting = await t.call('budgetLine.create', {
    meetingId: meeting.id, agencyId: dinkes, indicatorId: indicators[0].id, fiscalYear: 2025, allocationSen: 100,
    activityName: '  Pemberian makanan tambahan ', fundingSource: ' APBD murni  ', childResponsive: false,
  });
  const outside = await t.call('budgetLine.create', { agencyId: dinsos, indicatorId: indicators[1].id, fiscalYear: 2024, allocationSen: 200 });
  const third = await t.call('budgetLine.create', { agencyId: dinkes, fiscalYear: 2024, allocationSen: 300 });
  return { meeting, indicators, dinkes, dinsos, atMeeting, outside, third };
}

describe('budget lines: filters and stored values', () => {
  it('lists only the lines that match every filter given, newest fiscal year first', async () => {
    const f = await fixture();
    const ids = async (filter: OpInput<'budgetLine.list'>) => (await t.call('budgetLine.list', filter)).map((l) => l.id);
    expect(await ids({})).toEqual([f.atMeeting.id, f.outside.id, f.third.id]);
    expect(await ids({ meetingId: f.meeting.id })).toEqual([f.atMeeting.id]);
    expect(await ids({ indicatorId: f.indicators[1].id })).toEqual([f.outside.id]);
    expect(await ids({ agencyId: f.dinkes })).toEqual([f.atMeeting.id, f.third.id]);
    expect(await ids({ fiscalYear: 2024 })).toEqual([f.outside.id, f.third.id]);
    expect(await ids({ agencyId: f.dinkes, fiscalYear: 2024 })).toEqual([f.third.id]);
    expect(await ids({ agencyId: f.dinsos, fiscalYear: 2025 })).toEqual([]);
  });

  it('trims the names typed on create and keeps "not child-responsive"', async () => {
    const f = await fixture();
    expect(f.atMeeting).toMatchObject({ activityName: 'Pemberian makanan tambahan', fundingSource: 'APBD murni', childResponsive: false });
    expect(f.outside.childResponsive).toBe(true);
    const [stored] = await t.call('budgetLine.list', { meetingId: f.meeting.id });
    expect(stored).toMatchObject({ activityName: 'Pemberian makanan tambahan', fundingSource: 'APBD murni', childResponsive: false });
  });
});

describe('budget lines: refusals', () => {
  it('refuses an unknown instansi or indikator on create and on update, writing nothing', async () => {
    const f = await fixture();
    const agency = await t.fail('budgetLine.create', { agencyId: 99_999, fiscalYear: 2025, allocationSen: 1 });
    expect(agency).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'agencyId', message: 'Instansi tidak ditemukan.' }] });
    const indicator = await t.fail('budgetLine.create', { agencyId: f.dinkes, indicatorId: 99_999, fiscalYear: 2025, allocationSen: 1 });
    expect(indicator).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'indicatorId', message: 'Indikator tidak ditemukan.' }] });
    expect(await t.call('budgetLine.list', {})).toHaveLength(3);

    const badAgency = await t.fail('budgetLine.update', { id: f.outside.id, agencyId: 99_999 });
    expect(badAgency.fields).toEqual([{ path: 'agencyId', message: 'Instansi tidak ditemukan.' }]);
    const badIndicator = await t.fail('budgetLine.update', { id: f.outside.id, indicatorId: 99_999 });
    expect(badIndicator.fields).toEqual([{ path: 'indicatorId', message: 'Indikator tidak ditemukan.' }]);
    expect((await t.call('budgetLine.list', { agencyId: f.dinsos }))[0]).toEqual(f.outside);
  });

  it('answers "not found" for a line that does not exist', async () => {
    for (const refusal of [
      await t.fail('budgetLine.update', { id: 4242, baseRevision: 1, realizationSen: 5 }),
      await t.fail('budgetLine.delete', { id: 4242 }),
    ]) {
      expect(refusal).toMatchObject({ code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' });
    }
  });

  it('refuses an edit or delete based on an older revision, sending back the line as stored', async () => {
    const f = await fixture();
    const now = await t.edit('budgetLine.update', { id: f.outside.id, realizationSen: 150 });
    const stale = await t.fail('budgetLine.update', { id: f.outside.id, baseRevision: f.outside.revision, realizationSen: 99 });
    expect(stale).toMatchObject({ code: 'STALE', current: now });
    const staleDelete = await t.fail('budgetLine.delete', { id: f.outside.id, baseRevision: f.outside.revision });
    expect(staleDelete).toMatchObject({ code: 'STALE', current: now });
    expect((await t.call('budgetLine.list', { agencyId: f.dinsos }))[0]).toEqual(now);
    // The current revision is accepted.
    await t.call('budgetLine.delete', { id: f.outside.id, baseRevision: now.revision });
    expect(await t.call('budgetLine.list', { agencyId: f.dinsos })).toEqual([]);
  });
});

describe('budget lines and their rakor', () => {
  it('edits and deletes a line entered outside any rakor', async () => {
    const f = await fixture();
    expect((await t.edit('budgetLine.update', { id: f.outside.id, realizationSen: 150 })).realizationSen).toBe(150);
    await t.call('budgetLine.delete', { id: f.third.id });
    expect((await t.call('budgetLine.list', {})).map((l) => l.id)).toEqual([f.atMeeting.id, f.outside.id]);
  });

  it('marks the rakor as changed when one of its lines is created, edited or deleted, and only then', async () => {
    const f = await fixture();
    backdate(f.meeting.id);
    // Lines outside the rakor, and an edit that sends no field, leave it as it was.
    await t.call('budgetLine.create', { agencyId: f.dinkes, fiscalYear: 2025, allocationSen: 1 });
    await t.edit('budgetLine.update', { id: f.outside.id, realizationSen: 5 });
    await t.call('budgetLine.delete', { id: f.third.id });
    await t.edit('budgetLine.update', { id: f.atMeeting.id });
    expect(changedAt(f.meeting.id)).toBe(OLD);

    await t.edit('budgetLine.update', { id: f.atMeeting.id, realizationSen: 50 });
    expect(changedAt(f.meeting.id)).not.toBe(OLD);
    backdate(f.meeting.id);
    await t.call('budgetLine.delete', { id: f.atMeeting.id });
    expect(changedAt(f.meeting.id)).not.toBe(OLD);
    backdate(f.meeting.id);
    await t.call('budgetLine.create', { meetingId: f.meeting.id, agencyId: f.dinkes, fiscalYear: 2025, allocationSen: 1 });
    expect(changedAt(f.meeting.id)).not.toBe(OLD);
  });
});
