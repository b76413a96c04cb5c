// Reading StrykerJS JSON reports (reports/mutation/<name>.json) and adding them up with Stryker's
// own definition of the score. Used by the `npm run mutation` driver and by
// `npm run mutation:summary`.
import fs from 'node:fs';
import path from 'node:path';

export type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: Status;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

export interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  ignored: number;
}

export const emptyTally = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, ignored: 0 });

/** Timeouts count as killed; compile and runtime errors and ignored mutants are outside the score. */
export function addStatus(tally: Tally, status: Status): void {
  if (status === 'Killed' || status === 'Timeout') tally.killed++;
  else if (status === 'Survived') tally.survived++;
  else if (status === 'NoCoverage') tally.noCoverage++;
  else tally.ignored++;
}

export const scoredCount = (t: Tally) => t.killed + t.survived + t.noCoverage;
export const scorePercent = (t: Tally) => (scoredCount(t) === 0 ? null : (100 * t.killed) / scoredCount(t));
export const scoreText = (t: Tally) => {
  const percent = scorePercent(t);
  return percent === null ? '—' : `${percent.toFixed(2)}%`;
};

/** Where Stryker's JSON reporter writes (reports/, not committed). */
export const REPORTS_FOLDER = 'reports/mutation';
/** The incremental results of `npm run mutation`'s stages: full reports too, and committed. */
export const RESULTS_FOLDER = 'mutation-results';

export const reportFile = (root: string, name: string, folder = REPORTS_FOLDER) => path.join(root, folder, `${name}.json`);

export interface FileResult {
  report: string;
  mutants: Mutant[];
}

/** Every mutated file with the mutants of the last report (in the order given) that holds it: a
 * file re-measured after new tests counts once, from its latest run. Each report is read from the
 * first folder that has it (a fresh run's reports/, else the committed results); throws when none
 * has it. */
export function latestByFile(root: string, names: string[], folders = [REPORTS_FOLDER, RESULTS_FOLDER]): Map<string, FileResult> {
  const latest = new Map<string, FileResult>();
  for (const name of names) {
    const candidates = folders.map((folder) => reportFile(root, name, folder));
    const file = candidates.find((candidate) => fs.existsSync(candidate));
    if (!file) throw new Error(`Missing report ${candidates.map((c) => path.relative(root, c)).join(' or ')}: run that part first.`);
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
    for (const [filePath, { mutants }] of Object.entries(report.files)) latest.set(filePath, { report: name, mutants });
  }
  return latest;
}

/** The tally of each report's own files (after replacement), in the order given. */
export function tallyPerReport(latest: Map<string, FileResult>, names: string[]): [string, Tally][] {
  return names.map((name) => {
    const tally = emptyTally();
    for (const { report, mutants } of latest.values()) {
      if (report === name) for (const mutant of mutants) addStatus(tally, mutant.status);
    }
    return [name, tally];
  });
}

export function sumTallies(tallies: Tally[]): Tally {
  const total = emptyTally();
  for (const t of tallies) {
    total.killed += t.killed;
    total.survived += t.survived;
    total.noCoverage += t.noCoverage;
    total.ignored += t.ignored;
  }
  return total;
}

export const TABLE_HEADER = ['| scope | mutants scored | killed | survived | no coverage | score |', '|---|---:|---:|---:|---:|---:|'];
export const tableRow = (name: string, t: Tally) =>
  `| ${name} | ${scoredCount(t)} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${scoreText(t)} |`;
