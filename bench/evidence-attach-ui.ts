import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, openApp, startRuntime } from '../tests/support/runtime';
import { dropPhotos, watchFrames } from '../tests/support/evidence-ui';
import { listStoredHashes, storedPath } from '../src-main/core/evidence/file-store';

// The whole path a user takes (issue 13): N real JPEG photos of about M MB each dropped on a
// rakor's Data dukung tab in Chromium, "Lampirkan", until every one is listed. The renderer
// sends them a few at a time to POST /upload/evidence; the page's longest frame gap is recorded
// (what "responsive" means: the page paints and answers while it works). Afterwards the stored
// files are copied with `cp` (and `cp` + `sync`) in the same run, for scale.
//   npx tsx bench/evidence-attach-ui.ts [count] [megabytes]

const COUNT = Number(process.argv[2] ?? 200);
const MB = Number(process.argv[3] ?? 4);

async function main() {
  const runtime = await startRuntime(fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-evidence-ui-bench-')));
  const browser = await launchBrowser();
  try {
    const created = await runtime.backend.invoke('meeting.create', { title: 'Rakor Dokumentasi', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
    if (!created.ok) throw new Error(created.error.message);
    const meetingId = (created.data as { id: number }).id;
    const { page } = await openApp(browser, runtime, `/rapat/${meetingId}/data-dukung`);
    const panel = page.getByTestId('evidence-panel').first();
    await panel.getByText('Belum ada berkas.').waitFor();
    await dropPhotos(page, COUNT, MB);
    await page.getByRole('button', { name: `Lampirkan ${COUNT} berkas` }).waitFor();
    // The core's share: the time at least one evidence.attach (run by the upload route) is in
    // progress; the renderer keeps several in flight, so their durations overlap and are not summed.
    let coreMs = 0;
    let inCore = 0;
    let since = 0;
    const invoke = runtime.backend.invoke.bind(runtime.backend);
    runtime.backend.invoke = async (name, input) => {
      const timed = name === 'evidence.attach';
      if (timed && inCore++ === 0) since = performance.now();
      try {
        return await invoke(name, input);
      } finally {
        if (timed && --inCore === 0) coreMs += performance.now() - since;
      }
    };
    const longestFrame = await watchFrames(page);
    const started = performance.now();
    await page.getByRole('button', { name: `Lampirkan ${COUNT} berkas` }).click();
    await page.getByText(`${COUNT} berkas terlampir.`).waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const frame = await longestFrame();

    const files = listStoredHashes(runtime.dataDir).map((h) => storedPath(runtime.dataDir, h));
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-evidence-cp-'));
    let start = performance.now();
    execFileSync('cp', [...files, target]);
    const cp = (performance.now() - start) / 1000;
    const target2 = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-evidence-cp-'));
    start = performance.now();
    execFileSync('cp', [...files, target2]);
    execFileSync('sync', ['-f', target2]);
    const cpSync = (performance.now() - start) / 1000;
    for (const dir of [target, target2]) fs.rmSync(dir, { recursive: true, force: true });

    console.log(`${files.length} foto, ${(bytes / 1024 ** 2).toFixed(0)} MB (rata-rata ${(bytes / files.length / 1024 ** 2).toFixed(1)} MB)`);
    console.log(`UI: Lampirkan sampai semua terdaftar: ${seconds.toFixed(1)} s; jeda bingkai terpanjang ${Math.round(frame)} ms`);
    console.log(`inti (evidence.attach): ${(coreMs / 1000).toFixed(1)} s`);
    console.log(`cp: ${cp.toFixed(2)} s; cp + sync: ${cpSync.toFixed(2)} s`);
    console.log(`rasio inti / cp ${(coreMs / 1000 / cp).toFixed(1)}, inti / (cp + sync) ${(coreMs / 1000 / cpSync).toFixed(1)}; UI / cp ${(seconds / cp).toFixed(1)}`);
  } finally {
    await browser.close();
    await runtime.stop();
    fs.rmSync(runtime.dataDir, { recursive: true, force: true });
  }
}

void main();
