import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/meeting-helpers';
import { buildTrackerFixture } from './tracker-fixture';
import { docxText } from '../support/docx-read';
import { timeLimit } from '../support/time-limit';

// The Word RTL matrix names the region under its title once Profil daerah has a name, and an
// RTL's own keterangan stays above its latest dated follow-up (tracker-export.test.ts covers the
// matrix of a region without a name).

let t: TestBackend;
let id: Record<string, number>;
beforeAll(async () => {
  ({ t, id } = await buildTrackerFixture());
  await t.edit('regionProfile.update', { regionType: 'kota', regionName: 'Palangka Raya' });
  await t.edit('actionItem.update', { id: id.A, notes: 'Dibahas bersama puskesmas' });
}, timeLimit(60_000));
afterAll(() => t.close());

describe('RTL matrix heading and keterangan', () => {
  it('puts the region in capitals under the title, and the RTL note before its latest follow-up', async () => {
    const file = await t.call('export.tracker', { format: 'docx' });
    const text = await docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
    const title = text.indexOf('MATRIKS RENCANA TINDAK LANJUT (RTL) GUGUS TUGAS KLA');
    const region = text.indexOf('KOTA PALANGKA RAYA');
    expect(title).toBeGreaterThanOrEqual(0);
    expect(region).toBeGreaterThan(title);
    expect(region).toBeLessThan(text.indexOf('Semua RTL'));
    expect(text).toMatch(/Dibahas bersama puskesmas\s+10 September 2025: Belum tuntas/);
  });
});
