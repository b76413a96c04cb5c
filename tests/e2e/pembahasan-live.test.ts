import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';
import type { Meeting, MeetingWorkspace } from '../../shared/meeting';
import type { Agency } from '../../shared/types';

// Issues 10 and 15 in Chromium, on the Pembahasan tab of a live rakor: weak indicators open and
// the rest collapsed, card-to-card keys clear of the sticky bar, type-ahead agency pickers, the
// RTL owner defaulting to the indicator's lead, dd/mm/yyyy target dates, an RTL funded by a
// budget line (cleared when the line goes), and the warning for realisasi above pagu.
// Screenshots land in .tmp/screens (rakor-15-pembahasan-*).

const app = appUnderTest();
const call = async <T,>(name: string, input: unknown): Promise<T> => {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data as T;
};
const workspace = (id: number) => call<MeetingWorkspace>('meeting.get', { id });
const saved = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Tersimpan');

/** A Klaster III rakor with two weak indicators (12 stunting, 15 air minum), Dinkes the lead of 12. */
async function liveRakor(title: string) {
  const agencies = await call<Agency[]>('agency.list', {});
  const by = (abbr: string) => agencies.find((a) => a.abbreviation === abbr)!;
  const m = await call<Meeting>('meeting.create', { title, clusterCodes: ['III'], date: '2026-03-10', startTime: '09:00' });
  const ws = await workspace(m.id);
  const ind = (n: number) => ws.clusters[0].indicators.find((i) => i.number === n)!;
  await call('indicatorReview.upsert', { meetingId: m.id, indicatorId: ind(12).id, isWeak: true, problem: 'Stunting 24%' });
  await call('indicatorReview.upsert', { meetingId: m.id, indicatorId: ind(15).id, isWeak: true });
  await call('assignment.set', { indicatorId: ind(12).id, agencyId: by('Dinkes').id, role: 'lead', meetingId: m.id });
  return { meeting: m, ind, by };
}

const cardOf = (page: Page, number: number) => page.getByTestId('indicator-card').filter({ has: page.getByRole('heading', { name: new RegExp(`^${number}\\. `) }) });

/** How far the element's top sits below the sticky bar's bottom (negative: hidden under it). */
const clearOfJumpBar = (page: Page, selector: string) => page.evaluate((sel) => {
  const bar = document.querySelector('.jump-bar')!.getBoundingClientRect();
  const el = document.querySelector(sel)!.getBoundingClientRect();
  return el.top - bar.bottom;
}, selector);

