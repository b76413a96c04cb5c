import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('reference masters', () => {
  it('edits names, usual agencies, maximum points and sub-items', async () => {
    const y = await t.call('reference.get', { year: 2022 });
    const cluster = y.clusters.find((c) => c.code === 'III')!;
    expect((await t.call('reference.updateCluster', { id: cluster.id, name: 'Kesehatan Dasar dan Kesejahteraan (revisi)' })).name).toContain('revisi');
    const ind = cluster.indicators[0];
    expect(await t.call('reference.updateIndicator', { id: ind.id, maxPoints: 40 })).toMatchObject({ maxPoints: 40, name: ind.name });
    expect((await t.fail('reference.updateIndicator', { id: ind.id, maxPoints: -1 })).fields?.[0].message).toBe('Poin harus antara 0 dan 1000.');
    expect((await t.fail('reference.updateIndicator', { id: ind.id, name: '' })).fields?.[0].path).toBe('name');
    const sub = await t.call('reference.createSubIndicator', { indicatorId: ind.id, code: 'a', name: 'Persalinan di faskes', maxPoints: 20 });
    expect((await t.fail('reference.createSubIndicator', { indicatorId: ind.id, code: 'a', name: 'dobel' })).code).toBe('CONFLICT');
    await t.call('reference.updateSubIndicator', { id: sub.id, name: 'Persalinan oleh nakes di faskes' });
    const after = await t.call('reference.get', { year: 2022 });
    expect(after.clusters.find((c) => c.code === 'III')!.indicators[0].subIndicators).toMatchObject([{ code: 'a', name: 'Persalinan oleh nakes di faskes', maxPoints: 20 }]);
    await t.call('reference.deleteSubIndicator', { id: sub.id });
  });

  it('replaces predikat bands and refuses overlaps', async () => {
    const overlap = await t.fail('reference.setBands', {
      year: 2022,
      bands: [{ name: 'Pratama', minScore: 500, maxScore: 650 }, { name: 'Madya', minScore: 600, maxScore: 700 }],
    });
    expect(overlap.fields).toContainEqual({ path: 'bands.1.minScore', message: 'Rentang predikat tidak boleh tumpang tindih.' });
    const inverted = await t.fail('reference.setBands', { year: 2022, bands: [{ name: 'Pratama', minScore: 600, maxScore: 500 }] });
    expect(inverted.fields?.[0].message).toBe('Batas bawah tidak boleh lebih besar dari batas atas.');
    expect((await t.call('reference.get', { year: 2022 })).bands).toHaveLength(5);
    const bands = await t.call('reference.setBands', {
      year: 2022,
      bands: [{ name: 'Madya', minScore: 601, maxScore: 700 }, { name: 'Pratama', minScore: 500, maxScore: 600 }],
    });
    expect(bands.map((b) => b.name)).toEqual(['Pratama', 'Madya']);
  });

  it('starts a new evaluation year as a copy, leaving earlier meetings on their own set', async () => {
    const old = await t.call('meeting.create', { title: 'Rakor 2024', clusterCodes: ['III'], date: '2024-05-01', startTime: '09:00' });
    const y = await t.call('reference.createYear', { year: 2026 });
    expect(y.year).toBe(2026);
    expect(y.clusters.flatMap((c) => c.indicators)).toHaveLength(24);
    expect(y.bands).toHaveLength(5);
    expect((await t.fail('reference.createYear', { year: 2026 })).code).toBe('CONFLICT');
    await t.call('reference.updateIndicator', { id: y.clusters[3].indicators[0].id, name: 'Nama baru 2026' });
    const fresh = await t.call('meeting.create', { title: 'Rakor 2026', clusterCodes: ['III'], date: '2026-02-01', startTime: '09:00' });
    expect(fresh.referenceYear).toBe(2026);
    expect((await t.call('meeting.get', { id: fresh.id })).clusters[0].indicators[0].name).toBe('Nama baru 2026');
    expect((await t.call('meeting.get', { id: old.id })).clusters[0].indicators[0].name).toBe('Persalinan di fasilitas kesehatan');
    // An RTL from a meeting on the earlier set is still reviewed at the 2026 one (clusters match
    // by code); one older than the tab's 12-month window is left to the tracker.
    const mid2025 = await t.call('meeting.create', { title: 'Rakor 2025', clusterCodes: ['III'], date: '2025-06-01', startTime: '09:00' });
    expect(mid2025.referenceYear).not.toBe(2026);
    await t.call('actionItem.create', { meetingId: mid2025.id, description: 'RTL lintas tahun' });
    await t.call('actionItem.create', { meetingId: old.id, description: 'RTL 2024, di luar 12 bulan' });
    expect((await t.call('meeting.get', { id: fresh.id })).previousActions.map((a) => a.description)).toEqual(['RTL lintas tahun']);
  });
});
