import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MeetingWorkspace } from '../../shared/meeting';
import { appUnderTest, openApp } from '../support/web-runtime';

// Creates are idempotent (issue 9, case 6): on a slow connection a double-click, or Enter pressed
// twice, on any create button makes one row. Every API answer is held back 400 ms, so both
// clicks land while the first request is still on its way.

const app = appUnderTest();
let meetingId: number;

async function call(name: string, input: unknown): Promise<unknown> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
const workspace = async () => (await call('meeting.get', { id: meetingId })) as MeetingWorkspace;

beforeAll(async () => {
  meetingId = ((await call('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-05-20', startTime: '09:00', agenda: ['Pembukaan'] })) as { id: number }).id;
});

async function slowPage(path: string): Promise<Page> {
  const { page } = await openApp(app.browser, app.runtime, path);
  await page.route('**/api/**', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  return page;
}

describe('double-clicks on a slow connection create one row', () => {
  it('agenda, attendee, kesimpulan', async () => {
    const page = await slowPage(`/rapat/${meetingId}/persiapan`);
    await page.getByLabel('Agenda baru').fill('Paparan capaian');
    await page.getByRole('button', { name: '+ Tambah agenda' }).dblclick();
    await page.getByLabel('Agenda baru').press('Enter');
    await expect.poll(async () => (await workspace()).agenda.length, { timeout: 10_000 }).toBe(2);

    await page.getByRole('tab', { name: 'Daftar hadir' }).click();
    await page.getByLabel('Nama', { exact: true }).fill('dr. Sari Wulandari');
    await page.getByRole('button', { name: 'Tambah', exact: true }).dblclick();
    await page.getByTestId('new-attendee').getByLabel('Nama', { exact: true }).press('Enter');
    await expect.poll(async () => (await workspace()).attendance.length, { timeout: 10_000 }).toBe(1);

    await page.getByRole('tab', { name: 'Kesimpulan' }).click();
    await page.getByRole('button', { name: '+ Tambah kesimpulan' }).dblclick();
    await expect.poll(async () => (await workspace()).decisions.length, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(1500);
    const ws = await workspace();
    expect([ws.agenda.length, ws.attendance.length, ws.decisions.length]).toEqual([2, 1, 1]);
    await page.close();
  });

  it('+ Anggaran and + RTL', async () => {
    const page = await slowPage(`/rapat/${meetingId}/pembahasan`);
    const card = page.getByTestId('indicator-card').first();
    await card.waitFor();
    // Not weak and nothing entered yet: the card starts collapsed.
    await card.locator('[data-card-toggle]').click();
    const budget = card.getByTestId('new-budget');
    await budget.getByLabel('Instansi', { exact: true }).fill('Bappeda');
    await budget.getByLabel('Instansi', { exact: true }).press('Enter');
    await budget.getByLabel('Pagu (Rp)').fill('1.250.000');
    await card.getByRole('button', { name: '+ Anggaran' }).dblclick();
    await budget.getByLabel('Pagu (Rp)').press('Enter').catch(() => undefined);
    const rtl = card.getByTestId('new-rtl');
    await rtl.getByLabel('RTL baru: uraian').fill('Sweeping imunisasi');
    await card.getByRole('button', { name: '+ RTL' }).dblclick();
    await rtl.getByLabel('RTL baru: uraian').press('Enter').catch(() => undefined);
    await expect.poll(async () => (await workspace()).actions.length, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(1500);
    const ws = await workspace();
    expect([ws.budgetLines.length, ws.actions.length]).toEqual([1, 1]);
    await page.close();
  });

  it('Duplikat', async () => {
    const before = ((await call('meeting.list', {})) as unknown[]).length;
    const page = await slowPage('/rapat');
    await page.getByRole('button', { name: 'Duplikat Rakor Klaster III' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Buat salinan' }).dblclick();
    await expect.poll(async () => ((await call('meeting.list', {})) as unknown[]).length, { timeout: 10_000 }).toBe(before + 1);
    await page.waitForTimeout(1500);
    expect(((await call('meeting.list', {})) as unknown[]).length).toBe(before + 1);
    await page.close();
  });
});
