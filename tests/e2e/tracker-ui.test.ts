import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Tindak lanjut in Chromium: filter the tracker, search while typing, change a status inline
// (recorded outside any meeting with today's date), and see Beranda's RTL tiles follow.

const app = appUnderTest();

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await app.runtime.backend.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** The number a Beranda tile shows (the tile also holds its title and a note). */
const tileValue = (page: Page, testId: string) => page.getByTestId(testId).locator('.tile-value').innerText();

describe('Tindak lanjut screen', () => {
  it('filters, updates a status inline, and Beranda follows', async () => {
    const agencies = await call<{ id: number; abbreviation: string }[]>('agency.list', {});
    const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!.id;
    const iii = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Januari', clusterCodes: ['III'], date: '2025-01-10', startTime: '09:00' });
    const iv = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster IV Februari', clusterCodes: ['IV'], date: '2025-02-10', startTime: '09:00' });
    const ws = await call<{ clusters: { indicators: { id: number }[] }[] }>('meeting.get', { id: iii.id });
    const a = await call<{ id: number }>('actionItem.create', { meetingId: iii.id, indicatorId: ws.clusters[0].indicators[0].id, description: 'Pelatihan konselor ASI', leadAgencyId: dinkes, targetDate: '2025-02-01' });
    await call('actionItem.create', { meetingId: iii.id, description: 'Forum anak desa', targetDate: '2099-01-01' });
    await call('actionItem.create', { meetingId: iv.id, description: 'Sosialisasi PAUD holistik', targetDate: '2025-03-01' });

    const { page, errors } = await openApp(app.browser, app.runtime, '/');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => tileValue(page, 'beranda-rtl-terlambat'), { timeout: 10_000 }).toBe('2');
    expect(await tileValue(page, 'beranda-rtl-terbuka')).toBe('3');

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tindak lanjut' }).click();
    await page.getByRole('heading', { name: 'Tindak lanjut', level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tracker-row"]').length === 3);
    expect(await page.locator('tr.overdue').count()).toBe(2);
    await screenshot(page, 'tindak-lanjut-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'tindak-lanjut-1024');

    await page.getByLabel('Saring klaster').selectOption('III');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tracker-row"]').length === 2);
    expect(await text(page, 'count-belum')).toBe('2');
    expect(await text(page, 'count-overdue')).toBe('1');
    // Typed one key at a time, as a user would.
    await page.getByLabel('Cari RTL').pressSequentially('konselor', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tracker-row"]').length === 1);
    const row = page.getByTestId('tracker-row');
    await expect.poll(() => row.innerText()).toContain('Pelatihan konselor ASI');
    expect(await row.innerText()).toContain('Terlambat');

    await row.getByLabel('Status Pelatihan konselor ASI').selectOption('selesai');
    await page.getByText('Status “Selesai” dicatat per').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr.overdue').length === 0);
    expect(await text(page, 'count-selesai')).toBe('1');
    const changes = await call<{ status: string; date: string }[]>('followUp.statusChanges', { actionItemId: a.id });
    expect(changes.map((c) => c.status)).toEqual(['selesai']);
    await screenshot(page, 'tindak-lanjut-status-diubah');

    // The export of the filtered list downloads an .xlsx.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^Tindak lanjut RTL \d{4}-\d{2}-\d{2}\.xlsx$/);

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
    await expect.poll(() => tileValue(page, 'beranda-rtl-terlambat'), { timeout: 10_000 }).toBe('1');
    expect(await tileValue(page, 'beranda-rtl-terbuka')).toBe('2');

    // Beranda's tile opens the tracker filtered to the overdue RTLs.
    await page.getByTestId('beranda-rtl-terlambat').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tracker-row"]').length === 1);
    expect(await page.getByTestId('tracker-row').innerText()).toContain('Sosialisasi PAUD holistik');
    expect(errors).toEqual([]);
    await page.close();
  });
});
