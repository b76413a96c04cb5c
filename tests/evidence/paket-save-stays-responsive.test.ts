import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { PackageStatus } from '../../shared/api/evidence';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { tempDir } from '../support/backup-helpers';
import { b64 } from '../support/evidence-files';

// A year's paket data dukung can be gigabytes: while evidence.savePackage reads, hashes and
// writes it, the same backend keeps answering other calls (the screen's reads, the progress it
// polls), and the progress counts up file by file. Here 24 files of 2 MB (bench-sized runs are
// not for npm test); a writer that held the thread for the whole job would answer none of the
// calls below until it had finished.

const FILES = 24;
const SIZE = 2 * 1024 * 1024;
let t: TestBackend;

beforeAll(async () => {
  t = openTestBackend();
  const ref = await t.call('reference.get', { year: 2024 });
  const indicators = ref.clusters.flatMap((c) => c.indicators);
  for (let i = 0; i < FILES; i++) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), crypto.randomBytes(SIZE)]);
    await t.call('evidence.attach', { indicatorId: indicators[i % indicators.length].id, evaluationYear: 2024, fileName: `bukti ${i + 1}.pdf`, base64: b64(bytes), evidenceDate: '2024-03-01' });
  }
}, 120_000);
afterAll(() => t.close());

describe('saving a large paket data dukung', () => {
  it('keeps answering calls and reports its progress file by file', async () => {
    const folder = tempDir('rakor-paket-besar-');
    // A year without files first: loads the workbook and Word modules once (a few hundred ms on
    // the first checklist of a run, whatever the package's size), so what is timed is the files.
    await t.call('evidence.savePackage', { year: 2019, folder: tempDir('rakor-paket-kosong-') });
    let finished = false;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const saving = t.call('evidence.savePackage', { year: 2024, folder }).finally(() => {
      finished = true;
    });
    const seen = new Set<number>();
    let answeredMeanwhile = 0;
    while (!finished) {
      const status: PackageStatus = await t.call('evidence.packageStatus', {});
      await t.call('evidence.completeness', { year: 2024 });
      if (!finished && status.running) {
        answeredMeanwhile++;
        seen.add(status.running.done);
        expect(status.running).toMatchObject({ year: 2024, total: FILES + 1 });
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const saved = await saving;
    clearInterval(timer);
    const took = performance.now() - started;
    console.log(`paket ${FILES} × 2 MB: ${Math.round(took)} ms, ${answeredMeanwhile} panggilan dijawab selama menyusun, jeda terpanjang ${Math.round(longestGap)} ms`);

    expect(saved).toMatchObject({ saved: true, files: FILES });
    expect(saved.saved && saved.bytes).toBeGreaterThan(FILES * SIZE);
    // Answered between files, and the count moved on in between (not only 0 and the end).
    expect(answeredMeanwhile).toBeGreaterThan(3);
    expect([...seen].filter((d) => d > 0 && d < FILES + 1).length).toBeGreaterThan(2);
    // No stretch held the thread for most of the job (a writer that read and wrote synchronously
    // would hold it for all of it); relative, so a loaded 2-core machine slows both sides alike.
    expect(longestGap).toBeLessThan(Math.max(took / 2, 200));
    expect(await t.call('evidence.packageStatus', {})).toMatchObject({ running: null });
    const entries = unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, 'Paket data dukung 2024.zip'))));
    expect(Object.keys(entries).filter((n) => n.endsWith('.pdf'))).toHaveLength(FILES);
  }, 120_000);
});
