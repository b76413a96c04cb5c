import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';

// Issue 10/15: after sorting the daftar hadir on screen, "Pakai urutan ini" stores that order;
// Lampiran I then prints the people in it, numbered 1, 2, 3.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('attendance order', () => {
  it('stores the order shown and Lampiran I prints and numbers the people in it', async () => {
    const m = await t.call('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
    const names = ['Citra Lestari', 'Agus Salim', 'Bambang Hartono'];
    const rows = [];
    for (const name of names) rows.push(await t.call('attendance.create', { meetingId: m.id, name }));
    const byName = [...rows].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const stored = await t.call('attendance.reorder', { meetingId: m.id, ids: byName.map((r) => r.id) });
    expect(stored.map((r) => [r.name, r.position])).toEqual([['Agus Salim', 1], ['Bambang Hartono', 2], ['Citra Lestari', 3]]);

    const text = await docxText(new Uint8Array(Buffer.from((await t.call('export.minutes', { meetingId: m.id, lampiran: ['I'] })).base64, 'base64')));
    const lampiran = text.slice(text.indexOf('DAFTAR HADIR'));
    const order = names.map((n) => lampiran.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(lampiran.indexOf('Agus Salim')).toBeLessThan(lampiran.indexOf('Bambang Hartono'));
    expect(lampiran.indexOf('Bambang Hartono')).toBeLessThan(lampiran.indexOf('Citra Lestari'));
    expect(lampiran).toMatch(/1\s+Agus Salim/);
    expect(lampiran).toMatch(/3\s+Citra Lestari/);

    // Not exactly the meeting's rows (one missing, or twice): refused, nothing moves.
    const error = await t.fail('attendance.reorder', { meetingId: m.id, ids: [byName[0].id, byName[0].id, byName[1].id] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Urutan tidak cocok dengan isi daftar. Muat ulang lalu coba lagi.');
    expect((await t.call('meeting.get', { id: m.id })).attendance.map((r) => r.name)).toEqual(['Agus Salim', 'Bambang Hartono', 'Citra Lestari']);
  });
});
