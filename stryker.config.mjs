// @ts-check
// Mutation testing (StrykerJS + Vitest): `npm run mutation` (everything), `npm run mutation:shared`,
// `npm run mutation:core`; how to read the result is in docs/testing.md. Not part of `npm test`.

/** Purely Word layout (fonts, margins, borders, widths): a changed twip is not a behaviour the
 * tests can state without restating the constant. The documents' content (labels, text, body,
 * Lampiran rows, file names) stays in scope. */
const WORD_LAYOUT = [
  'src-main/core/export/style.ts',
  'src-main/core/export/page-setup.ts',
  'src-main/core/export/tables.ts',
  'src-main/core/export/text-width.ts',
  'src-main/core/export/letterhead.ts',
  'src-main/core/export/signatures.ts',
  'src-main/core/export/lampiran-heading.ts',
  'src-main/core/agency-recap/letter-layout.ts',
];

/** Data, not logic: demo rows and the frozen seed of migration 0002. */
const DATA = ['src-main/core/demo/**', 'src-main/core/db/migrations/*_seed_data.ts'];

const SCOPES = {
  shared: ['shared/**/*.ts'],
  core: ['src-main/core/**/*.ts', ...[...WORD_LAYOUT, ...DATA].map((p) => `!${p}`)],
  /** The core modules that were stable when mutation testing was introduced (issue 14). */
  'core-stable': [
    'src-main/core/db/{rows,patch,clock,health,open-checked,database}.ts',
    'src-main/core/export/{text,file-name,labels,minutes-body}.ts',
    'src-main/core/backup/{rotation,metadata,zip-entry}.ts',
    'src-main/core/agency/**/*.ts',
    'src-main/core/reference/**/*.ts',
  ],
};

/** The core in parts (`MUTATION_PART`, with `MUTATION_SCOPE=core`): the whole core is about
 * 9,500 mutants, a run of several hours on a 2-core machine, longer than a working session.
 * Each part (600 to 1,900 mutants, 10 to 40 minutes) is run and kept on its own; `npm run
 * mutation` runs them one after the other and adds them up. */
const FEATURE_GROUPS = {
  /** Tindak lanjut, Papan indikator, Beranda, Rekap per instansi, anggaran, nilai. */
  year: ['tracker', 'board', 'dashboard', 'agency-recap', 'budget', 'score'],
  /** One rakor's workspace: its record, attendance, reviews, RTLs, decisions, agenda. */
  meeting: ['meeting', 'attendance', 'action-item', 'follow-up', 'decision', 'agenda-item', 'assignment', 'indicator-review', 'trash', 'workspace'],
};
/** In the order `npm run mutation` runs them (scripts/mutation.ts reads CORE_PART_NAMES): the
 * shorter parts first, so a run cut short has figures for more of the core. */
const CORE_PARTS = {
  meeting: FEATURE_GROUPS.meeting.map((dir) => `src-main/core/${dir}/**/*.ts`),
  files: ['src-main/core/evidence/**/*.ts', 'src-main/core/snapshot/**/*.ts'],
  /** The rest: the backend and its start-up, reference data, agencies, the region profile. */
  base: [
    'src-main/core/**/*.ts',
    ...['db', 'export', 'backup', 'evidence', 'snapshot', ...FEATURE_GROUPS.year, ...FEATURE_GROUPS.meeting].map(
      (dir) => `!src-main/core/${dir}/**`,
    ),
  ],
  year: FEATURE_GROUPS.year.map((dir) => `src-main/core/${dir}/**/*.ts`),
  db: ['src-main/core/db/**/*.ts'],
  backup: ['src-main/core/backup/**/*.ts'],
  export: ['src-main/core/export/**/*.ts'],
};
export const CORE_PART_NAMES = Object.keys(CORE_PARTS);

const scope = process.env.MUTATION_SCOPE ?? 'all';
const part = process.env.MUTATION_PART;
const scoped = scope === 'all' ? [...SCOPES.shared, ...SCOPES.core] : SCOPES[/** @type {keyof typeof SCOPES} */ (scope)];
if (!scoped) throw new Error(`MUTATION_SCOPE must be one of all, ${Object.keys(SCOPES).join(', ')}`);
const partGlobs = part ? CORE_PARTS[/** @type {keyof typeof CORE_PARTS} */ (part)] : undefined;
if (part && (scope !== 'core' || !partGlobs)) {
  throw new Error(`MUTATION_PART needs MUTATION_SCOPE=core and one of ${Object.keys(CORE_PARTS).join(', ')}`);
}
// A part keeps the scope's exclusions (the `!` patterns) and narrows what it includes.
const mutate = partGlobs ? [...partGlobs, ...scoped.filter((glob) => glob.startsWith('!'))] : scoped;
const reportName = part ? `${scope}-${part}` : scope;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // No type-checker plugin: @stryker-mutator/typescript-checker held 2 GB and had not finished
  // checking shared/'s 815 mutants after three minutes on this machine. A mutant that would not
  // type-check still runs; it is nearly always killed (e.g. an unknown message key throws).
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: the message catalogue, labels, zod schemas built at
  // import) need the whole test set re-run in a fresh process per mutant: ~470 of them in shared/
  // alone, ~30 s each here. They are reported as "Ignored" and not in the score; a full run is
  // MUTATION_STATIC=1 in the environment (see docs/testing.md).
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  mutate,
  // Shared machine with two cores: one test runner (plus the checker). `-c 2` when it is free.
  concurrency: 1,
  // A mutant's time limit is its covering tests' time × timeoutFactor + timeoutMS. Code every
  // test runs (backend.ts) is covered by the whole set: ~80 s of tests plus ~50 s of runner
  // overhead here, so with 1.5 × + 10 s a mutant that all tests pass "timed out" and counted as
  // killed. A test that awaits forever is stopped by Vitest's own limit (vitest.mutation.config.ts),
  // so this limit is only for a mutant that loops without yielding.
  timeoutMS: 60_000,
  timeoutFactor: 2,
  // Re-test only mutants whose code or covering tests changed since the last run of this scope.
  // The results of `npm run mutation`'s eight stages are committed (mutation-results/, see
  // .gitignore): the whole measure takes longer than a working session here, and a fresh
  // checkout then re-tests only what changed since each stage last ran.
  incremental: true,
  incrementalFile: `mutation-results/${reportName}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['dist', 'out', '.data', '.tmp', 'reports', 'mutation-results', 'test-results', 'bench', 'src-renderer'],
  tempDirName: '.stryker-tmp',
};
