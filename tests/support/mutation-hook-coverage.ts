import { afterAll, beforeAll, inject } from 'vitest';

// Mutation runs only (vitest.mutation.config.ts lists this after Stryker's own setup file).
//
// Stryker's Vitest runner records which test covers a mutant by the test that is running when
// the mutated code executes, and it names a test only between beforeEach and afterEach. Code run
// from a file's or a describe's beforeAll (where most backend tests build their backend, handler
// map included, or a year fixture) is then recorded as "static", covered by no test. Such a
// mutant is either ignored or run only against the few tests that happen to build their own
// backend inside the test, which never call the operation, so it "survives": the whole Papan
// indikator handler map removed survived although indicator-board.test.ts reads the board.
//
// In the dry run, this file gives the code a file's hooks run a pseudo-test name, then credits
// what it covered to every test of that file. In a mutant run Stryker activates the mutant in a
// beforeAll that runs before the file's own, so those tests then do meet the mutant.

declare module 'vitest' {
  // What Stryker's Vitest runner provides to its own setup file (@stryker-mutator/vitest-runner).
  interface ProvidedContext {
    globalNamespace: string;
    mode: 'dry-run' | 'mutant';
    testNameSeparator: string;
  }
}

type Coverage = { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
type StrykerGlobal = { currentTestId?: string; mutantCoverage?: Coverage };
type Task = { name: string; type: string; mode: string; suite?: Task; tasks?: Task[]; file?: { filepath: string } };

const HOOKS = '(hooks of the file)';
// Outside Stryker (plain `vitest -c vitest.mutation.config.ts`) nothing is provided: do nothing.
const namespace = inject('globalNamespace');
const ns = namespace ? (((globalThis as Record<string, unknown>)[namespace] ??= {}) as StrykerGlobal) : undefined;

if (ns && inject('mode') === 'dry-run') {
  const separator = inject('testNameSeparator');
  let named: string | undefined;
  let inFile = false;
  Object.defineProperty(ns, 'currentTestId', {
    configurable: true,
    get: () => named ?? (inFile ? HOOKS : undefined),
    set: (value: string | undefined) => {
      named = value;
    },
  });
  beforeAll(() => {
    inFile = true;
  });
  // Vitest reads the hook's first parameter as a fixture pattern: it must be an object pattern.
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, suite) => {
    inFile = false;
    const coverage = ns.mutantCoverage;
    const hooks = coverage?.perTest[HOOKS];
    if (!coverage || !hooks) return;
    delete coverage.perTest[HOOKS];
    for (const test of testsOf(suite as unknown as Task)) {
      const own = (coverage.perTest[testId(test, separator)] ??= {});
      for (const [mutant, hits] of Object.entries(hooks)) own[mutant] = (own[mutant] ?? 0) + hits;
    }
  });
}

/** The tests of a suite that ran: a skipped test is not in Stryker's dry-run results. */
function testsOf(task: Task): Task[] {
  if (task.type === 'test') return task.mode === 'skip' || task.mode === 'todo' ? [] : [task];
  return (task.tasks ?? []).flatMap(testsOf);
}

/** The id Stryker's own setup file gives a test: file path, then suite and test names. */
function testId(test: Task, separator: string): string {
  const names = [test.name];
  for (let suite = test.suite; suite; suite = suite.suite) names.unshift(suite.name);
  return `${test.file?.filepath ?? 'unknown.js'}#${names.join(separator).trim()}`;
}
