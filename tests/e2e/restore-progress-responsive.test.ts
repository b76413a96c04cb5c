import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { putFile } from '../../src-main/core/evidence/file-store';
import { TOKEN_HEADER } from '../../src-main/web/server';
import type { BackupInfo, BackupProgress } from '../../shared/api/backup';
import { launchBrowser, openApp, screenshot, startRuntime, tempDataDir, type Runtime } from '../support/web-runtime';

// Issue 12's leftover and issue 13's performance note: a restore of a large backup (here 240 MB
// of evidence to fetch, hash and stage) runs its checks in a worker thread, so the loopback
// runtime keeps answering reads while it runs, and the Cadangan screen shows a progress bar.

let browser: Browser;
const runtimes: Runtime[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const r of runtimes) await r.stop().catch(() => undefined);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A read through HTTP as any client would send it, and how long the answer took. */
async function timedRead(runtime: Runtime, op: string): Promise<{ ms: number; body: { ok: boolean; data: unknown } }> {
  const base = runtime.server.openUrl.split('#')[0].replace(/\/$/, '');
  const started = performance.now();
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: runtime.server.token }, body: '{}' });
  const body = (await res.json()) as { ok: boolean; data: unknown };
  return { ms: performance.now() - started, body };
}

describe('a large restore off the main thread', () => {
  it('keeps the runtime answering reads and shows its progress', async () => {
    // A data folder with 240 MB of evidence, backed up.
    const sourceDir = tempDataDir('rakor-besar-');
    dirs.push(sourceDir);
    const source = await startRuntime(sourceDir);
    runtimes.push(source);
    const insert = source.backend.db.prepare(
      `INSERT INTO evidence (sha256, size_bytes, media_type, original_name, title, evidence_date, indicator_id, evaluation_year, created_at)
       VALUES (?, ?, 'application/pdf', ?, ?, '2025-03-10', 1, 2025, '2025-03-10T00:00:00Z')`,
    );
    for (let i = 0; i < 12; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(20 * 1024 * 1024)]);
      insert.run(await putFile(sourceDir, bytes), bytes.length, `besar-${i}.pdf`, `Berkas besar ${i}`);
    }
    const created = await source.backend.invoke('backup.create', {});
    if (!created.ok) throw new Error(created.error.message);
    const backupFolder = path.dirname((created.data as BackupInfo).file);

    // A new data folder that keeps its backups in the same folder restores it through the UI.
    const targetDir = tempDataDir('rakor-besar-baru-');
    dirs.push(targetDir);
    const runtime = await startRuntime(targetDir);
    runtimes.push(runtime);
    const set = await runtime.backend.invoke('backup.settings.set', { folder: backupFolder });
    expect(set.ok).toBe(true);
    const { page, errors } = await openApp(browser, runtime, '/cadangan');
    await page.getByRole('button', { name: /^Pulihkan cadangan/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Memeriksa dan memulihkan cadangan' }).waitFor();
    // While it runs: reads answer quickly, and the progress read says where it is.
    const latencies: number[] = [];
    const fractions: number[] = [];
    let shot = false;
    for (let i = 0; i < 200; i++) {
      const progress = await timedRead(runtime, 'backup.progress');
      const p = progress.body.data as BackupProgress;
      if (p.task !== 'restore') break;
      fractions.push(p.fraction);
      if (p.fraction < 0.8) {
        const read = await timedRead(runtime, 'meeting.list');
        expect(read.body.ok).toBe(true);
        latencies.push(read.ms);
      }
      if (!shot && p.fraction > 0.3) {
        shot = true;
        await page.getByRole('status').filter({ hasText: /[1-9]\d?%/ }).waitFor();
        await screenshot(page, 'cadangan-pemulihan-kemajuan');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    await page.getByText(/Data dipulihkan dari cadangan/).waitFor({ timeout: 60_000 });
    expect((runtime.backend.db.prepare(`SELECT count(*) FROM evidence`).pluck().get() as number)).toBe(12);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
