import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets its own temporary folder, removed when the file ends. Tests make data
// folders, backups and Chromium profiles under os.tmpdir() by the hundred; before this, a full
// `npm test` left them all behind, and mutation runs (the same files thousands of times) piled
// up over a hundred thousand, until the disk was full and tests that write files failed at once.
//
// Setting TMPDIR here moves os.tmpdir() for this worker and for every child process it starts
// (tsx commands, Chromium, LibreOffice, the Electron bundle): they all inherit the environment.
// A test that wants a folder to outlive its own file has no business in /tmp.
// Under `npm test` the global setup has made one folder for the whole run (RAKOR_TEST_RUN_TMPDIR)
// and removes it at the end, with whatever a file whose tests were all skipped (no afterAll
// runs then) left in it.
const outer = process.env.RAKOR_TEST_OUTER_TMPDIR ?? process.env.RAKOR_TEST_RUN_TMPDIR ?? os.tmpdir();
process.env.RAKOR_TEST_OUTER_TMPDIR = outer;
const root = fs.mkdtempSync(path.join(outer, 'rakor-test-file-'));
process.env.TMPDIR = root;

afterAll(() => {
  process.env.TMPDIR = outer;
  // Registered before any hook of the test file itself, so with Vitest's stacked hook order it
  // runs after them: backends, servers and browsers are closed by then.
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
