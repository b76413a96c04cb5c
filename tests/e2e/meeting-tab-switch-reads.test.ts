import { describe, expect, it } from 'vitest';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

// History must not slow down one meeting: moving between its tabs reads nothing again (the
// workspace is read once; a saved field updates the cached copy), and its Tindak lanjut tab
// links to the tracker, filtered, for the RTLs older than its 12-month window. Its Data dukung tab
// reads an RTL's files only when that RTL is opened (a busy cluster lists hundreds).

const app = appUnderTest();

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

const TABS = ['Daftar hadir', 'Pembahasan', 'Tindak lanjut', 'Kesimpulan', 'Penutup', 'Persiapan', 'Tindak lanjut'];

describe('tab switches in one meeting', () => {
  it('read the workspace once, also after a follow-up is saved, and link older RTLs to the tracker', async () => {
    const before = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Mei', clusterCodes: ['III'], date: '2025-05-10', startTime: '09:00' });
    await call('actionItem.create', { meetingId: before.id, description: 'Pelatihan konselor ASI', targetDate: '2025-06-01' });
    const m = await call<{ id: number }>('meeting.create', { title: 'Rakor Klaster III Agustus', clusterCodes: ['III'], date: '2025-08-10', startTime: '09:00' });

    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${m.id}`);
    await page.getByRole('tab', { name: 'Persiapan' }).waitFor();
    let reads = 0;
    page.on('request', (r) => { if (r.url().endsWith('/api/meeting.get')) reads++; });
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '')).toMatch(new RegExp(`^${tab}`));
    }
    const card = page.getByTestId('previous-action');
    await card.waitFor();
    expect(await card.innerText()).toContain('Terlambat');
    expect(await page.getByTestId('older-actions-link').getByRole('link').getAttribute('href')).toBe('#/tindak-lanjut?klaster=III&status=belum');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'rapat-tab-tindak-lanjut-1024');

    await card.getByLabel('Keterangan').fill('Sudah dua puskesmas');
    await page.getByRole('tab', { name: 'Kesimpulan' }).click();
    await page.getByRole('tab', { name: 'Tindak lanjut' }).click();
    await expect.poll(() => card.getByLabel('Keterangan').inputValue()).toBe('Sudah dua puskesmas');
    const history = await call<{ notes: string }[]>('followUp.history', { actionItemId: (await call<{ previousActions: { id: number }[] }>('meeting.get', { id: m.id })).previousActions[0].id });
    expect(history.map((u) => u.notes)).toEqual(['Sudah dua puskesmas']);
    expect(reads).toBe(0);

    const evidenceReads: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/api/evidence.list')) evidenceReads.push(r.postData() ?? ''); });
    await page.getByRole('tab', { name: 'Data dukung' }).click();
    const rtl = page.getByTestId('rtl-evidence').filter({ hasText: 'Pelatihan konselor ASI' });
    expect(await rtl.locator('summary').innerText()).toContain('dari Rakor Klaster III Mei, 10 Mei 2025');
    await page.getByText('Belum ada berkas.').waitFor();
    expect(evidenceReads.map((b) => JSON.parse(b) as unknown)).toEqual([{ meetingId: m.id }]);
    await rtl.locator('summary').click();
    await rtl.getByText('Belum ada berkas.').waitFor();
    expect(evidenceReads).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
