import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createBackend } from '../src-main/core/backend';
import { EVIDENCE_ATTACHES_IN_FLIGHT } from '../shared/api/evidence';

// Attaching many photos (issue 13): 200 files of 4 MB each (JPEG signature, random bytes, so
// nothing is deduplicated) attached through `backend.invoke('evidence.attach')` with the file as
// bytes, as the upload route and Electron's IPC send it (validation, type sniffing, sha256, temp
// file, fsync, rename, folder fsync, row insert, COMMIT with synchronous=FULL): once one by one,
// once with EVIDENCE_ATTACHES_IN_FLIGHT at a time as the renderer sends them (group commit). In
// the same run the same files are copied with `cp` (and, for the durable comparison, `cp`
// followed by `sync`).
// Each side reads its source files from the same warm page cache.
//   npx tsx bench/evidence-attach.ts [count] [megabytes]

const COUNT = Number(process.argv[2] ?? 200);
const MB = Number(process.argv[3] ?? 4);

function makeSources(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const bytes = crypto.randomBytes(MB * 1024 * 1024);
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const file = path.join(dir, `foto-${String(i + 1).padStart(3, '0')}.jpg`);
    fs.writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}

function seconds(fn: () => void): number {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

/**
 * Every source attached to a new rakor with `inFlight` attaches running at once (1: each
 * awaited before the next; the renderer keeps EVIDENCE_ATTACHES_IN_FLIGHT). Reading each source
 * is part of the time, as the renderer's File read is part of the UI path.
 */
async function attachAll(dataDir: string, sources: string[], inFlight: number): Promise<number> {
  const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
  const created = await backend.invoke('meeting.create', { title: 'Rakor dokumentasi', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
  if (!created.ok) throw new Error(created.error.message);
  const meetingId = (created.data as { id: number }).id;
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const file = sources[next++]!;
      const bytes = await fs.promises.readFile(file);
      const result = await backend.invoke('evidence.attach', { meetingId, fileName: path.basename(file), bytes, title: '', evidenceDate: '2025-03-10', notes: '' });
      if (!result.ok) throw new Error(result.error.message);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  backend.close();
  return seconds;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-evidence-bench-'));
  const sources = makeSources(path.join(root, 'sumber'));
  // Warm the page cache for both sides.
  for (const f of sources) fs.readFileSync(f);

  const cpTarget = path.join(root, 'salinan-cp');
  fs.mkdirSync(cpTarget);
  const cp = seconds(() => execFileSync('cp', [...sources, cpTarget]));
  const cpSyncTarget = path.join(root, 'salinan-cp-sync');
  fs.mkdirSync(cpSyncTarget);
  const cpSync = seconds(() => {
    execFileSync('cp', [...sources, cpSyncTarget]);
    execFileSync('sync', ['-f', cpSyncTarget]);
  });

  const oneByOne = await attachAll(path.join(root, 'data-satu-satu'), sources, 1);
  const inFlight = await attachAll(path.join(root, 'data-bersamaan'), sources, EVIDENCE_ATTACHES_IN_FLIGHT);

  const total = (COUNT * MB) / 1024;
  console.log(`${COUNT} berkas × ${MB} MB (${total.toFixed(2)} GB)`);
  console.log(`cp:                 ${cp.toFixed(2)} s`);
  console.log(`cp + sync:          ${cpSync.toFixed(2)} s`);
  for (const [label, core] of [['satu per satu', oneByOne], [`${EVIDENCE_ATTACHES_IN_FLIGHT} sekaligus`, inFlight]] as const) {
    console.log(`core attach, ${label}: ${core.toFixed(2)} s; ratio / cp ${(core / cp).toFixed(2)}, / (cp + sync) ${(core / cpSync).toFixed(2)}`);
  }
  fs.rmSync(root, { recursive: true, force: true });
}

void main();
