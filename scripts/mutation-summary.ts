// Adds up StrykerJS JSON reports into one score, e.g. the parts of the core that `npm run mutation`
// runs one after the other (MUTATION_PART, see stryker.config.mjs). A report is read from
// reports/mutation/<name>.json, else from the committed mutation-results/<name>.json. Prints a
// Markdown table per report and per file, and the surviving mutants.
//
//   npx tsx scripts/mutation-summary.ts core-db core-export core-backup core-files core-year core-meeting core-base
//   npx tsx scripts/mutation-summary.ts --survivors core-year
//   npx tsx scripts/mutation-summary.ts core-year core-letter       # core-letter re-measured letter.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_HEADER, addStatus, emptyTally, latestByFile, sumTallies, tableRow, tallyPerReport, type Tally } from './mutation-tally';

const args = process.argv.slice(2);
const listSurvivors = args.includes('--survivors');
const names = args.filter((a) => !a.startsWith('--'));
if (names.length === 0) {
  console.error('Usage: npx tsx scripts/mutation-summary.ts [--survivors] <report name>... (e.g. core-db core-export)');
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let latest;
try {
  latest = latestByFile(root, names);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const perReport = tallyPerReport(latest, names);
const perFile: [string, Tally][] = [];
const survivors: string[] = [];
for (const [filePath, { mutants }] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
  const fileTally = emptyTally();
  let lines: string[] | undefined;
  for (const mutant of mutants) {
    addStatus(fileTally, mutant.status);
    if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
    lines ??= fs.readFileSync(path.join(root, filePath), 'utf8').split('\n');
    const { line } = mutant.location.start;
    const code = (lines[line - 1] ?? '').trim().slice(0, 90);
    const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
    survivors.push(`- \`${filePath}:${line}\` ${mutant.status} ${mutant.mutatorName} → \`${replacement}\` in \`${code}\``);
  }
  perFile.push([filePath, fileTally]);
}

const total = sumTallies(perReport.map(([, t]) => t));
console.log([...TABLE_HEADER, ...perReport.map(([n, t]) => tableRow(n, t)), tableRow('**total**', total)].join('\n'));
console.log(`\n(ignored: ${total.ignored} static, compile-error or runtime-error mutants, outside the score)\n`);
console.log([...TABLE_HEADER, ...perFile.map(([n, t]) => tableRow(`\`${n}\``, t))].join('\n'));
if (listSurvivors) console.log(`\n${survivors.join('\n')}`);
