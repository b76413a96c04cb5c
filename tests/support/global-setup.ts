import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Build the renderer and the main-process bundles once, before any test file runs, so that the
// browser tests never run against a stale dist/renderer and no two workers rebuild dist/main at
// the same time. Tests only read dist/.
const root = path.resolve(import.meta.dirname, '../..');

export default function setup(): () => void {
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  run([path.join(root, 'scripts/build-main.mjs')]);
  // One temporary folder for the run, under which each test file makes its own (temp-root.ts);
  // the workers inherit this environment. Removed when the run ends.
  const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-test-run-'));
  process.env.RAKOR_TEST_RUN_TMPDIR = runTmp;
  return () => fs.rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
}
