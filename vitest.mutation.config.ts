import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The test set Stryker runs for each mutant (`npm run mutation`, see docs/testing.md). It leaves
// out the tests that start a browser, LibreOffice, a child process (a child does not see the
// active mutant, so it cannot kill one) or rebuild dist/: each takes seconds to minutes, and a
// mutation run repeats the covering tests for every one of thousands of mutants on a 2-core
// machine. `npm test` still runs all of them.
export const MUTATION_EXCLUDED_TESTS = [
  'tests/e2e/**', // Chromium through the web runtime
  'tests/renderer/**', // renderer query cache: not in a mutated scope
  'tests/electron/**', // rebuild dist/main, spawn the bundled main process, electron-builder
  'tests/web-runtime/**', // HTTP runtime (and a minute of malformed requests)
  'tests/api/boundary-fuzz.test.ts', // a minute of random payloads whose oracle is the contract
  'tests/export/libreoffice-render.test.ts', // LibreOffice + poppler render of the .docx
  'tests/export/signatures-and-page-numbers-render.test.ts', // same
  'tests/database/crash-safety.test.ts', // kills child writer processes
  'tests/backup/killed-backup-and-restore-recover.test.ts', // kills child processes
  'tests/format/time-zone-independence.test.ts', // child processes under other TZ values
  'tests/cli/**', // spawns tsx: the child never sees the active mutant
  'tests/board/cli-export-rekap-instansi.test.ts', // same
  'tests/evidence/cli-import-export-data-dukung.test.ts', // same
  'tests/database/data-folder-is-absolute.test.ts', // same
  'tests/evidence/killed-attach.test.ts', // kills child writer processes
  'tests/export/save-file-cut-short.test.ts', // a child writing under a file-size limit
  'tests/**/*-ui.test.ts', // Chromium through the web runtime, outside tests/e2e
  'tests/evidence/attach-many-stays-responsive.test.ts', // same
];

/**
 * shared/ is pure code: its mutants are judged by the unit tests alone (fast, so a run takes
 * minutes instead of an hour). A mutant in shared/ that only a SQLite or export test notices is
 * a gap in the unit tests, and counts as one.
 */
const SHARED_UNIT_TESTS = [
  'tests/shared/**/*.test.ts',
  'tests/format/indonesian-formats.test.ts',
  'tests/format/region-clock.test.ts',
  'tests/score/score-rules.test.ts',
  // The Word writer's unit tests read the document model of shared/document.ts.
  'tests/export/word-writer-blocks.test.ts',
  'tests/export/attendance-table-columns.test.ts',
  'tests/export/column-widths.test.ts',
  'tests/export/documentation-photo-choice.test.ts',
  'tests/reference/predikat-bands.test.ts',
  'tests/api/schema-boundaries.test.ts',
  'tests/database/partial-update.test.ts',
  'tests/agency/agency-duplicates.test.ts',
];

/**
 * The core's own unit tests (tests/core: SQLite files opened directly, no backend, documents
 * read back from docx) plus the short service tests of agencies, migrations and patches. The
 * SQLite integration tests through the backend (meeting, backup, export API, notulen) open a
 * migrated database per test; with them a core run took hours on this machine. A mutant only
 * they can kill counts as a gap in the unit tests here.
 */
const CORE_TESTS = [
  'tests/core/**/*.test.ts',
  'tests/database/partial-update.test.ts',
  'tests/database/migrations.test.ts',
  'tests/agency/agency-duplicates.test.ts',
];

// `core` (the whole core outside Word layout) and `all` use every test above that a mutation
// run can afford: the feature handlers are tested through the backend.
const SCOPE_TESTS: Record<string, string[]> = { shared: SHARED_UNIT_TESTS, 'core-stable': CORE_TESTS };

// Built from the base test options rather than mergeConfig: mergeConfig concatenates arrays,
// which would keep every test of `include`.
export default defineConfig({
  test: {
    ...base.test,
    // MUTATION_TESTS (comma-separated globs) narrows the set for re-measuring a few files after new
    // tests: the dry run then takes seconds instead of the whole set's minutes. A mutant another
    // test would have killed then counts as survived, so such a figure errs low, never high.
    include: process.env.MUTATION_TESTS?.split(',') ?? SCOPE_TESTS[process.env.MUTATION_SCOPE ?? ''] ?? base.test?.include,
    exclude: ['**/node_modules/**', ...MUTATION_EXCLUDED_TESTS],
    // The global setup builds dist/ for the browser and Electron tests, which are left out here.
    globalSetup: [],
    // Credits code run in a test file's beforeAll to that file's tests (see the file's comment).
    setupFiles: [base.test?.setupFiles ?? [], 'tests/support/mutation-hook-coverage.ts'].flat(),
    // Tests that mix service checks with a LibreOffice render keep the checks and skip the render.
    // Backup and restore run on the test's own thread: in the worker thread the mutant is not
    // active and its coverage is not seen, so every backup mutant would count as not covered.
    env: { ...base.test?.env, RAKOR_SKIP_RENDER: '1', RAKOR_TEST_TIME_CAP: '30000', RAKOR_BACKUP_WORKER: '0' },
    // Stryker runs one test runner per worker process; vitest inside it stays single-threaded
    // so `concurrency` alone decides how many cores a run takes.
    maxWorkers: 1,
    fileParallelism: false,
    // A mutant that drops a resolve (the evidence group commit, a stream's end) leaves its test
    // awaiting forever: it is caught by the timeout, and at `npm test`'s 60 s (or a test's own
    // 60–180 s, capped by RAKOR_TEST_TIME_CAP through tests/support/time-limit.ts) each such
    // mutant held a runner for minutes. The slowest tests of this set (a zip bomb, hostile
    // backups) take 11 s with a CI run beside them.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
