import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxText } from '../support/docx-read';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';

// The notulen prints rows in the order the user gave them: attendees in the order they were
// signed in (position), not by name; decisions in their numbered order (position, which
// decision.reorder changes), not by when they were typed (id).

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function notulenText(meetingId: number): Promise<string> {
  const file = await t.call('export.minutes', { meetingId });
  return docxText(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
}

const positions = (text: string, items: string[]) => items.map((item) => text.indexOf(item));
const increasing = (ns: number[]) => ns.every((n, i) => n >= 0 && (i === 0 || n > ns[i - 1]));

describe('order in the notulen', () => {
  it('lists Lampiran I attendees in sign-in order and decisions in their numbered order', async () => {
    const m = await t.call('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
    const people = ['Zulkifli Rahman', 'Andi Saputra', 'Maria Ulfah'];
    for (const name of people) await t.call('attendance.create', { meetingId: m.id, name });
    const typed = ['Kesimpulan pertama diketik', 'Kesimpulan kedua diketik', 'Kesimpulan ketiga diketik'];
    const ids = [];
    for (const text of typed) ids.push((await t.call('decision.create', { meetingId: m.id, text })).id);
    await t.call('decision.reorder', { meetingId: m.id, ids: [ids[2], ids[0], ids[1]] });

    const text = await notulenText(m.id);
    const lampiran = text.slice(text.indexOf('DAFTAR HADIR'));
    expect(positions(lampiran, people), lampiran.slice(0, 600)).toSatisfy(increasing);
    expect(positions(text, [typed[2], typed[0], typed[1]])).toSatisfy(increasing);
  });
});
