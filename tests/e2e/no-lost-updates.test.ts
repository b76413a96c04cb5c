import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// No lost updates (issue 9, case 5): the same meeting open in two browser tabs, both edit one
// field. The second write is based on a revision the first has moved past: it must not say
// "Tersimpan", must keep what was typed, and must offer the newer value and both ways out.

const app = appUnderTest();
let meetingId: number;

beforeAll(async () => {
  const r = await app.runtime.backend.invoke('meeting.create', {
    title: 'Rakor Klaster I', clusterCodes: ['I'], date: '2025-05-20', startTime: '09:00', agenda: ['Pembahasan'],
  });
  if (!r.ok) throw new Error(r.error.message);
  meetingId = (r.data as { id: number }).id;
});

async function stored(): Promise<{ place: string; title: string }> {
  const ws = await app.runtime.backend.invoke('meeting.get', { id: meetingId });
  if (!ws.ok) throw new Error(ws.error.message);
  return (ws.data as { meeting: { place: string; title: string } }).meeting;
}

const status = (page: Page) => page.getByTestId('save-status').textContent();

describe('two windows editing one field', () => {
  it('the second sees the conflict, loses nothing, and resolves it either way', async () => {
    const a = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/persiapan`);
    const b = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/persiapan`);
    const placeA = a.page.getByLabel('Tempat');
    const placeB = b.page.getByLabel('Tempat');
    await placeA.waitFor();
    await placeB.waitFor();

    await placeA.fill('Aula Bappeda');
    await placeA.blur();
    await expect.poll(() => status(a.page), { timeout: 10_000 }).toBe('Tersimpan');

    // B still shows the empty place it loaded; its write is based on that revision.
    await placeB.fill('Ruang Rapat Bupati');
    await placeB.blur();
    await b.page.getByTestId('conflict').waitFor({ timeout: 10_000 });
    expect(await status(b.page)).toContain('Belum tersimpan');
    expect(await b.page.getByText('sudah diubah di jendela lain').first().isVisible()).toBe(true);
    expect(await placeB.inputValue()).toBe('Ruang Rapat Bupati');
    expect((await stored()).place).toBe('Aula Bappeda');
    await b.page.waitForTimeout(800);
    expect(await status(b.page)).toContain('Belum tersimpan');

    await b.page.getByRole('button', { name: 'Lihat versi terbaru' }).click();
    expect(await b.page.getByTestId('conflict-latest').textContent()).toBe('Aula Bappeda');
    await screenshot(b.page, 'h9-conflict');

    await b.page.getByRole('button', { name: 'Tetap pakai isian saya' }).click();
    await expect.poll(async () => (await stored()).place, { timeout: 10_000 }).toBe('Ruang Rapat Bupati');
    await expect.poll(() => status(b.page), { timeout: 10_000 }).toBe('Tersimpan');
    expect(await b.page.getByTestId('conflict').count()).toBe(0);

    // Now A is the one behind: its next edit of the place conflicts; "Muat ulang" takes B's value.
    await placeA.fill('Aula Bappeda lantai 2');
    await placeA.blur();
    await a.page.getByTestId('conflict').waitFor({ timeout: 10_000 });
    expect((await stored()).place).toBe('Ruang Rapat Bupati');
    await a.page.getByRole('button', { name: 'Muat ulang' }).click();
    await expect.poll(() => placeA.inputValue(), { timeout: 5000 }).toBe('Ruang Rapat Bupati');
    await expect.poll(() => status(a.page), { timeout: 5000 }).toBe('Tersimpan');
    // And A's next edit is based on the revision it took: accepted.
    await placeA.fill('Ruang Rapat Bupati lantai 2');
    await placeA.blur();
    await expect.poll(async () => (await stored()).place, { timeout: 10_000 }).toBe('Ruang Rapat Bupati lantai 2');
    expect(await a.page.getByTestId('conflict').count()).toBe(0);

    expect(a.errors.filter((e) => !e.includes('409'))).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it('two fields of one row saved back to back do not conflict with each other', async () => {
    const { page } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/persiapan`);
    const place = page.getByLabel('Tempat');
    await place.waitFor();
    for (let i = 0; i < 3; i++) {
      await place.fill(`Gedung ${i}`);
      await page.getByLabel('Judul rapat').fill(`Rakor Klaster I ke-${i}`);
      await page.getByLabel('Judul rapat').blur();
    }
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Tersimpan');
    expect(await page.getByTestId('conflict').count()).toBe(0);
    expect(await stored()).toMatchObject({ place: 'Gedung 2', title: 'Rakor Klaster I ke-2' });
    await page.close();
  });
});
