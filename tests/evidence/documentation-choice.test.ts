import { describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';
import { b64, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { t as msg } from '../../shared/messages';

// The photos chosen for a notulen's Lampiran Dokumentasi (evidence/documentation.ts): the
// choice is refused whole when any one of them is not a photo of the rakor, the 24 MB cap is
// inclusive, and a choice marks the rakor as changed (its "terakhir diubah" moves).

const t = backendPerTest();
const MB = 1024 * 1024;

const attach = (meetingId: number, fileName: string, bytes: Uint8Array) =>
  t.call('evidence.attach', { meetingId, fileName, bytes: new Uint8Array(bytes), evidenceDate: '2025-03-10' });

describe('choosing the photos of the Lampiran Dokumentasi', () => {
  it('refuses the whole choice when one of the files is not a photo, changing nothing', async () => {
    const { meeting } = await twoRakorAtFixedTime(t);
    const photo = await attach(meeting.id, 'foto.jpg', jpegBytes());
    const pdf = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'daftar hadir.pdf', base64: b64(pdfBytes()), evidenceDate: '2025-03-10' });
    const before = storedData(t);
    for (const order of [[photo.id, pdf.id], [pdf.id, photo.id]]) {
      const refused = await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: order.map((evidenceId) => ({ evidenceId, caption: '' })) });
      expect(refused).toMatchObject({ code: 'VALIDATION', message: msg('evidence.documentationNotPhoto') });
    }
    expect(storedData(t)).toBe(before);
  });

  it('accepts photos of exactly 24 MB together and refuses 24,5 MB, saying both sizes', async () => {
    const { meeting } = await twoRakorAtFixedTime(t);
    const big = await attach(meeting.id, 'besar.jpg', jpegBytes(Buffer.alloc(24 * MB - 24, 1)));
    const small = await attach(meeting.id, 'kecil.jpg', jpegBytes(randomBytes(16)));
    const half = await attach(meeting.id, 'sedang.png', pngBytes(Buffer.alloc(MB / 2 + 12, 2)));
    expect([big.sizeBytes, small.sizeBytes, half.sizeBytes]).toEqual([24 * MB - 20, 20, MB / 2 + 20]);

    const chosen = await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: small.id, caption: 'Kecil' }, { evidenceId: big.id, caption: 'Besar' }] });
    expect(chosen.map((e) => [e.id, e.documentationPosition, e.documentationCaption])).toEqual([[big.id, 2, 'Besar'], [small.id, 1, 'Kecil'], [half.id, null, '']]);

    const before = storedData(t);
    const tooLarge = await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: big.id, caption: '' }, { evidenceId: half.id, caption: '' }] });
    expect(tooLarge).toMatchObject({ code: 'VALIDATION', message: msg('evidence.documentationTooLarge', { size: '24,5 MB', max: '24 MB' }) });
    expect(storedData(t)).toBe(before);
  });

  it('marks the rakor as changed, and only that rakor', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    const photo = await attach(meeting.id, 'foto.jpg', jpegBytes());
    vi.setSystemTime(new Date('2025-03-10T03:30:00Z'));
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: photo.id, caption: 'Pembukaan' }] });
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T03:30:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });
});
