import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';

// The open tab lives in the URL only (Back and Forward move between tabs, a hash typed by hand
// switches the tab), and what is derived from a saved field (budget total, page heading, weak
// count) follows the edit at once, without the meeting being read again.

const app = appUnderTest();
let meetingId: number;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

beforeAll(async () => {
  const m = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-06-10', startTime: '09:00' });
  meetingId = m.id;
  const ws = await call<{ clusters: { indicators: { id: number }[] }[] }>('meeting.get', { id: m.id });
  const agencies = await call<{ id: number; abbreviation: string }[]>('agency.list', {});
  const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!.id;
  await call('budgetLine.create', {
    meetingId: m.id, indicatorId: ws.clusters[0].indicators[0].id, agencyId: dinkes, subActivityCode: '1.02.02.2.02.0014',
    fundingSource: 'APBD murni', fiscalYear: 2025, allocationSen: 100_000_000, realizationSen: 25_000_000,
  });
});

const selectedTab = (page: Page) => page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '');
const settle = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Tersimpan');

/** Counts the reads of the whole meeting the page sends from now on. */
function countWorkspaceReads(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => { if (r.url().endsWith('/api/meeting.get')) n++; });
  return () => n;
}

describe('meeting tabs and the query cache', () => {
  it('moves between tabs with Back and Forward, and switches tab when the hash is typed by hand', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}`);
    await page.getByRole('tab', { name: 'Persiapan' }).waitFor();
    expect(await selectedTab(page)).toBe('Persiapan');

    await page.getByRole('tab', { name: 'Daftar hadir' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe(`#/rapat/${meetingId}/hadir`);
    await page.getByRole('heading', { name: 'Tambah peserta' }).waitFor();
    await page.getByRole('tab', { name: 'Pembahasan' }).click();
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Pembahasan');

    await page.goBack();
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Daftar hadir');
    await page.getByRole('heading', { name: 'Tambah peserta' }).waitFor();
    await page.goBack();
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Persiapan');
    await page.goForward();
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Daftar hadir');

    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/kesimpulan`; }, meetingId);
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Kesimpulan');
    await page.getByRole('heading', { name: 'Kesimpulan / keputusan' }).waitFor();
    // An unknown tab in the URL opens the first one.
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/tidak-ada`; }, meetingId);
    await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe('Persiapan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates the Jumlah row, the weak count and the heading as fields are saved, without reading the meeting again', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/pembahasan`);
    const card = page.getByTestId('indicator-card').first();
    await card.getByTestId('budget-row').waitFor();
    expect(await card.locator('tfoot').textContent()).toContain('Rp1.000.000,00');
    const reads = countWorkspaceReads(page);

    await card.getByLabel('Pagu 1', { exact: true }).fill('2.500.000');
    await expect.poll(() => card.locator('tfoot').textContent(), { timeout: 10_000 }).toContain('Rp2.500.000,00');
    await expect.poll(() => card.locator('tfoot').textContent(), { timeout: 10_000 }).toContain('(10,0%)');
    await expect.poll(() => page.locator('h2.section-title').textContent(), { timeout: 10_000 }).toMatch(/, 0 lemah\)$/);
    await card.getByLabel('Lemah').check();
    await expect.poll(() => page.locator('h2.section-title').textContent(), { timeout: 10_000 }).toMatch(/, 1 lemah\)$/);
    await settle(page);
    await screenshot(page, 'cache-01-pembahasan-jumlah');
    // Field writes put their row into the cache: not one read of the whole meeting.
    expect(reads()).toBe(0);

    // A structural write (a new RTL) does read the meeting again, once.
    await card.getByTestId('new-rtl').getByLabel('RTL baru: uraian').fill('Pendataan balita gizi kurang');
    await card.getByTestId('new-rtl').getByLabel('RTL baru: uraian').press('Enter');
    await card.getByTestId('rtl-row').waitFor();
    expect(reads()).toBe(1);

    await page.getByRole('tab', { name: 'Persiapan' }).click();
    await page.getByLabel('Judul rapat').fill('Rakor Klaster III Triwulan II');
    await expect.poll(() => page.locator('#meeting-title').textContent(), { timeout: 10_000 }).toBe('Rakor Klaster III Triwulan II');
    await settle(page);
    expect(await call<{ allocationSen: number }[]>('budgetLine.list', { meetingId })).toEqual([expect.objectContaining({ allocationSen: 250_000_000 })]);

    // The list was only marked stale: it shows the new title when opened.
    await page.getByRole('link', { name: '← Daftar rapat' }).click();
    await page.getByRole('link', { name: 'Rakor Klaster III Triwulan II' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every meeting tab and the Indikator KLA screen (screenshots)', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}`);
    for (const [id, name] of [['persiapan', 'Persiapan'], ['hadir', 'Daftar hadir'], ['pembahasan', 'Pembahasan'], ['tindak-lanjut', 'Tindak lanjut'], ['kesimpulan', 'Kesimpulan'], ['penutup', 'Penutup'], ['ekspor', 'Ekspor']]) {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => selectedTab(page), { timeout: 10_000 }).toBe(name);
      await page.waitForFunction(() => !document.querySelector('[role="tabpanel"]')?.textContent?.includes('Memuat'));
      await screenshot(page, `tabs-${id}`);
      if (id === 'pembahasan') await page.getByTestId('indicator-card').first().screenshot({ path: `${SCREEN_DIR}/tabs-pembahasan-card.png` });
    }
    await page.evaluate(() => { window.location.hash = '/indikator'; });
    await page.getByTestId('indicator').first().waitFor();
    await screenshot(page, 'indikator-kla');
    await page.screenshot({ path: `${SCREEN_DIR}/indikator-kla-top.png` });
    await page.getByTestId('cluster').last().screenshot({ path: `${SCREEN_DIR}/indikator-kla-klaster-v.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
