// `npm run mutation`: the whole mutation measure (issue 14) in one command, shared/ and the core.
//
// The core is run in its seven parts (MUTATION_PART, stryker.config.mjs), one Stryker run after
// the other, rather than as one run: the whole core is hours on a 2-core machine. Each stage keeps
// its results in mutation-results/ (committed); a stage that is interrupted saves the mutants it
// had tested (Stryker's partial incremental report; not after a SIGKILL or a power cut), and
// running the command again re-tests only what is missing or whose code or covering tests
// changed, so it picks up where it stopped. A stage counts as finished only once its run ended
// well (mutation-results/finished.json): the figures of a stage cut short are shown as such and
// the command fails until it has finished. At the end it prints the score of each scope and each
// part and fails when a scope is under the goal.
//
//   npm run mutation                             # everything, one test runner
//   npm run mutation -- --concurrency 2          # a free machine: extra options go to Stryker
//   npm run mutation -- --only shared,core-year  # some stages (shared, core-<part>)
//   npm run mutation -- --summary                # only the figures of each stage's last run
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RESULTS_FOLDER, TABLE_HEADER, latestByFile, scorePercent, scoreText, sumTallies, tableRow, tallyPerReport } from './mutation-tally';

/** The goal of issue 14, on each scope. */
const GOAL_PERCENT = 80;

interface Stage {
  name: string;
  scope: 'shared' | 'core';
  part?: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The parts and their order are the config's own (one list of them).
const config = (await import(pathToFileURL(path.join(root, 'stryker.config.mjs')).href)) as { CORE_PART_NAMES: string[] };
const STAGES: Stage[] = [{ name: 'shared', scope: 'shared' }, ...config.CORE_PART_NAMES.map((part) => ({ name: `core-${part}`, scope: 'core' as const, part }))];
const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined;
const ownArgs = new Set(onlyIndex >= 0 ? [onlyIndex, onlyIndex + 1] : []);
const strykerArgs = args.filter((arg, i) => arg !== '--summary' && !ownArgs.has(i));

const unknown = only?.filter((name) => !STAGES.some((stage) => stage.name === name)) ?? [];
if (unknown.length > 0 || (only && only.length === 0)) {
  console.error(`--only takes stage names separated by commas: ${STAGES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** When each stage last ran to its end (ISO time); a stage missing here was cut short or never ran. */
const finishedFile = path.join(root, RESULTS_FOLDER, 'finished.json');
const readFinished = (): Record<string, string> => (fs.existsSync(finishedFile) ? (JSON.parse(fs.readFileSync(finishedFile, 'utf8')) as Record<string, string>) : {});
function markFinished(stage: string, finished: boolean): void {
  const record = readFinished();
  if (finished) record[stage] = new Date().toISOString();
  else delete record[stage];
  fs.writeFileSync(finishedFile, `${JSON.stringify(record, null, 2)}\n`);
}

if (!summaryOnly) {
  const started = Date.now();
  for (const stage of STAGES.filter((s) => !only || only.includes(s.name))) {
    const stageStarted = Date.now();
    console.log(`\n=== ${stage.name}: ${new Date(stageStarted).toISOString()} ===`);
    const env = { ...process.env, MUTATION_SCOPE: stage.scope, ...(stage.part ? { MUTATION_PART: stage.part } : {}) };
    if (!stage.part) delete env.MUTATION_PART;
    // Not finished until this run ends well: a run stopped half-way leaves partial results.
    markFinished(stage.name, false);
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], { cwd: root, env, stdio: 'inherit' });
    if (run.status === 0) markFinished(stage.name, true);
    console.log(`=== ${stage.name}: ${minutes(Date.now() - stageStarted)} (exit ${run.status ?? run.signal}) ===`);
    if (run.status !== 0) {
      console.error(`Stryker stopped in ${stage.name}; the parts before it are kept. Run the command again to go on.`);
      process.exit(run.status ?? 1);
    }
  }
  console.log(`\nAll stages: ${minutes(Date.now() - started)}`);
}

// The figures: one table per scope, a row per stage, from each stage's last results (committed in
// mutation-results/, so `--summary` on a fresh checkout tells where the last runs left it).
let belowGoal = false;
for (const scope of ['shared', 'core'] as const) {
  const names = STAGES.filter((s) => s.scope === scope).map((s) => s.name);
  let latest;
  try {
    latest = latestByFile(root, names, [RESULTS_FOLDER]);
  } catch (error) {
    console.error(`\n${scope}: ${(error as Error).message}`);
    belowGoal = true;
    continue;
  }
  const finished = readFinished();
  const cutShort = names.filter((name) => !finished[name]);
  const perReport = tallyPerReport(latest, names);
  const total = sumTallies(perReport.map(([, t]) => t));
  const label = (name: string) => (cutShort.includes(name) ? `${name} (cut short: only the mutants tested so far)` : name);
  const rows = names.length > 1 ? perReport.map(([n, t]) => tableRow(label(n), t)) : [];
  console.log(`\n${scope}: ${scoreText(total)} (goal ${GOAL_PERCENT}%)${cutShort.length > 0 ? ', not complete' : ''}\n`);
  console.log([...TABLE_HEADER, ...rows, tableRow(`**${scope}**`, total)].join('\n'));
  if ((scorePercent(total) ?? 0) < GOAL_PERCENT || cutShort.length > 0) belowGoal = true;
}
process.exit(belowGoal ? 1 : 0);
