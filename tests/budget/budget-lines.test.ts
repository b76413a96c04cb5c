import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('budget lines', () => {
  it('stores money in sen and rejects negative pagu and malformed codes', async () => {
    const { meeting, indicators } = await klasterIII(t);
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
    const updated = await t.edit('budgetLine.update', { id: line.id, realizationSen: 98_765_432_10 });
    expect(updated).toMatchObject({ realizationSen: 98_765_432_10, activityName: 'Pemberian makanan tambahan' });
    expect(await t.call('budgetLine.list', { fiscalYear: 2025 })).toHaveLength(1);
    expect((await t.call('meeting.get', { id: meeting.id })).budgetLines).toHaveLength(1);
    await t.call('budgetLine.delete', { id: line.id });
    expect(await t.call('budgetLine.list', {})).toEqual([]);
  });
});
