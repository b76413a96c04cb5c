import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { timeLimit } from '../support/time-limit';

// Rekap per instansi for two agencies year-fixture.ts does not have, A "<LONG>Kelurahan Alpha" and
// B "<LONG>Kelurahan Beta" (LONG: "Forum.docx Anak Desa " six times, 126 characters), no
// abbreviation: a file name keeps 150 characters, " (F4)" included, so both F4 Word files would be
// "Rekap KLA 2025 - <LONG>Ke (F4)" (A sorts first); only the final ".docx" takes B's id.
//   Rakor Maret 2025-03-03: A invited, nobody of A came; B not invited but its person was present.
//   B is set inactive afterwards.  Rakor 2024-11-01 reviews indicator X as weak (Y not reviewed); A leads X, supports Y.

let t: TestBackend;
const LONG = 'Forum.docx Anak Desa '.repeat(6);
const ag = { a: 0, b: 0 };

beforeAll(async () => {
  t = openTestBackend();
  ag.a = (await t.call('agency.create', { kind: 'mitra', name: `${LONG}Kelurahan Alpha` })).id;
  ag.b = (await t.call('agency.create', { kind: 'mitra', name: `${LONG}Kelurahan Beta` })).id;
  const old = await klasterIII(t, '2024-11-01', 'Rakor 2024');
  const [x, y] = old.indicators;
  await t.call('indicatorReview.upsert', { meetingId: old.meeting.id, indicatorId: x.id, achievement: '40%', isWeak: true });
  await t.call('assignment.set', { indicatorId: x.id, agencyId: ag.a, role: 'lead' });
  await t.call('assignment.set', { indicatorId: y.id, agencyId: ag.a, role: 'support' });
  const m = (await klasterIII(t, '2025-03-03', 'Rakor Maret')).meeting.id;
  await t.call('meeting.setInvitations', { meetingId: m, agencyIds: [ag.a], invited: true });
  await t.call('attendance.create', { meetingId: m, name: 'Dewi', agencyId: ag.b });
  await t.edit('agency.update', { id: ag.b, active: false });
}, timeLimit(60_000));
afterAll(() => t.close());

describe('agency.recap details', () => {
  it('counts a rakor attended without invitation as attended, not invited; an inactive agency says so', async () => {
    const b = await t.call('agency.recap', { agencyId: ag.b, year: 2025 });
    expect(b.agency.active).toBe(false);
    expect(b.meetings.map((m) => [m.title, m.invited, m.present])).toEqual([['Rakor Maret', false, 1]]);
    expect([b.meetingsHeld, b.invitedTo, b.attended]).toEqual([1, 0, 1]);
    const a = await t.call('agency.recap', { agencyId: ag.a, year: 2025 });
    expect(a.agency.active).toBe(true);
    expect(a.meetings.map((m) => [m.title, m.invited, m.present])).toEqual([['Rakor Maret', true, 0]]);
    expect([a.invitedTo, a.attended]).toEqual([1, 0]);
  });

  it('marks weak only the indicator whose latest pembahasan says so', async () => {
    const a = await t.call('agency.recap', { agencyId: ag.a, year: 2024 });
    expect(a.indicators.map((i) => [i.number, i.role, i.weak, i.latest?.achievement ?? null])).toEqual([[11, 'lead', true, '40%'], [12, 'support', false, null]]);
  });

  it('exports every agency of the year in one zip, a second file of the same name told apart by its id', async () => {
    const file = await t.call('export.agencyRecap', { all: true, year: 2025, paper: 'F4' });
    expect(file.fileName).toBe('Rekap KLA 2025 - semua instansi (F4).zip');
    const names = Object.keys(unzipSync(Buffer.from(file.base64, 'base64'))).sort();
    expect(names).toEqual([`Rekap KLA 2025 - ${LONG}Ke (F4) (${ag.b}).docx`, `Rekap KLA 2025 - ${LONG}Ke (F4).docx`]);
    expect((await t.call('export.agencyRecap', { all: true, year: 2025 })).fileName).toBe('Rekap KLA 2025 - semua instansi.zip');
  });
});
