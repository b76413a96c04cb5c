// Adds up StrykerJS JSON reports (reports/mutation/*.json) into one score: the whole core is run in
// parts (MUTATION_PART, see stryker.config.mjs) because a single run outlasts a working session on
// a 2-core machine. Prints a Markdown table per report and per file, and the surviving mutants.
//
//   npx tsx scripts/mutation-summary.ts core-db core-export core-backup core-files core-year core-meeting core-base
//   npx tsx scripts/mutation-summary.ts --survivors core-year
//   npx tsx scripts/mutation-summary.ts core-year core-letter       # core-letter re-measured letter.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: Status;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  ignored: number;
}

const empty = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, ignored: 0 });

/** Stryker's own definition: timeouts count as killed; compile and runtime errors and ignored
 * mutants are outside the score. */
function add(tally: Tally, status: Status): void {
  if (status === 'Killed' || status === 'Timeout') tally.killed++;
  else if (status === 'Survived') tally.survived++;
  else if (status === 'NoCoverage') tally.noCoverage++;
  else tally.ignored++;
}

const scored = (t: Tally) => t.killed + t.survived + t.noCoverage;
const score = (t: Tally) => (scored(t) === 0 ? '—' : `${((100 * t.killed) / scored(t)).toFixed(2)}%`);
const row = (name: string, t: Tally) => `| ${name} | ${scored(t)} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${score(t)} |`;

const args = process.argv.slice(2);
const listSurvivors = args.includes('--survivors');
const names = args.filter((a) => !a.startsWith('--'));
if (names.length === 0) {
  console.error('Usage: npx tsx scripts/mutation-summary.ts [--survivors] <report name>... (e.g. core-db core-export)');
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const total = empty();
const perReport: [string, Tally][] = [];
const perFile: [string, Tally][] = [];
const survivors: string[] = [];
const source = new Map<string, string[]>();

// A file measured again in a later report (a re-run after new tests) counts only there: later
// reports on the command line replace earlier ones file by file.
const latest = new Map<string, { name: string; mutants: Mutant[] }>();
for (const name of names) {
  const file = path.join(root, 'reports/mutation', `${name}.json`);
  if (!fs.existsSync(file)) {
    console.error(`Missing report ${path.relative(root, file)}: run that part first.`);
    process.exit(1);
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  for (const [filePath, { mutants }] of Object.entries(report.files)) latest.set(filePath, { name, mutants });
}

for (const name of names) {
  const reportTally = empty();
  const files = [...latest].filter(([, owner]) => owner.name === name).sort(([a], [b]) => a.localeCompare(b));
  for (const [filePath, { mutants }] of files) {
    const fileTally = empty();
    for (const mutant of mutants) {
      add(total, mutant.status);
      add(reportTally, mutant.status);
      add(fileTally, mutant.status);
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
      if (!source.has(filePath)) source.set(filePath, fs.readFileSync(path.join(root, filePath), 'utf8').split('\n'));
      const { line } = mutant.location.start;
      const code = (source.get(filePath)?.[line - 1] ?? '').trim().slice(0, 90);
      const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
      survivors.push(`- \`${filePath}:${line}\` ${mutant.status} ${mutant.mutatorName} → \`${replacement}\` in \`${code}\``);
    }
    perFile.push([filePath, fileTally]);
  }
  perReport.push([name, reportTally]);
}

const header = ['| scope | mutants scored | killed | survived | no coverage | score |', '|---|---:|---:|---:|---:|---:|'];
console.log([...header, ...perReport.map(([n, t]) => row(n, t)), row('**total**', total)].join('\n'));
console.log(`\n(ignored: ${total.ignored} static, compile-error or runtime-error mutants, outside the score)\n`);
console.log([...header, ...perFile.map(([n, t]) => row(`\`${n}\``, t))].join('\n'));
if (listSurvivors) console.log(`\n${survivors.join('\n')}`);
