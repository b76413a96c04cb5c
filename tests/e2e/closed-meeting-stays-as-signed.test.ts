import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingWorkspace } from '../../shared/meeting';
import { docxText } from '../support/docx-read';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Issue 9, cases 1 and 2 in the browser. A closed rakor A keeps saying what it said when it was
// signed, on screen and in its notulen, after rakor B reviews its RTLs, removes an agency's
// assignment and adds a budget line for the same indicator; and B's notulen lists every RTL its
// Tindak lanjut tab showed, including the one left at its default status.

const app = appUnderTest();
let a: number;
let indicator: number;
let dinkes: number;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}
async function minutes(meetingId: number): Promise<string> {
  const file = await call<{ base64: string }>('export.minutes', { meetingId });
  return docxText(Buffer.from(file.base64, 'base64'));
}

beforeAll(async () => {
  dinkes = (await call<{ id: number; abbreviation: string }[]>('agency.list', {})).find((x) => x.abbreviation === 'Dinkes')!.id;
  a = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Mei', clusterCodes: ['III'], date: '2025-05-20', startTime: '09:00' })).id;
  const ws = await call<MeetingWorkspace>('meeting.get', { id: a });
  indicator = ws.clusters[0].indicators[0].id;
  await call('indicatorReview.upsert', { meetingId: a, indicatorId: indicator, isWeak: true, problem: 'Persalinan di rumah masih tinggi' });
  await call('assignment.set', { indicatorId: indicator, agencyId: dinkes, role: 'lead', meetingId: a });
  await call('actionItem.create', { meetingId: a, indicatorId: indicator, description: 'Sosialisasi persalinan di faskes', leadAgencyId: dinkes });
  await call('actionItem.create', { meetingId: a, indicatorId: indicator, description: 'Pendataan ibu hamil risiko tinggi', leadAgencyId: dinkes });
  await call('meeting.close', { id: a, endTime: '11:00' });
});

describe('a closed rakor after a later rakor changes things', () => {
  it('keeps its notulen and its Pembahasan tab; the later notulen lists every reviewed RTL', async () => {
    const signed = await minutes(a);
    expect(signed).toContain('Sosialisasi persalinan di faskes');

    const b = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Agustus', clusterCodes: ['III'], date: '2025-08-20', startTime: '09:00' })).id;
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${b}/tindak-lanjut`);
    const cards = page.getByTestId('previous-action');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    // One RTL reviewed as done in B through the screen; the other left at its default status.
    const done = cards.filter({ hasText: 'Sosialisasi persalinan di faskes' });
    await done.getByLabel('Status di rapat ini').selectOption('selesai');
    await expect
      .poll(async () => (await call<MeetingWorkspace>('meeting.get', { id: b })).previousActions.find((x) => x.description.startsWith('Sosialisasi'))?.reviewHere?.status, { timeout: 10_000 })
      .toBe('selesai');
    // B also removes Dinkes from the indicator and adds a budget line for it.
    await call('assignment.remove', { indicatorId: indicator, agencyId: dinkes });
    await call('budgetLine.create', { meetingId: b, agencyId: dinkes, indicatorId: indicator, fiscalYear: 2025, allocationSen: 125_000_000_00, activityName: 'Kelas ibu hamil' });
    await call('meeting.close', { id: b, endTime: '11:30' });

    // A says exactly what it said when signed.
    expect(await minutes(a)).toBe(signed);
    // B's section C lists both RTLs, the untouched one with its status as of B.
    const later = await minutes(b);
    const sectionC = later.slice(later.indexOf('TINDAK LANJUT HASIL RAPAT SEBELUMNYA'), later.indexOf('KESIMPULAN'));
    expect(sectionC).toContain('Sosialisasi persalinan di faskes');
    expect(sectionC).toContain('Pendataan ibu hamil risiko tinggi');
    expect(sectionC).toContain('Selesai');
    expect(sectionC).toContain('Belum');

    // A's Pembahasan tab, read-only, still shows both RTLs at Belum and no budget line of B.
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/pembahasan`; }, a);
    const rows = page.getByTestId('rtl-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    for (let i = 0; i < 2; i++) expect(await rows.nth(i).getByLabel(`Status RTL ${i + 1}`).inputValue()).toBe('belum');
    expect(await page.getByText('Kelas ibu hamil').count()).toBe(0);
    await screenshot(page, 'h9-closed-a-after-b');
    expect(errors).toEqual([]);
    await page.close();
  });
});
