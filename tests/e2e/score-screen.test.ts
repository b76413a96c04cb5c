import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot, tempDataDir } from '../support/web-runtime';
import { edit, ok } from '../support/backend';

// Nilai evaluasi dan predikat through the UI in real Chromium: a score typed in a cell moves the
// stage's total and predikat, the what-if projection changes the projected predikat without
// storing anything, and a bad .xlsx is refused with its row and column named.

const app = appUnderTest();
const YEAR = new Date().getFullYear();

const totalText = (page: Page, stage: string) => page.getByTestId(`total-${stage}`).textContent();

async function shots(page: Page, name: string) {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `${name}-${w}`);
    // The first screenful as the user sees it (a full page of 24 indicators is too tall to judge).
    await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${w}-view.png`) });
  }
}

describe('Nilai evaluasi dan predikat', () => {
  it('a typed score changes the total and the predikat; over the maximum is refused next to the cell', async () => {
    const backend = app.runtime.backend;
    await edit(backend, 'regionProfile.update', { targetPredikat: 'Nindya', targetYear: YEAR + 1, currentPredikat: 'Madya', currentPredikatYear: YEAR - 2 });
    const { page, errors } = await openApp(app.browser, app.runtime, '/nilai');
    await page.getByRole('heading', { name: 'Nilai evaluasi dan predikat' }).waitFor();
    await page.getByTestId('score-row-21a').waitFor();
    await shots(page, 'nilai-kosong');

    await page.getByLabel('Poin maksimal 1', { exact: true }).fill('100');
    await page.getByLabel('Nilai EM 1', { exact: true }).fill('80,5');
    await page.getByLabel('Nilai EM 1', { exact: true }).blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-EM"]')?.textContent === '80,50');
    expect(await page.getByTestId('predikat-EM').textContent()).toBe('Belum berpredikat');

    // Typed key by key: one save after the pause, not one request per keystroke.
    const sent: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/api/score.setIndicator')) sent.push(r.postData() ?? ''); });
    await page.getByLabel('Nilai EM 2', { exact: true }).pressSequentially('600', { delay: 40 });
    await page.getByLabel('Nilai EM 2', { exact: true }).blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-EM"]')?.textContent === '680,50');
    expect(await page.getByTestId('predikat-EM').textContent()).toBe('Predikat Madya');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0])).toMatchObject({ stage: 'EM', score: 600 });
    expect(await page.getByTestId('score-gap').textContent()).toBe('Kurang 20,50 poin ke Nindya (≥ 701,00) · dari nilai Evaluasi Mandiri');
    expect(await page.getByTestId('score-target').textContent()).toContain(`Madya (${YEAR - 2}) → Nindya (${YEAR + 1})`);

    // Sub-indicators add up into their indicator (shown, not typed).
    await page.getByLabel('Nilai VA 21a', { exact: true }).fill('15');
    await page.getByLabel('Nilai VA 21b', { exact: true }).fill('10');
    await page.getByLabel('Nilai VA 21b', { exact: true }).blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-VA"]')?.textContent === '25,00');
    expect(await page.getByTestId('score-row-21').locator('td.derived').nth(1).textContent()).toBe('25,00');

    // Above the maximum points: the core refuses, the message stands under the cell, nothing stored.
    await page.getByLabel('Nilai EM 1', { exact: true }).fill('150');
    await page.getByLabel('Nilai EM 1', { exact: true }).blur();
    await page.getByText('Nilai 150 melebihi poin maksimum 100.').waitFor();
    const s = await ok(backend, 'score.summary', { year: YEAR });
    expect(s.rows.find((r) => r.label === '1')!.scores.EM).toBe(80.5);
    expect(s.stages[0].total).toBe(680.5);
    await page.getByLabel('Nilai EM 1', { exact: true }).fill('80,5');
    await page.getByLabel('Nilai EM 1', { exact: true }).blur();
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Tersimpan');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shots(page, 'nilai-terisi');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('what-if: projected scores give a projected total and predikat, ranked by points available, and store nothing', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/nilai');
    await page.getByRole('button', { name: 'Simulasi (what-if)' }).click();
    await page.getByTestId('what-if').waitFor();
    // The latest stage with a total is VA (25,00); the projection here starts from EM.
    expect(await page.getByTestId('what-if-base-total').textContent()).toContain('25,00');
    await page.getByLabel('Dasar perhitungan').selectOption('EM');
    await page.waitForFunction(() => document.querySelector('[data-testid="what-if-projected-total"]')?.textContent === '680,50');
    // Indicator 1 (max 100, best 80,5) is the only one with a maximum: it leads the ranking.
    await page.getByTestId('what-if-row-1').waitFor();
    const firstRow = page.getByTestId('what-if').locator('tbody tr').first();
    expect(await firstRow.getAttribute('data-testid')).toBe('what-if-row-1');
    expect(await firstRow.locator('td').nth(4).textContent()).toBe('19,50');
    expect(await page.getByTestId('what-if-projected-total').textContent()).toBe('680,50');

    await page.getByLabel('Nilai proyeksi 1', { exact: true }).fill('100');
    await page.waitForFunction(() => document.querySelector('[data-testid="what-if-projected-total"]')?.textContent === '700,00');
    expect(await page.getByTestId('what-if-projected-predikat').textContent()).toBe('Predikat Madya');
    await page.getByLabel('Nilai proyeksi 12', { exact: true }).fill('5');
    await page.waitForFunction(() => document.querySelector('[data-testid="what-if-projected-total"]')?.textContent === '705,00');
    expect(await page.getByTestId('what-if-projected-predikat').textContent()).toBe('Predikat Nindya');
    // Above the maximum: the projection is refused for that cell, with the core's message.
    await page.getByLabel('Nilai proyeksi 1', { exact: true }).fill('120');
    await page.getByText('Nilai 120 melebihi poin maksimum 100.').waitFor();
    await page.getByLabel('Nilai proyeksi 1', { exact: true }).fill('100');
    await page.waitForFunction(() => document.querySelector('[data-testid="what-if-projected-total"]')?.textContent === '705,00');
    await shots(page, 'nilai-what-if');
    // Nothing stored: the EM total is what was typed in the table.
    expect(await totalText(page, 'EM')).toBe('680,50');
    const s = await ok(app.runtime.backend, 'score.summary', { year: YEAR });
    expect(s.stages[0].total).toBe(680.5);
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });

  it('imports a filled template; a bad cell is named by row and column and nothing is imported', async () => {
    const backend = app.runtime.backend;
    const template = await ok(backend, 'score.exportTemplate', { year: YEAR });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('Nilai')!;
    // Row 4 is indicator 1; F is the VA column, G the Pusat column.
    expect(sheet.getCell('A4').value).toBe('1');
    sheet.getCell('F4').value = 70;
    sheet.getCell('G5').value = 'abc';
    const dir = tempDataDir('rakor-score-xlsx-');
    const bad = path.join(dir, 'nilai-salah.xlsx');
    await workbook.xlsx.writeFile(bad);

    const { page, errors } = await openApp(app.browser, app.runtime, '/nilai');
    await page.getByTestId('score-row-1').waitFor();
    await page.getByLabel('Impor nilai dari berkas .xlsx').setInputFiles(bad);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/tidak diimpor; tidak ada nilai yang diubah/);
    expect(await problems.textContent()).toMatch(/Baris 5, kolom Pusat: "abc" bukan angka/);
    await shots(page, 'nilai-impor-salah');
    let s = await ok(backend, 'score.summary', { year: YEAR });
    expect(s.rows.find((r) => r.label === '1')!.scores.VA).toBeNull();

    sheet.getCell('G5').value = null;
    const good = path.join(dir, 'nilai-benar.xlsx');
    await workbook.xlsx.writeFile(good);
    await page.getByLabel('Impor nilai dari berkas .xlsx').setInputFiles(good);
    await page.getByText(/Nilai tahun \d{4} diimpor/).waitFor();
    await expect.poll(() => page.getByLabel('Nilai VA 1', { exact: true }).inputValue()).toBe('70');
    s = await ok(backend, 'score.summary', { year: YEAR });
    expect(s.rows.find((r) => r.label === '1')!.scores.VA).toBe(70);
    expect(s.stages[1].total).toBe(95);
    expect(await totalText(page, 'VA')).toBe('95,00');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });
});
