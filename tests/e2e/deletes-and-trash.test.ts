import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingWorkspace } from '../../shared/meeting';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// Deletes never reach into another meeting (issue 9, cases 3 and 4): a closed meeting offers no
// delete, a meeting whose RTLs a later one followed up is refused naming it, and what is deleted
// waits in Terhapus, from which the UI puts it back.

const app = appUnderTest();
const ids = { closed: 0, earlier: 0, later: 0, plain: 0 };

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}
const meeting = (title: string, date: string) => call<{ id: number }>('meeting.create', { title, clusterCodes: ['III'], date, startTime: '09:00', agenda: ['Pembukaan'] });

beforeAll(async () => {
  ids.closed = (await meeting('Rakor Ditutup', '2025-01-10')).id;
  await call('meeting.close', { id: ids.closed, endTime: '11:00' });
  ids.earlier = (await meeting('Rakor Februari', '2025-02-10')).id;
  const rtl = await call<{ id: number }>('actionItem.create', { meetingId: ids.earlier, description: 'Sweeping imunisasi' });
  ids.later = (await meeting('Rakor Maret', '2025-03-10')).id;
  await call('followUp.record', { actionItemId: rtl.id, meetingId: ids.later, status: 'proses' });
  ids.plain = (await meeting('Rakor Sementara', '2025-04-10')).id;
  await call('attendance.create', { meetingId: ids.plain, name: 'dr. Sari' });
});

describe('deletes', () => {
  it('offers no delete for a closed meeting and refuses one a later meeting depends on, naming it', async () => {
    const { page } = await openApp(app.browser, app.runtime, '/rapat');
    await page.getByRole('link', { name: 'Rakor Ditutup' }).waitFor();
    expect(await page.getByRole('button', { name: 'Hapus Rakor Ditutup' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Hapus Rakor Februari' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('delete-blocked-by').waitFor();
    expect(await dialog.getByTestId('delete-blocked-by').textContent()).toContain('Rakor Maret');
    expect(await dialog.textContent()).toContain('tidak dapat dihapus');
    expect(await dialog.getByRole('button', { name: 'Hapus' }).isDisabled()).toBe(true);
    await screenshot(page, 'h9-delete-refused');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect((await call<unknown[]>('meeting.list', {})).length).toBe(4);
    await page.close();
  });

  it('delete -> Terhapus -> Pulihkan brings the meeting back with its rows', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/rapat');
    await page.getByRole('button', { name: 'Hapus Rakor Sementara' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(async () => (await dialog.textContent()) ?? '', { timeout: 5000 }).toContain('1 peserta daftar hadir');
    await screenshot(page, 'h9-delete-dialog');
    await dialog.getByRole('button', { name: 'Hapus' }).click();
    await page.getByRole('button', { name: 'Urungkan' }).waitFor();
    await expect.poll(async () => (await call<{ id: number }[]>('meeting.list', {})).some((m) => m.id === ids.plain)).toBe(false);

    await page.getByRole('link', { name: 'Terhapus' }).click();
    const row = page.getByTestId('trash-row').filter({ hasText: 'Rakor Sementara' });
    await row.waitFor();
    await page.getByLabel('Cari yang terhapus').fill('tidak ada yang begini');
    await page.getByText('Tidak ada yang cocok.').waitFor();
    await page.getByLabel('Cari yang terhapus').fill('Sementara');
    await screenshot(page, 'h9-terhapus');
    await row.getByRole('button', { name: /^Pulihkan/ }).click();
    await page.getByText('Tidak ada yang cocok.').or(page.getByText('Tidak ada yang terhapus.')).waitFor();
    const ws = await call<MeetingWorkspace>('meeting.get', { id: ids.plain });
    expect(ws.attendance.map((a) => a.name)).toEqual(['dr. Sari']);

    // Urungkan right after a row delete puts it back too.
    await page.evaluate((id) => { window.location.hash = `/rapat/${id}/hadir`; }, ids.plain);
    await page.getByRole('button', { name: 'Hapus dr. Sari' }).click();
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect.poll(async () => (await call<MeetingWorkspace>('meeting.get', { id: ids.plain })).attendance.length, { timeout: 5000 }).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
