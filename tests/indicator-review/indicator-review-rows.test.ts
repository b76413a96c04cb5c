import { describe, expect, it, vi } from 'vitest';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// A review row as stored: refusals (closed rakor, unknown indicator, non-kab/kota, a write that
// never saw the row) with nothing written, one revision step per edit whatever it holds, and the
// rakor marked as changed by an edit of the kab/kota list alone.

const t = backendPerTest();
const STALE = 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.';
const kabkota = async (name: string, abbreviation: string) => (await t.call('agency.create', { kind: 'kabkota', name, abbreviation })).id;
/** Straight to the backend: the test helpers would add the stored revision to an edit. */
const invoke = async (input: Record<string, unknown>) => {
  const result = await t.backend.invoke('indicatorReview.upsert', input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.error;
};

describe('an indicator review row', () => {
  it('refuses an unknown indicator, a non-kab/kota and a write that never saw the row, writing nothing', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const kukar = await kabkota('Kabupaten Kutai Kartanegara', 'Kukar');
    const before = storedData(t);
    expect(await invoke({ meetingId: meeting.id, indicatorId: 99_999, achievement: '78%' })).toEqual({
      code: 'VALIDATION', message: 'Indikator tidak ditemukan.', fields: [{ path: 'indicatorId', message: 'Indikator tidak ditemukan.' }],
    });
    const kabkotaOnly = 'Pilih kabupaten/kota dari daftar instansi (jenis Pemerintah kabupaten/kota).';
    expect(await invoke({ meetingId: meeting.id, indicatorId: indicators[0].id, kabkotaAgencyIds: [kukar, await agencyId(t, 'Dinkes')] })).toEqual({
      code: 'VALIDATION', message: kabkotaOnly, fields: [{ path: 'kabkotaAgencyIds.1', message: kabkotaOnly }],
    });
    expect(storedData(t)).toBe(before);

    const r = await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: indicators[0].id, achievement: '78%' });
    const now = await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: indicators[0].id, baseRevision: r.revision, score: 3 });
    const afterWrites = storedData(t);
    // Another window typing into the same review: one that never saw the row, one that saw an older revision.
    expect(await invoke({ meetingId: meeting.id, indicatorId: indicators[0].id, problem: 'Data belum lengkap' })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(await invoke({ meetingId: meeting.id, indicatorId: indicators[0].id, baseRevision: r.revision, problem: 'Data belum lengkap' }))
      .toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(afterWrites);
  });

  it('refuses any write on a closed rakor as closed, writing nothing', async () => {
    const { meeting, indicators } = await klasterIII(t);
    await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: indicators[0].id, achievement: '78%' });
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const before = storedData(t);
    const closed = { code: 'CONFLICT', message: 'Rapat ini sudah ditutup. Buka kembali rapat untuk mengubahnya.' };
    expect(await invoke({ meetingId: meeting.id, indicatorId: indicators[0].id, achievement: '80%' })).toEqual(closed);
    expect(await invoke({ meetingId: meeting.id, indicatorId: indicators[1].id, achievement: '80%' })).toEqual(closed);
    expect(storedData(t)).toBe(before);
  });

  it('moves the revision one step per edit, with or without the kab/kota list, and marks the rakor as changed', async () => {
    const { meeting, indicators, other } = await twoRakorAtFixedTime(t);
    const [kukar, balikpapan] = [await kabkota('Kabupaten Kutai Kartanegara', 'Kukar'), await kabkota('Kota Balikpapan', 'Bpp')];
    const at = { meetingId: meeting.id, indicatorId: indicators[0].id };

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    // A new row's first write is its first edit too: revision 2 (the row is created at 1).
    const first = await t.call('indicatorReview.upsert', { ...at, kabkotaAgencyIds: [balikpapan, kukar] });
    expect(first).toMatchObject({ revision: 2, kabkotaAgencyIds: [balikpapan, kukar] });
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T03:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    const both = await t.call('indicatorReview.upsert', { ...at, baseRevision: 2, isWeak: true, kabkotaAgencyIds: [kukar] });
    expect(both).toMatchObject({ revision: 3, isWeak: true, kabkotaAgencyIds: [kukar] });
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T04:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    const listOnly = await t.call('indicatorReview.upsert', { ...at, baseRevision: 3, kabkotaAgencyIds: [kukar, balikpapan] });
    expect(listOnly).toMatchObject({ revision: 4, isWeak: true, kabkotaAgencyIds: [kukar, balikpapan] });
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T05:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });
});
