import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../shared/api/evidence';
import { appUnderTest, openApp } from '../support/web-runtime';
import { dropPhotos, watchFrames } from '../support/evidence-ui';

// Issue 13, performance: a batch of real photos dropped at once is attached in order, a few in
// flight at a time, with progress shown; the page keeps painting and answering clicks meanwhile,
// and "Hentikan" stops taking new files (those in flight finish), leaving the rest waiting. (bench/evidence-attach-ui.ts runs the full 200 × 4 MB.)

const app = appUnderTest();
const COUNT = 40;

async function listOf(meetingId: number): Promise<Evidence[]> {
  const r = await app.runtime.backend.invoke('evidence.list', { meetingId });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Evidence[];
}

describe('attaching many photos', () => {
  it('shows progress, keeps the page responsive, and stops between files on Hentikan', async () => {
    const r = await app.runtime.backend.invoke('meeting.create', { title: 'Rakor Dokumentasi', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
    if (!r.ok) throw new Error(r.error.message);
    const meetingId = (r.data as { id: number }).id;
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/data-dukung`);
    const panel = page.getByTestId('evidence-panel').first();
    await panel.getByText('Belum ada berkas.').waitFor();
    await dropPhotos(page, COUNT, 2);
    await expect.poll(() => panel.getByTestId('pending-row').count()).toBe(COUNT);
    const longestFrame = await watchFrames(page);
    const started = Date.now();
    await panel.getByRole('button', { name: `Lampirkan ${COUNT} berkas` }).click();
    const progress = page.getByTestId('upload-progress');
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 20_000 }).toMatch(new RegExp(`Melampirkan [3-9] dari ${COUNT}`));
    // The page still answers: a field of a waiting file can be read, and Hentikan is taken.
    await panel.getByRole('button', { name: 'Hentikan' }).click();
    await page.getByText(/^Dihentikan: \d+ berkas sudah terlampir, sisanya masih menunggu\.$/).waitFor({ timeout: 20_000 });
    const attached = await listOf(meetingId);
    expect(attached.length).toBeGreaterThan(2);
    expect(attached.length).toBeLessThan(COUNT);
    await expect.poll(() => panel.getByTestId('pending-row').count()).toBe(COUNT - attached.length);
    await expect.poll(() => panel.getByTestId('evidence-item').count()).toBe(attached.length);

    // The rest goes on "Lampirkan" again, none twice.
    await panel.getByRole('button', { name: `Lampirkan ${COUNT - attached.length} berkas` }).click();
    await expect.poll(() => panel.getByTestId('evidence-item').count(), { timeout: 90_000 }).toBe(COUNT);
    const all = await listOf(meetingId);
    expect(new Set(all.map((e) => e.originalName)).size).toBe(COUNT);
    // Listed as dropped, although four travel at once.
    expect(all.map((e) => e.originalName)).toEqual(all.map((e) => e.originalName).sort());
    const frame = await longestFrame();
    console.log(`${COUNT} foto: ${((Date.now() - started) / 1000).toFixed(1)} s, jeda bingkai terpanjang ${Math.round(frame)} ms`);
    // A frame of a second would be a visible freeze; on this shared 2-core machine a decode or a
    // GC may take a few hundred ms, never the whole batch.
    expect(frame).toBeLessThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
