import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from './meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function klasterIII(date = '2025-03-10', title = 'Rakor Klaster III') {
  const m = await t.call('meeting.create', { title, clusterCodes: ['III'], date, startTime: '09:00' });
  const ws = await t.call('meeting.get', { id: m.id });
  return { meeting: m, indicators: ws.clusters[0].indicators };
}

describe('indicator review', () => {
  it('creates the review on the first field and patches the rest', async () => {
    const { meeting, indicators } = await klasterIII();
    const stunting = indicators.find((i) => i.number === 12)!;
    await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true });
    await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, problem: 'Prevalensi stunting 24,1%' });
    const r = await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: 42.5, achievement: '24,1%' });
    expect(r).toMatchObject({ isWeak: true, problem: 'Prevalensi stunting 24,1%', score: 42.5, achievement: '24,1%', recommendation: '' });
    expect((await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: -1 })).fields?.[0].message).toBe('Nilai harus antara 0 dan 1000.');
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.reviews).toHaveLength(1);
  });
});

describe('assignment', () => {
  it('sets lead and supporting agencies once per indicator, and suggests them for invitations', async () => {
    const { meeting, indicators } = await klasterIII();
    const [dinkes, pupr, dlh] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'DLH')];
    const air = indicators.find((i) => i.number === 15)!;
    await t.call('assignment.set', { indicatorId: air.id, agencyId: pupr, role: 'lead', meetingId: meeting.id });
    await t.call('assignment.set', { indicatorId: air.id, agencyId: dinkes, role: 'support', meetingId: meeting.id });
    await t.call('assignment.set', { indicatorId: air.id, agencyId: dlh, role: 'support', meetingId: meeting.id });
    const changed = await t.call('assignment.set', { indicatorId: air.id, agencyId: dlh, role: 'lead' });
    expect(changed).toMatchObject({ role: 'lead', meetingId: meeting.id });
    await t.call('assignment.remove', { indicatorId: air.id, agencyId: dinkes });
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.assignments.map((a) => [a.agencyId, a.role])).toEqual(expect.arrayContaining([[pupr, 'lead'], [dlh, 'lead']]));
    expect(ws.assignments).toHaveLength(2);
    expect(ws.suggestedAgencyIds).toEqual(expect.arrayContaining([pupr, dlh, dinkes]));
  });
});

describe('budget lines', () => {
  it('stores money in sen and rejects negative pagu and malformed codes', async () => {
    const { meeting, indicators } = await klasterIII();
    const dinkes = await agencyId(t, 'Dinkes');
    const line = await t.call('budgetLine.create', {
      agencyId: dinkes, indicatorId: indicators[1].id, meetingId: meeting.id, subActivityCode: '1.02.02.2.02.0014',
      activityName: 'Pemberian makanan tambahan', fundingSource: 'APBD murni', fiscalYear: 2025, allocationSen: 125_000_000_000,
    });
    expect(line).toMatchObject({ allocationSen: 125_000_000_000, realizationSen: 0, childResponsive: true });
    const neg = await t.fail('budgetLine.create', { agencyId: dinkes, fiscalYear: 2025, allocationSen: -100 });
    expect(neg.fields).toContainEqual({ path: 'allocationSen', message: 'Nilai rupiah harus angka 0 atau lebih.' });
    const code = await t.fail('budgetLine.update', { id: line.id, subActivityCode: '1.02 abc' });
    expect(code.fields?.[0].path).toBe('subActivityCode');
    const updated = await t.call('budgetLine.update', { id: line.id, realizationSen: 98_765_432_10 });
    expect(updated).toMatchObject({ realizationSen: 98_765_432_10, activityName: 'Pemberian makanan tambahan' });
    expect(await t.call('budgetLine.list', { fiscalYear: 2025 })).toHaveLength(1);
    expect((await t.call('meeting.get', { id: meeting.id })).budgetLines).toHaveLength(1);
    await t.call('budgetLine.delete', { id: line.id });
    expect(await t.call('budgetLine.list', {})).toEqual([]);
  });
});