describe('Pembahasan in the room', () => {
  it('weak cards open and first, the others collapsed; Alt+PageDown walks the cards clear of the sticky bar; Enter opens', async () => {
    const { meeting } = await liveRakor('Rakor Klaster III kartu');
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meeting.id}/pembahasan`);
    await page.setViewportSize({ width: 1024, height: 768 });
    const cards = page.getByTestId('indicator-card');
    await cards.first().waitFor();
    const toggles = page.locator('[data-card-toggle]');
    expect(await toggles.count()).toBe(6);
    // Weak first (12, 15), open; the other four collapsed with a one-line summary.
    expect(await toggles.evaluateAll((els) => els.map((e) => `${e.textContent?.match(/^(\d+)/)?.[1]}:${e.getAttribute('aria-expanded')}`)))
      .toEqual(['12:true', '15:true', '11:false', '13:false', '14:false', '16:false']);
    expect(await page.getByTestId('card-summary').count()).toBe(4);
    expect(await cardOf(page, 11).getByLabel('Capaian').count()).toBe(0);

    // From the opening notes, Alt+PageDown goes section by section: agenda, then each card's title.
    await page.getByLabel('Pembukaan (catatan sebelum agenda)').focus();
    await page.keyboard.press('Alt+PageDown');
    let steps = 0;
    while (!(await page.evaluate(() => document.activeElement?.hasAttribute('data-card-toggle'))) && steps++ < 10) await page.keyboard.press('Alt+PageDown');
    expect(await page.evaluate(() => `${document.activeElement?.getAttribute('aria-expanded')} ${document.activeElement?.textContent}`)).toMatch(/^true 12\./);
    await page.keyboard.press('Alt+PageDown');
    await page.keyboard.press('Alt+PageDown');
    expect(await page.evaluate(() => `${document.activeElement?.getAttribute('aria-expanded')} ${document.activeElement?.textContent}`)).toMatch(/^false 11\./);
    await page.waitForTimeout(100);
    expect(await clearOfJumpBar(page, '[data-indicator] [data-card-toggle]:focus')).toBeGreaterThanOrEqual(0);
    // What the notulis sees (the viewport, not the full page): the focused title right under the bar.
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-15-pembahasan-fokus-kartu-1024.png` });
    await page.keyboard.press('Enter');
    await cardOf(page, 11).getByLabel('Capaian').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await page.keyboard.press('Alt+PageUp');
    expect(await page.evaluate(() => `${document.activeElement?.getAttribute('aria-expanded')} ${document.activeElement?.textContent}`)).toMatch(/^true 15\./);
    await page.waitForTimeout(100);
    expect(await clearOfJumpBar(page, '[data-card-toggle]:focus')).toBeGreaterThanOrEqual(0);

    // Tab moving up into a field of the card above stays clear of the bar too (scroll-margin-top).
    await cardOf(page, 15).getByLabel('Capaian').focus();
    await page.keyboard.press('Shift+Tab');
    await page.waitForTimeout(100);
    expect(await clearOfJumpBar(page, ':focus')).toBeGreaterThanOrEqual(0);

    // "Lompat ke" a collapsed indicator opens it and lands in its first field.
    const option = await page.locator('#jump-section option').filter({ hasText: /^14\. / }).getAttribute('value');
    await page.getByLabel('Lompat ke').selectOption(option!);
    await page.waitForFunction(() => document.activeElement?.closest('[data-indicator]')?.querySelector('[data-card-toggle]')?.textContent?.includes('14.'));
    await page.waitForTimeout(100);
    expect(await clearOfJumpBar(page, ':focus')).toBeGreaterThanOrEqual(0);

    // The shortcut is in the "?" overlay.
    await page.keyboard.press('F1');
    await page.getByRole('dialog').getByText('Alt+PageDown / Alt+PageUp').waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'rakor-15-pembahasan-kartu-1024');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('type-ahead pickers, the RTL owner from the indicator lead, dd/mm/yyyy target, pihak terkait in order, RTL funded by a budget line', async () => {
    const { meeting, ind, by } = await liveRakor('Rakor Klaster III RTL');
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meeting.id}/pembahasan`);
    await page.setViewportSize({ width: 1093, height: 614 });
    const card = cardOf(page, 12);
    await card.waitFor();

    // Penanggung jawab: "pupr" finds PUPR by its abbreviation; "kesehatan" was already Dinkes (lead).
    const assign = card.getByLabel('Instansi penanggung jawab');
    await assign.fill('pekerjaan umum');
    await page.getByRole('option', { name: /PUPR/ }).waitFor();
    expect(await page.locator('.agency-options:visible [role=option]').count()).toBeLessThanOrEqual(3);
    await assign.press('Enter');
    expect(await assign.inputValue()).toBe('PUPR');
    await assign.press('Enter');
    await card.getByTestId('assignment').filter({ hasText: 'PUPR' }).waitFor();

    // A budget line with the sub-kegiatan name; Dinkes picked by typing "dinkes".
    const budget = card.getByTestId('new-budget');
    await budget.getByLabel('Instansi').fill('dinkes');
    await budget.getByLabel('Instansi').press('Enter');
    await budget.getByLabel('Kode sub kegiatan').fill('1.02.02.2.02.0033');
    await budget.getByLabel('Nama sub kegiatan').fill('Pengelolaan pelayanan kesehatan gizi masyarakat');
    await budget.getByLabel('Pagu (Rp)').fill('250.000.000');
    await budget.getByLabel('Realisasi (Rp)').fill('300.000.000');
    // Above pagu: said at once, and the line still saves.
    await card.getByTestId('new-budget-warning').filter({ hasText: 'Realisasi melebihi pagu (120,0%)' }).waitFor();
    await budget.getByRole('button', { name: '+ Anggaran' }).click();
    await card.getByTestId('budget-row').waitFor();
    await card.getByTestId('budget-warning').filter({ hasText: 'Baris 1: Realisasi melebihi pagu' }).waitFor();
    let ws = await workspace(meeting.id);
    expect(ws.budgetLines).toMatchObject([{ agencyId: by('Dinkes').id, activityName: 'Pengelolaan pelayanan kesehatan gizi masyarakat', allocationSen: 25_000_000_000, realizationSen: 30_000_000_000 }]);
    // Lowering the realisasi takes the warning away.
    await card.getByLabel('Realisasi 1').fill('200.000.000');
    await card.getByLabel('Realisasi 1').blur();
    await saved(page);
    await card.getByTestId('budget-warning').waitFor({ state: 'detached' });

    // New RTL: the owner is the indicator's lead (Dinkes) without touching it.
    const rtl = card.getByTestId('new-rtl');
    expect(await rtl.getByLabel('Penanggung jawab').inputValue()).toBe('Dinkes');
    await rtl.getByLabel('RTL baru: uraian').fill('PMT lokal untuk balita gizi kurang');
    // Pihak terkait: picked by any word of the name, kept in the order chosen, full names shown.
    const related = rtl.getByLabel('Pihak terkait', { exact: true });
    await related.fill('bappeda');
    await related.press('Enter');
    await related.fill('pemberdayaan masyarakat');
    await page.getByRole('option', { name: /DPMD/ }).waitFor();
    await related.press('Enter');
    expect(await rtl.getByTestId('related-chip').allTextContents()).toEqual([
      expect.stringMatching(/^Badan Perencanaan/), expect.stringMatching(/^Dinas Pemberdayaan Masyarakat/),
    ]);
    // Target date typed the Indonesian way; a wrong one is said, not sent.
    await rtl.getByLabel('Target waktu').fill('31/06/2026');
    await rtl.getByText('Tanggal tidak dikenali').waitFor();
    await rtl.getByLabel('Target waktu').fill('30/06/2026');
    const lineLabel = await rtl.getByLabel('Sumber anggaran').locator('option').nth(1).textContent();
    expect(lineLabel).toBe('Dinkes · Pengelolaan pelayanan kesehatan gizi masyarakat · APBD murni 2026 · Rp250.000.000,00');
    await rtl.getByLabel('Sumber anggaran').selectOption({ index: 1 });
    await rtl.getByLabel('RTL baru: uraian').press('Enter');
    await card.getByTestId('rtl-row').waitFor();
    ws = await workspace(meeting.id);
    const line = ws.budgetLines[0];
    expect(ws.actions).toMatchObject([{
      description: 'PMT lokal untuk balita gizi kurang', leadAgencyId: by('Dinkes').id, relatedAgencyIds: [by('Bappeda').id, by('DPMD').id],
      targetDate: '2026-06-30', budgetLineId: line.id, indicatorId: ind(12).id,
    }]);
    // The form starts again with the lead as owner, focus back in the description.
    expect(await rtl.getByLabel('Penanggung jawab').inputValue()).toBe('Dinkes');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-new-rtl'))).toBe(true);
    // The row shows the date as dd/mm/yyyy and the chosen line.
    expect(await card.getByLabel('Target waktu RTL 1').inputValue()).toBe('30/06/2026');
    expect(await card.getByLabel('Sumber anggaran RTL 1').inputValue()).toBe(String(line.id));

    // Changing the owner of the row by typing: "satpol" then Enter.
    await card.getByLabel('Penanggung jawab RTL 1').fill('satpol');
    await card.getByLabel('Penanggung jawab RTL 1').press('Enter');
    await saved(page);
    expect((await workspace(meeting.id)).actions[0].leadAgencyId).toBe(by('Satpol PP').id);
    // Esc leaves the choice as it was.
    await card.getByLabel('Penanggung jawab RTL 1').fill('bapp');
    await card.getByLabel('Penanggung jawab RTL 1').press('Escape');
    expect(await card.getByLabel('Penanggung jawab RTL 1').inputValue()).toBe('Satpol PP');

    await screenshot(page, 'rakor-15-pembahasan-rtl-1093');
    await card.getByTestId('budget-row').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -80));
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-15-pembahasan-anggaran-rtl-1093.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await card.getByTestId('rtl-row').scrollIntoViewIfNeeded();
    await screenshot(page, 'rakor-15-pembahasan-rtl-1024');
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-15-pembahasan-rtl-viewport-1024.png` });
    // The picker's list over a table that scrolls inside its card: not clipped.
    await card.getByLabel('Penanggung jawab RTL 1').fill('dinas');
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-15-pembahasan-picker-1024.png` });
    await card.getByLabel('Penanggung jawab RTL 1').press('Escape');
    // No sideways scroll of the page: the tables scroll inside their card.
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);
    const crushed = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('.budget-table input, .rtl-table input, .rtl-table select')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.type !== 'date' && el.getBoundingClientRect().width < Math.min(120, (el.value || el.placeholder).length * 7 + 16))
      .map((el) => `${el.id}: ${Math.round(el.getBoundingClientRect().width)}`));
    expect(crushed).toEqual([]);

    // The budget line goes to Terhapus: the RTL's Sumber anggaran becomes "—" (not a dangling id).
    await card.getByRole('button', { name: 'Hapus anggaran 1' }).click();
    await card.getByTestId('budget-row').waitFor({ state: 'detached' });
    await expect.poll(async () => card.getByLabel('Sumber anggaran RTL 1').inputValue()).toBe('');
    expect((await workspace(meeting.id)).actions[0].budgetLineId).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at province level a weak indicator names its kab/kota, and an RTL can be a kab/kota\'s', async () => {
    const kukar = await call<Agency>('agency.create', { kind: 'kabkota', name: 'Kabupaten Kutai Kartanegara', abbreviation: 'Kukar' });
    const bpp = await call<Agency>('agency.create', { kind: 'kabkota', name: 'Kota Balikpapan', abbreviation: 'Bpp' });
    const { meeting } = await liveRakor('Rakor evaluasi provinsi');
    const { page, errors } = await openApp(app.browser, app.runtime, `/rapat/${meeting.id}/pembahasan`);
    await page.setViewportSize({ width: 1024, height: 768 });
    const card = cardOf(page, 12);
    const picker = card.getByLabel('Kabupaten/kota terkait', { exact: true });
    await picker.fill('balik');
    await page.locator('.agency-options:visible [role=option]').filter({ hasText: 'Kota Balikpapan' }).waitFor();
    // Only kab/kota are offered here.
    expect(await page.locator('.agency-options:visible [role=option]').count()).toBe(1);
    await picker.press('Enter');
    await saved(page);
    await picker.fill('kutai');
    await picker.press('Enter');
    await saved(page);
    expect(await card.getByRole('list', { name: 'Kabupaten/kota terkait (dipilih)' }).getByTestId('related-chip').allTextContents())
      .toEqual([expect.stringMatching(/^Kota Balikpapan/), expect.stringMatching(/^Kabupaten Kutai Kartanegara/)]);
    const ws = await workspace(meeting.id);
    expect(ws.reviews.find((r) => r.isWeak && r.kabkotaAgencyIds.length > 0)?.kabkotaAgencyIds).toEqual([bpp.id, kukar.id]);
    // An RTL of a kab/kota: its penanggung jawab typed by abbreviation.
    const rtl = card.getByTestId('new-rtl');
    await rtl.getByLabel('RTL baru: uraian').fill('Verifikasi data balita by name by address');
    await rtl.getByLabel('Penanggung jawab').fill('bpp');
    await rtl.getByLabel('Penanggung jawab').press('Enter');
    // Clicking into the picker opens its list; Enter with nothing typed or highlighted saves the row
    // with the choice as it is (never the first agency of the list).
    await rtl.getByLabel('Penanggung jawab').click();
    await page.locator('.agency-options:visible').waitFor();
    await rtl.getByLabel('Penanggung jawab').press('Enter');
    await card.getByTestId('rtl-row').waitFor();
    expect((await workspace(meeting.id)).actions[0].leadAgencyId).toBe(bpp.id);
    await page.screenshot({ path: `${SCREEN_DIR}/rakor-15-pembahasan-kabkota-1024.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
