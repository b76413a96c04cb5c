import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const base = { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' };

describe('attendance', () => {
  it('checks in invited people and adds walk-ins from the master list or typed', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', base);
    const a = await t.call('attendance.create', { meetingId: m.id, name: 'dr. Sari', jobTitle: 'Kabid Kesmas', agencyId: dinkes, present: false });
    const b = await t.call('attendance.create', { meetingId: m.id, name: 'Pak Joko', agencyText: 'Puskesmas Baamang', phone: '+62 812-3456' });
    expect(b).toMatchObject({ agencyId: null, agencyText: 'Puskesmas Baamang', present: true, position: 2 });
    expect((await t.edit('attendance.update', { id: a.id, present: true })).present).toBe(true);
    // Choosing from the list replaces typed text, typing replaces the choice.
    expect(await t.edit('attendance.update', { id: b.id, agencyId: dinkes })).toMatchObject({ agencyId: dinkes, agencyText: '' });
    expect(await t.edit('attendance.update', { id: b.id, agencyText: 'Puskesmas Ketapang' })).toMatchObject({ agencyId: null, agencyText: 'Puskesmas Ketapang' });
    expect((await t.fail('attendance.update', { id: b.id, phone: 'telp kantor' })).fields?.[0].path).toBe('phone');
    expect((await t.fail('attendance.create', { meetingId: m.id, name: '' })).fields?.[0]).toEqual({ path: 'name', message: 'Wajib diisi.' });
    expect((await t.fail('attendance.create', { meetingId: m.id, name: 'X', agencyId: 99999 })).fields?.[0].path).toBe('agencyId');
    await t.call('attendance.delete', { id: b.id });
    const list = await t.call('meeting.list', {});
    expect(list[0].attendeeCount).toBe(1);
  });

  it('reads a 5,000-attendee meeting in one workspace call quickly', async () => {
    const m = await t.call('meeting.create', base);
    const insert = t.backend.db.prepare(
      `INSERT INTO attendance (meeting_id, position, name, job_title, agency_text, phone, present, created_at) VALUES (?, ?, ?, 'Staf', 'Puskesmas', '0812', 1, '2025-01-01')`,
    );
    t.backend.db.transaction(() => {
      for (let i = 1; i <= 5000; i++) insert.run(m.id, i, `Peserta ${i}`);
    })();
    const started = performance.now();
    const ws = await t.call('meeting.get', { id: m.id });
    const ms = performance.now() - started;
    expect(ws.attendance).toHaveLength(5000);
    expect(ms).toBeLessThan(500);
  });
});
