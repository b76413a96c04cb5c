import { beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/types';
import type { MeetingWorkspace } from '../../shared/meeting';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Inactive agencies keep their names (issue 9, case 7): deactivating Dinkes (the app's advice
// instead of deleting) must not turn its budget line into another agency, its RTL owner into
// "—", or its attendee into "Tanpa instansi". Only pickers for new entries drop it.

const app = appUnderTest();
let meetingId: number;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

beforeAll(async () => {
  const agencies = await call<Agency[]>('agency.list', {});
  const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!;
  meetingId = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-05-20', startTime: '09:00' })).id;
  const ws = await call<MeetingWorkspace>('meeting.get', { id: meetingId });
  const indicatorId = ws.clusters[0].indicators[0].id;
  await call('attendance.create', { meetingId, name: 'dr. Sari Wulandari', agencyId: dinkes.id });
  await call('budgetLine.create', { meetingId, indicatorId, agencyId: dinkes.id, fiscalYear: 2025, allocationSen: 125_000_000, activityName: 'PMT balita' });
  await call('actionItem.create', { meetingId, indicatorId, description: 'Sweeping imunisasi', leadAgencyId: dinkes.id });
  await call('agency.update', { id: dinkes.id, baseRevision: dinkes.revision, active: false });
});

describe('a deactivated agency', () => {
  it('is still named on the budget line, as RTL owner and for its attendee, and leaves the new-entry pickers', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/pembahasan`);
    const card = page.getByTestId('indicator-card').first();
    await card.getByTestId('budget-row').waitFor();
    expect(await card.getByLabel('Instansi anggaran 1').inputValue()).toBe('Dinkes (nonaktif)');
    expect(await card.getByLabel('Penanggung jawab RTL 1').inputValue()).toBe('Dinkes (nonaktif)');
    // The new-entry pickers do not offer it: typing its abbreviation finds nothing of it.
    const choices = async (picker: ReturnType<typeof card.getByLabel>) => {
      await picker.fill('dinkes');
      const texts = await page.locator('.agency-options:visible li').allTextContents();
      await picker.press('Escape');
      return texts;
    };
    expect((await choices(card.getByTestId('new-budget').getByLabel('Instansi', { exact: true }))).some((o) => o.includes('Dinkes'))).toBe(false);
    expect((await choices(card.getByTestId('new-rtl').getByLabel('Penanggung jawab', { exact: true }))).some((o) => o.includes('Dinkes'))).toBe(false);
    await screenshot(page, 'h9-inactive-agency-pembahasan');

    await page.getByRole('tab', { name: 'Daftar hadir' }).click();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 5000 }).toContain('Dinkes (nonaktif)');
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Tanpa instansi');
    expect(errors).toEqual([]);
    await page.close();
  });
});
