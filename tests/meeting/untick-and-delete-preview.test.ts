import { describe, expect, it } from 'vitest';
import { t as msg } from '../../shared/messages';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';

// Two confirmations that must name exactly what is at stake: unticking a klaster that holds this
// rakor's reviews, RTLs or budget lines (which klaster, how many of each, nothing about the
// others), and what a delete would move to Terhapus (this rakor's rows only, and the later
// rakor that stops it).

const t = backendPerTest();

describe('unticking a klaster of a rakor', () => {
  it('is refused naming the klaster that hold content and the content, counted per kind; a klaster without content goes', async () => {
    const m = await t.call('meeting.create', { title: 'Pleno', clusterCodes: ['I', 'II', 'III', 'IV', 'V'], date: '2025-03-10', startTime: '09:00' });
    const ws = await t.call('meeting.get', { id: m.id });
    const indicatorsOf = (code: string) => ws.clusters.find((c) => c.code === code)!.indicators.map((i) => i.id);
    const [i, iii, iv] = [indicatorsOf('I'), indicatorsOf('III'), indicatorsOf('IV')];
    const dinkes = await agencyId(t, 'Dinkes');
    const budgetLine = (indicatorId: number) => t.call('budgetLine.create', { meetingId: m.id, agencyId: dinkes, indicatorId, fiscalYear: 2025, allocationSen: 100_00 });
    // Klaster I: a budget line. II: nothing. III: a review with an achievement and an RTL. IV: an RTL and a budget line.
    await budgetLine(i[0]);
    await t.call('indicatorReview.upsert', { meetingId: m.id, indicatorId: iii[0], achievement: '70%' });
    await t.call('actionItem.create', { meetingId: m.id, indicatorId: iii[1], description: 'Sweeping imunisasi' });
    await t.call('actionItem.create', { meetingId: m.id, indicatorId: iv[0], description: 'Data PAUD' });
    await budgetLine(iv[0]);
    const before = storedData(t);

    const refusal = (clusters: string, content: string) => ({ code: 'CONFLICT', message: msg('error.clustersHideContent', { clusters, content }) });
    const untick = (keep: string[]) => t.fail('meeting.setClusters', { id: m.id, clusterCodes: keep });
    expect(await untick(['V'])).toMatchObject(refusal('Klaster I, Klaster III, Klaster IV', '1 pembahasan indikator, 2 RTL, 2 baris anggaran'));
    // A kind with nothing to hide is not named at all.
    expect(await untick(['II', 'III', 'IV', 'V'])).toMatchObject(refusal('Klaster I', '1 baris anggaran'));
    expect(await untick(['I', 'II', 'IV', 'V'])).toMatchObject(refusal('Klaster III', '1 pembahasan indikator, 1 RTL'));
    expect(await untick(['I', 'II', 'III', 'V'])).toMatchObject(refusal('Klaster IV', '1 RTL, 1 baris anggaran'));
    expect(storedData(t)).toBe(before);

    // Klaster II holds nothing of this rakor: unticked without a question.
    expect((await t.call('meeting.setClusters', { id: m.id, clusterCodes: ['I', 'III', 'IV', 'V'] })).clusterCodes).toEqual(['I', 'III', 'IV', 'V']);
    expect((await t.call('meeting.setClusters', { id: m.id, clusterCodes: ['III'], confirmHidden: true })).clusterCodes).toEqual(['III']);
  });
});

describe('meeting.deletePreview', () => {
  it('counts the rows that go with the rakor, its own follow-ups only, and names the later rakor that stops it', async () => {
    const january = await klasterIII(t, '2025-01-10', 'Rakor Januari');
    const oldRtls = [
      await t.call('actionItem.create', { meetingId: january.meeting.id, description: 'RTL Januari 1', indicatorId: january.indicators[0].id }),
      await t.call('actionItem.create', { meetingId: january.meeting.id, description: 'RTL Januari 2', indicatorId: january.indicators[1].id }),
    ];
    await t.call('meeting.close', { id: january.meeting.id, endTime: '12:00' });

    const march = await t.call('meeting.create', {
      title: 'Rakor Maret', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: ['Pembukaan', 'Pembahasan'],
    });
    const ws = await t.call('meeting.get', { id: march.id });
    const [i1, i2] = ws.clusters[0].indicators.map((i) => i.id);
    const dinkes = await agencyId(t, 'Dinkes');
    await t.call('attendance.create', { meetingId: march.id, name: 'dr. Sari', agencyId: dinkes });
    await t.call('indicatorReview.upsert', { meetingId: march.id, indicatorId: i1, achievement: '80%' });
    const rtl = await t.call('actionItem.create', { meetingId: march.id, indicatorId: i1, description: 'RTL Maret 1' });
    await t.call('actionItem.create', { meetingId: march.id, indicatorId: i2, description: 'RTL Maret 2' });
    await t.call('budgetLine.create', { meetingId: march.id, agencyId: dinkes, indicatorId: i1, fiscalYear: 2025, allocationSen: 100_00 });
    await t.call('decision.create', { meetingId: march.id, text: 'Disepakati' });
    // Recorded at March: January's two RTLs followed up (March's own rows).
    for (const old of oldRtls) await t.call('followUp.record', { actionItemId: old.id, meetingId: march.id, status: 'proses', notes: 'Berjalan' });

    // May follows up March's RTL: that row is May's (not counted here), and it stops March's delete.
    const may = await klasterIII(t, '2025-05-10', 'Rakor Mei');
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: may.meeting.id, status: 'selesai', notes: 'Selesai' });

    const preview = await t.call('meeting.deletePreview', { id: march.id });
    expect(preview).toMatchObject({
      id: march.id, title: 'Rakor Maret', date: '2025-03-10',
      counts: { attendance: 1, agenda: 2, reviews: 1, actions: 2, budgetLines: 1, decisions: 1, followUps: 2 },
      refusal: msg('error.meetingFollowedUp', { meetings: '"Rakor Mei" (Sabtu, 10 Mei 2025)' }),
    });
    expect(preview.blockedBy.map((m) => m.id)).toEqual([may.meeting.id]);
  });
});
