import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingWorkspace } from '../../shared/meeting';
import { docxText } from '../support/docx-read';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Hidden content is not printed (issue 9, case 8): unticking a klaster that has content asks
// first, naming what would be hidden; once confirmed, the notulen omits that klaster's problem
// and RTL.

const app = appUnderTest();
let meetingId: number;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}
async function minutesText(): Promise<string> {
  const file = await call<{ base64: string }>('export.minutes', { meetingId });
  return docxText(Buffer.from(file.base64, 'base64'));
}

beforeAll(async () => {
  meetingId = (await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III dan IV', clusterCodes: ['III', 'IV'], date: '2025-05-20', startTime: '09:00' })).id;
  const ws = await call<MeetingWorkspace>('meeting.get', { id: meetingId });
  const iv = ws.clusters.find((c) => c.code === 'IV')!.indicators[0].id;
  await call('indicatorReview.upsert', { meetingId, indicatorId: iv, isWeak: true, problem: 'Masalah khusus klaster empat' });
  await call('actionItem.create', { meetingId, indicatorId: iv, description: 'RTL khusus klaster empat' });
});

describe('unticking a klaster with content', () => {
  it('asks first, then the notulen omits it', async () => {
    expect(await minutesText()).toContain('Masalah khusus klaster empat');
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/persiapan`);
    await page.getByLabel('Klaster IV').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Klaster IV');
    await screenshot(page, 'h9-untick-cluster');
    // Cancelling keeps it ticked.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect((await call<MeetingWorkspace>('meeting.get', { id: meetingId })).meeting.clusterCodes).toEqual(['III', 'IV']);
    expect(await page.getByLabel('Klaster IV').isChecked()).toBe(true);

    await page.getByLabel('Klaster IV').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tetap hapus centang' }).click();
    await expect.poll(async () => (await call<MeetingWorkspace>('meeting.get', { id: meetingId })).meeting.clusterCodes, { timeout: 5000 }).toEqual(['III']);
    const text = await minutesText();
    expect(text).not.toContain('Masalah khusus klaster empat');
    expect(text).not.toContain('RTL khusus klaster empat');
    await page.getByRole('tab', { name: 'Pembahasan' }).click();
    await page.getByRole('heading', { name: /Indikator \(/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Indikator \(/ }).textContent()).toContain('0 lemah');
    expect(errors).toEqual([]);
    await page.close();
  });
});
