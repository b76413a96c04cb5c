import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingWorkspace } from '../../shared/meeting';
import { appUnderTest, openApp } from '../support/web-runtime';

// Nothing typed is lost, of any size (issue 9, case 9): 200,000 characters pasted into a notes
// field and the page reloaded within 50 ms (a keepalive request drops bodies over 64 KiB) are
// still there after the reload, and stored.

const app = appUnderTest();
let meetingId: number;

beforeAll(async () => {
  const r = await app.runtime.backend.invoke('meeting.create', { title: 'Rakor Klaster V', clusterCodes: ['V'], date: '2025-05-20', startTime: '09:00' });
  if (!r.ok) throw new Error(r.error.message);
  meetingId = (r.data as { id: number }).id;
});

describe('the edit journal', () => {
  it('keeps a 200,000-character edit reloaded within 50 ms', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meetingId}/penutup`);
    const notes = page.getByRole('textbox', { name: 'Penutup' });
    await notes.waitFor();
    const text = 'Rincian laporan kasus per kecamatan. '.repeat(5406).slice(0, 200_000);
    expect(text.length).toBe(200_000);
    await notes.fill(text);
    await page.waitForTimeout(40);
    await page.reload();
    const after = page.getByRole('textbox', { name: 'Penutup' });
    await after.waitFor();
    await expect.poll(() => after.inputValue(), { timeout: 10_000 }).toBe(text);
    const ws = await app.runtime.backend.invoke('meeting.get', { id: meetingId });
    expect(ws.ok && (ws.data as MeetingWorkspace).meeting.closingNotes).toBe(text);
    // Acknowledged: a second reload sends nothing again and shows the same text.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Penutup' }).inputValue(), { timeout: 10_000 }).toBe(text);
    expect(errors).toEqual([]);
    await page.close();
  });
});
