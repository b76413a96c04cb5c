import { describe, expect, it } from 'vitest';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';

const app = appUnderTest();

describe('rapat list', () => {
  it('deletes a meeting only after confirmation, and cancelling keeps it', async () => {
    for (const title of ['Rakor Klaster I uji hapus', 'Rakor Klaster II tetap ada']) {
      const created = await app.runtime.backend.invoke('meeting.create', { title, clusterCodes: ['I'], date: '2025-03-03', startTime: '09:00' });
      expect(created.ok).toBe(true);
    }
    const { page, errors } = await openApp(app.browser, app.runtime, '/rapat');
    await page.getByTestId('meeting-row').nth(1).waitFor();

    await page.getByRole('button', { name: 'Hapus Rakor Klaster I uji hapus' }).click();
    await page.getByRole('heading', { name: 'Hapus rapat?' }).waitFor();
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(await page.getByTestId('meeting-row').count()).toBe(2);

    await page.getByRole('button', { name: 'Hapus Rakor Klaster I uji hapus' }).click();
    await screenshot(page, 'rakor-15-hapus-konfirmasi');
    await page.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByText('Rapat dihapus.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="meeting-row"]').length === 1);
    const left = await app.runtime.backend.invoke('meeting.list', {});
    expect(left.ok && (left.data as { title: string }[]).map((m) => m.title)).toEqual(['Rakor Klaster II tetap ada']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
