import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { appUnderTest, openApp, SCREEN_DIR, screenshot } from '../support/web-runtime';
import { ok } from '../support/backend';
import { CONTENT_SECURITY_POLICY } from '../../src-main/core/security-policy';

// Rekap anggaran in real Chromium under the app's own CSP (served by the web runtime): the chart
// library draws its SVG without a single CSP violation, the numbers are the core's recap.

const app = appUnderTest();
const YEAR = new Date().getFullYear();

async function shots(page: Page, name: string) {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await screenshot(page, `${name}-${w}`);
    await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${w}-view.png`) });
  }
}

describe('Rekap anggaran', () => {
  it('shows an empty state on a fresh install', async () => {
    const { page, errors } = await openApp(app.browser, app.runtime, '/anggaran');
    await page.getByText('Belum ada anggaran yang dicatat.').waitFor();
    await shots(page, 'anggaran-kosong');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws pagu and realisasi per klaster, instansi, sumber dana and tahun under the strict CSP', async () => {
    const backend = app.runtime.backend;
    const agencies = await ok(backend, 'agency.list', {});
    const by = (abbr: string) => agencies.find((a) => a.abbreviation === abbr)!.id;
    const set = await ok(backend, 'reference.get', { year: YEAR });
    const ind = (n: number) => set.clusters.flatMap((c) => c.indicators).find((i) => i.number === n)!.id;
    const line = (agency: string, indicator: number, source: string, fiscalYear: number, pagu: number, realisasi: number) =>
      ok(backend, 'budgetLine.create', { agencyId: by(agency), indicatorId: ind(indicator), fundingSource: source, fiscalYear, allocationSen: pagu * 100, realizationSen: realisasi * 100 });
    await line('Dinkes', 12, 'APBD', YEAR, 400_000_000, 300_000_000);
    await line('Dinkes', 11, 'DAK nonfisik', YEAR, 100_000_000, 100_000_000);
    await line('Disdukcapil', 4, 'APBD', YEAR, 250_000_000, 50_000_000);
    await line('DP3A', 21, 'APBN', YEAR, 250_000_000, 0);
    await line('DP3A', 1, 'APBD', YEAR - 1, 80_000_000, 80_000_000);

    const { page, errors } = await openApp(app.browser, app.runtime, '/');
    const served = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(served).toBe(CONTENT_SECURITY_POLICY);
    await page.evaluate(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.location.hash = '/anggaran';
    });
    await page.getByRole('heading', { name: 'Rekap anggaran' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    // This year: pagu 1.000.000.000, realisasi 450.000.000 -> 45,0%.
    expect(await page.getByTestId('recap-totals').textContent()).toContain('Rp1.000.000.000,00');
    expect(await page.getByTestId('recap-absorption').textContent()).toBe('45,0%');
    // Klaster III (indicators 11, 12): pagu 500 jt, realisasi 400 jt = 80,0%.
    const row = page.getByRole('table', { name: 'Rekap menurut klaster' }).getByRole('row', { name: /Klaster III/ });
    expect(await row.textContent()).toMatch(/Rp500\.000\.000,00.*Rp400\.000\.000,00.*80,0%/);
    // Pagu and realisasi per charted klaster (I, III, V; KL has no line this year), but Klaster
    // V spent nothing: a zero bar is not drawn, so 5.
    expect(await page.locator('.recharts-bar-rectangle').count()).toBe(5);
    await shots(page, 'anggaran-klaster');

    // The export button downloads the recap of the chosen year as a real workbook (numbers, not text).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh rekap .xlsx' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as never);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain(`tahun ${YEAR}`);
    const values = sheet.getColumn(2).values.filter((v): v is number => typeof v === 'number');
    expect(values).toContain(500_000_000);

    await page.getByRole('tab', { name: 'Sumber dana' }).click();
    await page.getByRole('table', { name: 'Rekap menurut sumber dana' }).getByRole('row', { name: /APBD/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Rekap menurut sumber dana' }).getByRole('row', { name: /APBD/ }).textContent()).toMatch(/Rp650\.000\.000,00.*Rp350\.000\.000,00.*53,8%/);
    await page.getByRole('tab', { name: 'Instansi' }).click();
    await page.getByRole('table', { name: 'Rekap menurut instansi' }).waitFor();
    await shots(page, 'anggaran-instansi');
    await page.getByLabel('Tahun anggaran').selectOption('all');
    await page.getByRole('tab', { name: 'Tahun' }).click();
    await page.getByRole('table', { name: 'Rekap menurut tahun anggaran' }).getByRole('row', { name: String(YEAR - 1) }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();

    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
