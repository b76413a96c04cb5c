import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { databasePath } from '../../src-main/core/db/database';
import { seedDemo } from '../../src-main/core/demo/seed-demo';
import { launchBrowser, openApp, screenshot, startRuntime, tempDataDir, type Runtime } from '../support/web-runtime';
import { DAMAGE_REPORT } from '../support/strict-log';

// The "never lose a meeting" path through the real UI: back up from the Cadangan screen,
// restore with confirmation, then damage the database, start the runtime again, read the
// explanation, restore the newest backup from the recovery screen and find the data.

let browser: Browser;
const runtimes: Runtime[] = [];
async function start(dataDir: string, expectedReports: RegExp[] = []): Promise<Runtime> {
  const r = await startRuntime(dataDir, expectedReports);
  runtimes.push(r);
  return r;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const r of runtimes) await r.stop().catch(() => undefined);
});

describe('Cadangan and recovery in the browser', () => {
  it('backs up, restores with confirmation, and recovers from a damaged database', async () => {
    const dataDir = tempDataDir('rakor-ui-cadangan-');
    let runtime = await start(dataDir);
    seedDemo(runtime.backend.db);
    await runtime.backend.invoke('agency.create', { kind: 'mitra', partnerType: 'media', name: 'Radio Suara Anak' });

    const first = await openApp(browser, runtime, '/cadangan');
    const page = first.page;
    await page.getByRole('heading', { name: 'Cadangan', level: 1 }).waitFor();
    await page.getByText('Belum ada cadangan').waitFor();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await page.getByRole('button', { name: /^Pulihkan cadangan/ }).first().waitFor();
    expect(await page.locator('.backup-table tbody tr').count()).toBe(1);
    await expect(page.locator('.backup-table tbody tr').first().textContent()).resolves.toMatch(/5 rapat/);
    // When it was made, in the region's zone (the browser here runs on New York time).
    const profile = await runtime.backend.invoke('regionProfile.get', {});
    const zone = profile.ok ? (profile.data as { timeZone: string }).timeZone : '?';
    await expect(page.locator('.backup-table tbody tr').first().textContent()).resolves.toMatch(new RegExp(`\\d{1,2} \\p{L}+ \\d{4}, pukul \\d{2}\\.\\d{2} ${zone}`, 'u'));
    await screenshot(page, 'cadangan-daftar');

    // A change after the backup, then restore: the change is gone, the data of the backup is back.
    await runtime.backend.invoke('agency.create', { kind: 'mitra', partnerType: 'media', name: 'Koran Setelah Cadangan' });
    await page.getByRole('button', { name: /^Pulihkan cadangan/ }).first().click();
    await page.getByRole('dialog').getByText('Data sekarang akan dicadangkan dulu').waitFor();
    await screenshot(page, 'cadangan-konfirmasi');
    await page.getByRole('dialog').getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByText(/Data dipulihkan dari cadangan/).waitFor();
    await page.waitForEvent('load');
    await page.getByRole('heading', { name: 'Cadangan', level: 1 }).waitFor();
    // The restore made a safety backup first: two backups now.
    await page.locator('.backup-table tbody tr').nth(1).waitFor();
    const names = (runtime.backend.db.prepare(`SELECT name FROM agency WHERE name IN ('Radio Suara Anak', 'Koran Setelah Cadangan')`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['Radio Suara Anak']);
    expect(first.errors).toEqual([]);
    await page.close();

    // Damage the database while the app is closed.
    await runtime.stop();
    runtimes.length = 0;
    const file = databasePath(dataDir);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x00, 0, 100);
    bytes.fill(0x5a, 4096, 4096 * 3);
    fs.writeFileSync(file, bytes);

    runtime = await start(dataDir, [DAMAGE_REPORT]);
    expect(runtime.backend.recoveryNeeded()).toBe(true);
    const second = await openApp(browser, runtime, '/');
    const recovery = second.page;
    await recovery.getByRole('heading', { name: 'Data perlu dipulihkan' }).waitFor();
    await recovery.getByText('Tidak ada yang dihapus.').waitFor();
    await expect(recovery.locator('.recovery-path').textContent()).resolves.toMatch(/rakor-kla\.rusak-\d{8}-\d{6}\.sqlite$/);
    await screenshot(recovery, 'pemulihan-penjelasan');
    await recovery.getByRole('button', { name: 'Pulihkan cadangan terbaru' }).click();
    await recovery.waitForEvent('load');
    await recovery.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
    await recovery.evaluate(() => { window.location.hash = '/instansi'; });
    await recovery.getByRole('heading', { name: 'Instansi' }).waitFor();
    await recovery.getByText('Radio Suara Anak').waitFor();
    await screenshot(recovery, 'pemulihan-selesai-instansi');
    expect(runtime.backend.recoveryNeeded()).toBe(false);
    const meetings = (runtime.backend.db.prepare(`SELECT count(*) AS n FROM meeting`).get() as { n: number }).n;
    expect(meetings).toBe(5);
    // The damaged file is still there, beside the restored one.
    expect(fs.readdirSync(dataDir).some((f) => /^rakor-kla\.rusak-.*\.sqlite$/.test(f))).toBe(true);
    expect(second.errors.filter((e) => !/RECOVERY_NEEDED/.test(e))).toEqual([]);
    await recovery.close();
  }, 90_000);
});
