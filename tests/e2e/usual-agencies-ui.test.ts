import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { appUnderTest, openApp, SCREEN_DIR } from '../support/web-runtime';

// Issue 15 on Indikator KLA: "OPD yang biasa mengampu" picked as links (type-ahead, chips),
// following a rename, with old unmatched text shown to fix. Screenshots at 1024×768 and
// 1093×614 land in .tmp/screens (rakor-h10-indikator-*).

const app = appUnderTest();
/** The machine is shared: a poll waits up to 10 s, not vitest's 1 s. */
const POLL = { timeout: 10_000 };
const db = () => app.runtime.backend.db;
const links = (number: number) =>
  (db().prepare(
    `SELECT coalesce(nullif(a.abbreviation, ''), a.name) AS label FROM indicator_agency x JOIN agency a ON a.id = x.agency_id
     JOIN indicator i ON i.id = x.indicator_id WHERE i.number = ? ORDER BY x.position`,
  ).all(number) as { label: string }[]).map((r) => r.label);

describe('Indikator KLA: usual agencies as links', () => {
  it('adds by abbreviation or name, removes, follows a rename and shows unmatched text to fix', async () => {
    db().prepare(`UPDATE indicator SET usual_agencies = 'Dinas Antah Berantah' WHERE number = 16`).run();
    const { page, errors } = await openApp(app.browser, app.runtime, '/indikator');
    const chips = page.getByRole('list', { name: 'Instansi yang biasa mengampu indikator 12' });
    await chips.waitFor();
    expect(await chips.getByRole('listitem').allTextContents()).toEqual(['Dinkes×']);

    const input = page.getByLabel('Tambah instansi indikator 12');
    await input.fill('bappeda');
    await input.press('Enter');
    await expect.poll(() => links(12), POLL).toEqual(['Dinkes', 'Bappeda']);
    await input.fill('Dinas Pemberdayaan Perempuan dan Perlindungan Anak');
    await input.press('Enter');
    await expect.poll(() => links(12), POLL).toEqual(['Dinkes', 'Bappeda', 'DP3A']);
    await page.getByRole('button', { name: 'Hapus Dinkes dari indikator 12' }).click();
    await expect.poll(() => links(12), POLL).toEqual(['Bappeda', 'DP3A']);

    // Not in the master list: said next to the field, nothing linked.
    await input.fill('Puskesmas Baamang');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent(), POLL).toContain('tidak ada di daftar instansi');
    expect(links(12)).toEqual(['Bappeda', 'DP3A']);
    await input.fill('');

    // The old text of indicator 16 is there to fix.
    expect(await page.getByLabel('Teks lama yang belum cocok dengan instansi (indikator 16)').inputValue()).toBe('Dinas Antah Berantah');

    // A rename shows at once on the chips (they are links).
    const bappeda = db().prepare(`SELECT id, revision FROM agency WHERE abbreviation = 'Bappeda'`).get() as { id: number; revision: number };
    const renamed = await app.runtime.backend.invoke('agency.update', { id: bappeda.id, baseRevision: bappeda.revision, abbreviation: 'Bapperida' });
    expect(renamed.ok).toBe(true);
    await page.reload();
    await expect.poll(() => chips.getByRole('listitem').allTextContents(), POLL).toEqual(['Bapperida×', 'DP3A×']);

    // A new RTL of indicator 12 at a Klaster III rakor proposes the first usual agency as penanggung jawab.
    const created = await app.runtime.backend.invoke('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
    if (!created.ok) throw new Error(created.error.message);
    const indicator12 = (db().prepare(`SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE i.number = 12 ORDER BY c.year DESC LIMIT 1`).get() as { id: number }).id;
    const meetingId = (created.data as { id: number }).id;
    // Weak: its card is open (the others start collapsed).
    const weak = await app.runtime.backend.invoke('indicatorReview.upsert', { meetingId, indicatorId: indicator12, isWeak: true });
    expect(weak.ok).toBe(true);
    await page.evaluate((h) => { window.location.hash = h; }, `/rapat/${meetingId}/pembahasan`);
    // The penanggung jawab picker shows the agency by its abbreviation.
    await expect.poll(() => page.locator(`#new-rtl-${indicator12}-lead`).inputValue(), POLL).toMatch(/^Bapperida\b/);
    expect(errors).toEqual([]);
    await page.close();

    for (const [width, height] of [[1024, 768], [1093, 614]]) {
      const shot = await app.browser.newPage({ viewport: { width, height }, locale: 'en-US', timezoneId: 'America/New_York' });
      await shot.goto(app.runtime.server.openUrl);
      await shot.evaluate(() => { window.location.hash = '/indikator'; });
      await shot.getByRole('list', { name: 'Instansi yang biasa mengampu indikator 12' }).waitFor();
      const sideways = await shot.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
      expect(sideways, `${width}x${height}`).toBe(0);
      await shot.getByRole('list', { name: 'Instansi yang biasa mengampu indikator 12' }).scrollIntoViewIfNeeded();
      await shot.screenshot({ path: path.join(SCREEN_DIR, `rakor-h10-indikator-${width}x${height}.png`) });
      await shot.close();
    }
  });
});
