import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createBackend } from '../src-main/core/backend';

// Attaching many photos (issue 13): 200 files of 4 MB each (JPEG signature, random bytes, so
// nothing is deduplicated) attached one by one through `backend.invoke('evidence.attach')` with
// the file as bytes, as the upload route and Electron's IPC send it (validation, type sniffing, sha256, temp file,
// fsync, rename, folder fsync, row insert, COMMIT with synchronous=FULL). In the same run the
// same files are copied with `cp` (and, for the durable comparison, `cp` followed by `sync`).
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

  const dataDir = path.join(root, 'data');
  const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
  const created = await backend.invoke('meeting.create', { title: 'Rakor dokumentasi', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
  if (!created.ok) throw new Error(created.error.message);
  const meetingId = (created.data as { id: number }).id;
  let read = 0;
  let invoke = 0;
  for (const file of sources) {
    let start = performance.now();
    const bytes = fs.readFileSync(file);
    read += performance.now() - start;
    start = performance.now();
    const result = await backend.invoke('evidence.attach', { meetingId, fileName: path.basename(file), bytes, title: '', evidenceDate: '2025-03-10', notes: '' });
    invoke += performance.now() - start;
    if (!result.ok) throw new Error(result.error.message);
  }
  backend.close();
  const core = (read + invoke) / 1000;

  const total = (COUNT * MB) / 1024;
  console.log(`${COUNT} berkas × ${MB} MB (${total.toFixed(2)} GB)`);
  console.log(`cp:                 ${cp.toFixed(2)} s`);
  console.log(`cp + sync:          ${cpSync.toFixed(2)} s`);
  console.log(`core attach:        ${core.toFixed(2)} s  (read ${(read / 1000).toFixed(2)} s, invoke ${(invoke / 1000).toFixed(2)} s)`);
  console.log(`ratio core / cp:        ${(core / cp).toFixed(2)}`);
  console.log(`ratio core / cp + sync: ${(core / cpSync).toFixed(2)}`);
  fs.rmSync(root, { recursive: true, force: true });
}

void main();