describe('rencana tindak lanjut', () => {
  it('adds RTLs with lead and related agencies and edits them in place', async () => {
    const { meeting, indicators } = await klasterIII();
    const [dinkes, pupr, bappeda] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'Bappeda')];
    const a = await t.call('actionItem.create', {
      meetingId: meeting.id, indicatorId: indicators[4].id, problem: 'Akses air minum 78%', description: 'Usulkan SPAM perdesaan',
      leadAgencyId: pupr, relatedAgencyIds: [dinkes, bappeda], targetDate: '2025-12-31',
    });
    expect(a).toMatchObject({ status: 'belum', relatedAgencyIds: [bappeda, dinkes].sort((x, y) => x - y) });
    const u = await t.call('actionItem.update', { id: a.id, status: 'proses', relatedAgencyIds: [dinkes] });
    expect(u).toMatchObject({ status: 'proses', relatedAgencyIds: [dinkes], description: 'Usulkan SPAM perdesaan' });
    expect((await t.fail('actionItem.create', { meetingId: meeting.id, description: ' ' })).fields?.[0].path).toBe('description');
    expect((await t.fail('actionItem.update', { id: a.id, targetDate: '2025-02-30' })).fields?.[0].message).toBe('Tanggal tidak valid.');
    expect((await t.call('meeting.list', {}))[0].actionCount).toBe(1);
    await t.call('actionItem.delete', { id: a.id });
    expect((await t.call('meeting.get', { id: meeting.id })).actions).toEqual([]);
  });

  it('brings open RTLs of earlier meetings of the same cluster up for review and keeps the history', async () => {
    const first = await klasterIII('2025-01-15', 'Rakor I');
    const other = await t.call('meeting.create', { title: 'Rakor IV', clusterCodes: ['IV'], date: '2025-01-20', startTime: '09:00' });
    const open1 = await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL terbuka 1' });
    const open2 = await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL terbuka 2', status: 'proses' });
    await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL sudah selesai', status: 'selesai' });
    await t.call('actionItem.create', { meetingId: other.id, description: 'RTL klaster lain' });
    // An RTL of a pleno on a Klaster III indicator belongs to Klaster III too.
    const pleno = await t.call('meeting.create', { title: 'Pleno', clusterCodes: ['KL', 'IV'], date: '2025-01-25', startTime: '09:00' });
    const byIndicator = await t.call('actionItem.create', { meetingId: pleno.id, indicatorId: first.indicators[0].id, description: 'RTL indikator 11' });
    await t.call('meeting.close', { id: first.meeting.id, endTime: '12:00' });

    const second = await klasterIII('2025-04-15', 'Rakor II');
    let ws = await t.call('meeting.get', { id: second.meeting.id });
    expect(ws.previousActions.map((a) => a.description)).toEqual(['RTL terbuka 1', 'RTL terbuka 2', 'RTL indikator 11']);
    expect(ws.previousActions[0]).toMatchObject({ meetingTitle: 'Rakor I', meetingDate: '2025-01-15', updates: [], reviewHere: null });

    await t.call('followUp.record', { actionItemId: open1.id, meetingId: second.meeting.id, status: 'selesai' });
    await t.call('followUp.record', { actionItemId: open1.id, meetingId: second.meeting.id, notes: 'Sudah terbit SK' });
    await t.call('followUp.record', { actionItemId: open2.id, meetingId: second.meeting.id, notes: 'Menunggu anggaran perubahan' });
    ws = await t.call('meeting.get', { id: second.meeting.id });
    // Closed here, so still listed here (with this meeting's review) ...
    expect(ws.previousActions.find((a) => a.id === open1.id)).toMatchObject({ status: 'selesai', reviewHere: { status: 'selesai', notes: 'Sudah terbit SK' } });
    expect(ws.previousActions.find((a) => a.id === open2.id)).toMatchObject({ status: 'proses', reviewHere: { status: 'proses', notes: 'Menunggu anggaran perubahan' } });
    expect(ws.previousActions.find((a) => a.id === byIndicator.id)?.reviewHere).toBeNull();

    // ... and no longer open at the next one, where the history shows what changed when.
    const third = await klasterIII('2025-07-15', 'Rakor III');
    await t.call('followUp.record', { actionItemId: open2.id, meetingId: third.meeting.id, status: 'selesai', notes: 'Selesai' });
    ws = await t.call('meeting.get', { id: third.meeting.id });
    expect(ws.previousActions.map((a) => a.id)).toEqual([open2.id, byIndicator.id]);
    expect(ws.previousActions[0].updates.map((u) => [u.meetingTitle, u.status, u.notes])).toEqual([
      ['Rakor II', 'proses', 'Menunggu anggaran perubahan'],
      ['Rakor III', 'selesai', 'Selesai'],
    ]);
    expect((await t.call('followUp.history', { actionItemId: open2.id }))).toHaveLength(2);

    // Reviewing at the original meeting or at an earlier one is refused.
    expect((await t.fail('followUp.record', { actionItemId: byIndicator.id, meetingId: pleno.id, status: 'selesai' })).message).toContain('rapat ini');
    expect((await t.fail('followUp.record', { actionItemId: byIndicator.id, meetingId: first.meeting.id, status: 'selesai' })).code).toBe('CONFLICT');
    const earlier = await klasterIII('2024-12-01', 'Rakor lama');
    expect((await t.fail('followUp.record', { actionItemId: open1.id, meetingId: earlier.meeting.id, status: 'belum' })).message).toContain('lebih baru');
    // The original meeting is closed, but its RTLs are still reviewed elsewhere.
    expect((await t.fail('actionItem.update', { id: open1.id, status: 'belum' })).code).toBe('CONFLICT');
  });
});
