import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';

// Issue 10: an RTL names the budget line (of its own meeting) that funds it, and the notulen's
// RTL matrix prints that line as "Sumber anggaran"; budget lines carry the sub-kegiatan name.
// Issue 15: pihak terkait keep the order chosen.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function meetingWithLine() {
  const { meeting, indicators } = await klasterIII(t);
  const dinkes = await agencyId(t, 'Dinkes');
  const line = await t.call('budgetLine.create', {
    meetingId: meeting.id, indicatorId: indicators[1].id, agencyId: dinkes, subActivityCode: '1.02.02.2.02.0033',
    activityName: 'Pengelolaan pelayanan kesehatan gizi masyarakat', fundingSource: 'APBD murni', fiscalYear: 2025,
    allocationSen: 25_000_000_000, realizationSen: 0,
  });
  return { meeting, indicators, dinkes, line };
}

const rtlCount = async (meetingId: number) => (await t.call('meeting.get', { id: meetingId })).actions.length;

describe('RTL funded by a budget line', () => {
  it('links, prints the line as Sumber anggaran, and refuses a line of another meeting without writing anything', async () => {
    const { meeting, indicators, dinkes, line } = await meetingWithLine();
    const rtl = await t.call('actionItem.create', {
      meetingId: meeting.id, indicatorId: indicators[1].id, description: 'PMT balita gizi kurang', leadAgencyId: dinkes, budgetLineId: line.id,
    });
    expect(rtl.budgetLineId).toBe(line.id);
    expect((await t.call('meeting.get', { id: meeting.id })).actions[0].budgetLineId).toBe(line.id);
    const minutes = loadMinutesData(t.backend.db, meeting.id);
    expect(minutes.actions[0].fundingSource).toBe('APBD murni 2025: Pengelolaan pelayanan kesehatan gizi masyarakat');
    expect(minutes.budget[0].activityName).toBe('Pengelolaan pelayanan kesehatan gizi masyarakat');

    // A line entered at another rakor is not this meeting's to print: refused, nothing written.
    const other = await klasterIII(t, '2025-04-10', 'Rakor Klaster III lanjutan');
    const foreign = await t.call('budgetLine.create', {
      meetingId: other.meeting.id, indicatorId: other.indicators[1].id, agencyId: dinkes, fiscalYear: 2025, allocationSen: 100,
    });
    const refusedCreate = await t.fail('actionItem.create', { meetingId: meeting.id, description: 'Lain', budgetLineId: foreign.id });
    expect(refusedCreate.fields).toEqual([{ path: 'budgetLineId', message: 'Baris anggaran tidak ditemukan di rapat ini.' }]);
    expect(await rtlCount(meeting.id)).toBe(1);
    const refusedUpdate = await t.fail('actionItem.update', { id: rtl.id, budgetLineId: 999_999 });
    expect(refusedUpdate.fields?.[0]).toEqual({ path: 'budgetLineId', message: 'Baris anggaran tidak ditemukan di rapat ini.' });
    const after = (await t.call('meeting.get', { id: meeting.id })).actions[0];
    expect(after).toMatchObject({ budgetLineId: line.id, revision: rtl.revision });
    // A wrong type is refused at the boundary with an Indonesian message.
    const badType = await t.fail('actionItem.update', { id: rtl.id, budgetLineId: 'satu' });
    expect(badType.fields?.[0].path).toBe('budgetLineId');
    expect(badType.message).not.toMatch(/expected|invalid_type/i);

    // Unlinking is an ordinary edit.
    expect((await t.edit('actionItem.update', { id: rtl.id, budgetLineId: null })).budgetLineId).toBeNull();
    expect(loadMinutesData(t.backend.db, meeting.id).actions[0].fundingSource).toBe('');
  });

  it('deleting the budget line clears the link (Sumber anggaran empty), Urungkan links it back', async () => {
    const { meeting, indicators, dinkes, line } = await meetingWithLine();
    const rtl = await t.call('actionItem.create', {
      meetingId: meeting.id, indicatorId: indicators[1].id, description: 'PMT balita', leadAgencyId: dinkes, budgetLineId: line.id,
    });
    const gone = await t.call('budgetLine.delete', { id: line.id });
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.budgetLines).toEqual([]);
    expect(ws.actions[0]).toMatchObject({ id: rtl.id, budgetLineId: null, description: 'PMT balita' });
    expect(loadMinutesData(t.backend.db, meeting.id).actions[0].fundingSource).toBe('');
    await t.call('trash.restore', { id: gone.trashId! });
    expect((await t.call('meeting.get', { id: meeting.id })).actions[0].budgetLineId).toBe(line.id);
  });

  it('a closed meeting prints the line as it was when closed', async () => {
    const { meeting, indicators, dinkes, line } = await meetingWithLine();
    await t.call('actionItem.create', { meetingId: meeting.id, indicatorId: indicators[1].id, description: 'PMT balita', leadAgencyId: dinkes, budgetLineId: line.id });
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const closed = loadMinutesData(t.backend.db, meeting.id);
    expect(closed.actions[0].fundingSource).toBe('APBD murni 2025: Pengelolaan pelayanan kesehatan gizi masyarakat');
    expect((await t.call('meeting.get', { id: meeting.id })).actions[0].budgetLineId).toBe(line.id);
    // Closed: the link cannot change any more.
    const refused = await t.fail('actionItem.update', { id: (await t.call('meeting.get', { id: meeting.id })).actions[0].id, budgetLineId: null });
    expect(refused.code).toBe('CONFLICT');
    expect(loadMinutesData(t.backend.db, meeting.id).actions[0].fundingSource).toBe('APBD murni 2025: Pengelolaan pelayanan kesehatan gizi masyarakat');
  });
});

describe('budget lines: sub-kegiatan name and realisasi above pagu', () => {
  it('stores and edits the name, and keeps realisasi above pagu (the screen warns)', async () => {
    const { line } = await meetingWithLine();
    // Typed live: kept as typed (autosave never trims under the cursor).
    const renamed = await t.edit('budgetLine.update', { id: line.id, activityName: 'Penyediaan layanan gizi' });
    expect(renamed.activityName).toBe('Penyediaan layanan gizi');
    const over = await t.edit('budgetLine.update', { id: line.id, realizationSen: 30_000_000_000 });
    expect(over).toMatchObject({ allocationSen: 25_000_000_000, realizationSen: 30_000_000_000 });
    const tooLong = await t.fail('budgetLine.update', { id: line.id, activityName: 'x'.repeat(5000) });
    expect(tooLong.fields?.[0].path).toBe('activityName');
    expect((await t.call('budgetLine.list', { meetingId: line.meetingId! }))[0].activityName).toBe('Penyediaan layanan gizi');
  });
});

describe('pihak terkait', () => {
  it('keep the order chosen, in the screen and in the notulen', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const ids = [await agencyId(t, 'PUPR'), await agencyId(t, 'Bappeda'), await agencyId(t, 'Dinkes')];
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, indicatorId: indicators[4].id, description: 'SPAM', relatedAgencyIds: ids });
    expect(rtl.relatedAgencyIds).toEqual(ids);
    expect(loadMinutesData(t.backend.db, meeting.id).actions[0].relatedAgencies).toEqual(['PUPR', 'Bappeda', 'Dinkes']);
    const reordered = await t.edit('actionItem.update', { id: rtl.id, relatedAgencyIds: [ids[2], ids[0]] });
    expect(reordered.relatedAgencyIds).toEqual([ids[2], ids[0]]);
    expect((await t.call('actionItem.track', {})).rows[0].relatedAgencyNames[0]).toMatch(/Kesehatan/);
  });
});
