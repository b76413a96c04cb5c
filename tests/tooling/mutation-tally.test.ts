import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestByFile, scorePercent, sumTallies, tallyPerReport } from '../../scripts/mutation-tally';

// How `npm run mutation` adds up the reports of its stages: Stryker's own score (timeouts count as
// killed; ignored, compile and runtime errors are outside it), and a file measured again in a later
// report counting only there.

const mutant = (status: string, line = 1) => ({ mutatorName: 'X', status, location: { start: { line, column: 1 } } });

function writeReports(reports: Record<string, Record<string, ReturnType<typeof mutant>[]>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mutation-tally-'));
  fs.mkdirSync(path.join(root, 'results'));
  for (const [name, files] of Object.entries(reports)) {
    const json = { files: Object.fromEntries(Object.entries(files).map(([file, mutants]) => [file, { mutants }])) };
    fs.writeFileSync(path.join(root, 'results', `${name}.json`), JSON.stringify(json));
  }
  return root;
}

describe('adding up mutation reports', () => {
  it("scores by Stryker's definition", () => {
    const root = writeReports({
      a: { 'x.ts': ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'].map((s) => mutant(s)) },
    });
    const [[name, tally]] = tallyPerReport(latestByFile(root, ['a'], ['results']), ['a']);
    expect(name).toBe('a');
    expect(tally).toEqual({ killed: 2, survived: 1, noCoverage: 1, ignored: 3 });
    expect(scorePercent(tally)).toBe(50);
    expect(scorePercent({ killed: 0, survived: 0, noCoverage: 0, ignored: 4 })).toBeNull();
  });

  it('counts a file once, from the last report that holds it', () => {
    const root = writeReports({
      part: { 'x.ts': [mutant('Survived'), mutant('Survived')], 'y.ts': [mutant('Killed')] },
      again: { 'x.ts': [mutant('Killed'), mutant('Survived')] },
    });
    const perReport = tallyPerReport(latestByFile(root, ['part', 'again'], ['results']), ['part', 'again']);
    expect(perReport).toEqual([
      ['part', { killed: 1, survived: 0, noCoverage: 0, ignored: 0 }],
      ['again', { killed: 1, survived: 1, noCoverage: 0, ignored: 0 }],
    ]);
    expect(sumTallies(perReport.map(([, t]) => t))).toEqual({ killed: 2, survived: 1, noCoverage: 0, ignored: 0 });
  });

  it('reads each report from the first folder that has it, and names the one missing', () => {
    const root = writeReports({ a: { 'x.ts': [mutant('Killed')] } });
    fs.mkdirSync(path.join(root, 'fresh'));
    fs.writeFileSync(path.join(root, 'fresh', 'a.json'), JSON.stringify({ files: { 'x.ts': { mutants: [mutant('Survived')] } } }));
    expect(tallyPerReport(latestByFile(root, ['a'], ['fresh', 'results']), ['a'])[0][1].survived).toBe(1);
    expect(tallyPerReport(latestByFile(root, ['a'], ['results', 'fresh']), ['a'])[0][1].killed).toBe(1);
    expect(() => latestByFile(root, ['a', 'core-db'], ['fresh', 'results'])).toThrow(
      'Missing report fresh/core-db.json or results/core-db.json: run that part first.',
    );
  });
});
