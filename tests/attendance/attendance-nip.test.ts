import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { strFromU8, unzipSync } from 'fflate';
import { docxText } from '../support/docx-read';
import { readMinutesSnapshot } from '../../src-main/core/export/minutes-snapshot';

// Issue 10: an attendee's NIP (18 digits, optional) and pangkat/golongan, validated at the
// boundary, printed grouped in Lampiran I, kept in the closed meeting's snapshot; Profil daerah
// prints or hides the NIP and No. HP columns of Lampiran I and the blank daftar hadir.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const base = { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' };
const NIP_MESSAGE = 'NIP harus 18 digit angka.';
const rowCount = () => (t.backend.db.prepare(`SELECT count(*) AS n FROM attendance`).get() as { n: number }).n;
const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe('attendee NIP and pangkat/golongan', () => {
  it('accepts a NIP typed with spaces or dots and stores the 18 bare digits, with the pangkat', async () => {
    const m = await t.call('meeting.create', base);
    const a = await t.call('attendance.create', { meetingId: m.id, name: 'dr. Sari', nip: '19800101 200501 2 001', rank: ' Penata Tk. I (III/d) ' });
    expect(a).toMatchObject({ nip: '198001012005012001', rank: 'Penata Tk. I (III/d)' });
    expect(await t.edit('attendance.update', { id: a.id, nip: '19800101.200501.2.002' })).toMatchObject({ nip: '198001012005012002' });
    // Not a civil servant: the NIP is left empty, and can be emptied again.
    expect(await t.edit('attendance.update', { id: a.id, nip: '  ' })).toMatchObject({ nip: '' });
    const b = await t.call('attendance.create', { meetingId: m.id, name: 'Ketua Forum Anak' });
    expect(b).toMatchObject({ nip: '', rank: '' });
  });

  it('refuses a malformed NIP with an Indonesian message and writes nothing', async () => {
    const m = await t.call('meeting.create', base);
    const before = rowCount();
    for (const nip of ['1980010120050120', '19800101 200501 2 0011', '19800101-200501-2-001', 'NIP 198001012005012001', '١٩٨٠٠١٠١٢٠٠٥٠١٢٠٠١']) {
      const error = await t.fail('attendance.create', { meetingId: m.id, name: 'Budi', nip });
      expect(error.code, nip).toBe('VALIDATION');
      expect(error.fields, nip).toEqual([{ path: 'nip', message: NIP_MESSAGE }]);
    }
    expect(rowCount()).toBe(before);

    const a = await t.call('attendance.create', { meetingId: m.id, name: 'Budi', nip: '198001012005011001' });
    const stored = t.backend.db.prepare(`SELECT nip, revision FROM attendance WHERE id = ?`).get(a.id);
    const error = await t.fail('attendance.update', { id: a.id, nip: '12345' });
    expect(error.fields).toEqual([{ path: 'nip', message: NIP_MESSAGE }]);
    expect(t.backend.db.prepare(`SELECT nip, revision FROM attendance WHERE id = ?`).get(a.id)).toEqual(stored);
    expect((await t.fail('attendance.update', { id: a.id, rank: 'x'.repeat(101) })).fields?.[0].path).toBe('rank');
  });

  it('prints the NIP grouped in Lampiran I, keeps it in the closed meeting, and hides NIP and No. HP when the profile says so', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', base);
    await t.call('attendance.create', { meetingId: m.id, name: 'dr. Sari', jobTitle: 'Kepala Bidang Kesmas', agencyId: dinkes, nip: '198001012005012001', phone: '0812 3456 7890' });
    await t.call('attendance.create', { meetingId: m.id, name: 'Ketua Forum Anak', phone: '0813 1111 2222' });

    // The NIP's last two groups are held together by a no-break space.
    const minutes = async () => (await docxText(decode((await t.call('export.minutes', { meetingId: m.id, lampiran: ['I'] })).base64))).replace(/\u00A0/g, ' ');
    const sheet = async () => docxText(decode((await t.call('export.attendanceSheet', { meetingId: m.id, rows: 3 })).base64));
    const shown = await minutes();
    // Under the name ("Nama / NIP"): a seventh column would squeeze Tanda Tangan on a portrait page.
    expect(shown).toContain('Nama / NIP');
    expect(shown).toMatch(/dr\. Sari\s+NIP 19800101 200501 2 001/);
    expect(shown).toContain('0812 3456 7890');
    expect(await sheet()).toMatch(/No\.? HP/);
    expect(await sheet()).toContain('Nama / NIP');

    const profile = await t.call('regionProfile.get', {});
    expect(profile).toMatchObject({ attendancePrintNip: true, attendancePrintPhone: true });
    await t.edit('regionProfile.update', { attendancePrintNip: false, attendancePrintPhone: false });
    const hidden = await minutes();
    expect(hidden).toContain('dr. Sari');
    expect(hidden).not.toContain('19800101 200501 2 001');
    expect(hidden).not.toContain('0812 3456 7890');
    expect(hidden).not.toContain('No. HP');
    expect(hidden).not.toContain('NIP');
    const blank = await sheet();
    expect(blank).not.toContain('NIP');
    expect(blank).not.toContain('No. HP');
    await t.edit('regionProfile.update', { attendancePrintNip: true, attendancePrintPhone: true });

    // Closed: the notulen and the workspace come from the snapshot, which holds the NIP.
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    const snapshot = t.backend.db.prepare(`SELECT minutes_json AS json FROM meeting_snapshot WHERE meeting_id = ?`).get(m.id) as { json: string };
    expect(readMinutesSnapshot(snapshot.json).attendees.map((p) => p.nip)).toEqual(['198001012005012001', '']);
    const ws = await t.call('meeting.get', { id: m.id });
    expect(ws.attendance.map((p) => p.nip)).toEqual(['198001012005012001', '']);
    expect(await minutes()).toContain('19800101 200501 2 001');
  });

  it('fits the daftar hadir on a portrait A4 and F4 page with NIPs, long jabatan and 13-digit phone numbers', async () => {
    const m = await t.call('meeting.create', base);
    for (let i = 0; i < 3; i++) {
      await t.call('attendance.create', {
        meetingId: m.id, name: `Ir. Bambang Hartono Wicaksono, M.Sc. ${i}`, jobTitle: 'Kepala Bidang Perencanaan Pembangunan Pemerintahan dan Kesejahteraan',
        agencyText: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', nip: '197502022000031002', phone: '0812 3456 78901',
      });
    }
    for (const paper of ['A4', 'F4'] as const) {
      const parts = new Map(Object.entries(unzipSync(decode((await t.call('export.minutes', { meetingId: m.id, lampiran: ['I'], paper })).base64))));
      const xml = strFromU8(parts.get('word/document.xml')!);
      // Every column of the daftar hadir (the last table) is wide enough to write in, Tanda Tangan included.
      const grid = xml.slice(xml.lastIndexOf('<w:tblGrid>'));
      const widths = [...grid.slice(0, grid.indexOf('</w:tblGrid>')).matchAll(/<w:gridCol w:w="(-?\d+)"/g)].map((g) => Number(g[1]));
      expect(widths.length, paper).toBe(6);
      // "No" holds three digits; every other column at least 1.5 cm (850 twips), Tanda Tangan 2 cm.
      expect(widths[0], paper).toBeGreaterThan(400);
      for (const w of widths.slice(1)) expect(w, `${paper} ${widths.join(' ')}`).toBeGreaterThan(850);
      expect(widths[5], paper).toBeGreaterThan(1130);
    }
  });

  it('reads a snapshot stored before NIPs existed with both columns printed and empty NIPs', () => {
    const old = JSON.stringify({ version: 1, data: { profile: { regionName: 'Kotawaringin Timur' }, attendees: [{ name: 'Budi', jobTitle: 'Kabid', agency: 'Dinkes', phone: '0812' }] } });
    const data = readMinutesSnapshot(old);
    expect(data.profile).toMatchObject({ attendancePrintNip: true, attendancePrintPhone: true });
    expect(data.attendees).toEqual([{ name: 'Budi', nip: '', jobTitle: 'Kabid', agency: 'Dinkes', phone: '0812' }]);
  });
});
