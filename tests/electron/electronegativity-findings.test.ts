import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { tempDir } from '../support/backup-helpers';

// Electronegativity (Doyensec's Electron security linter) over the sources and over the built
// main-process bundle: no finding of medium severity or above. Suppressions live on the line
// they concern, each with its reason (`eng-disable CHECK -- why`): one, on the preload in main.ts.
//
// The tool fetches translations and Electron's release list from the internet at each run;
// this machine and CI have none, and a test must not reach out, so `got` (its HTTP client) is
// replaced by one that fails at once: it then uses its bundled English texts, and the release
// check (known fixes for our Electron version) says it could not connect. Electron's version
// is given, since the tool cannot read it from a bundle.

const root = path.resolve(__dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

interface Issue {
  id: string;
  severity: { name: string; value: number };
  file: string;
  location?: { line: number };
  sample?: string;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: unknown[] }>;
let run: Run;

beforeAll(() => {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'got' ? () => Promise.reject(new Error('luring: tidak ada jaringan')) : original(request, ...rest));
  run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
});

async function scan(input: string): Promise<string[]> {
  const log = console.log;
  console.log = () => undefined;
  try {
    const result = await run({ input, electronVersionOverride: ELECTRON_VERSION, severitySet: 'MEDIUM', isRelative: true });
    expect(result.errors).toEqual([]);
    // Global checks ignore severitySet: filter here (LOW = 1, MEDIUM = 2, HIGH = 3).
    return result.issues.filter((i) => i.severity.value >= 2).map((i) => `${i.id} ${i.severity.name} ${i.file}:${i.location?.line ?? 0} ${(i.sample ?? '').slice(0, 80)}`);
  } finally {
    console.log = log;
  }
}

describe('Electronegativity', () => {
  it('finds nothing of medium severity or above in the sources (main, preload, renderer)', async () => {
    // One tree as the app is: the shell, the core, and the renderer whose index.html carries
    // the CSP meta tag (the shell also sends the CSP header).
    const tree = tempDir('rakor-eng-src-');
    for (const dir of ['src-main', 'src-renderer', 'shared']) fs.cpSync(path.join(root, dir), path.join(tree, dir), { recursive: true });
    expect(await scan(tree)).toEqual([]);
  }, 120_000);

  it('finds nothing of medium severity or above in the built bundle', async () => {
    // The tool reads .js, not .cjs: scan a copy of dist/main with .js names.
    const tree = tempDir('rakor-eng-dist-');
    fs.mkdirSync(path.join(tree, 'main'));
    for (const name of ['main', 'preload']) fs.copyFileSync(path.join(root, 'dist/main', `${name}.cjs`), path.join(tree, 'main', `${name}.js`));
    // The renderer's index.html (its CSP meta tag) comes along; its bundled JavaScript does not:
    // the tool's scope analysis stops at class private fields (react-query), and the renderer's
    // code is covered by the source scan above.
    fs.mkdirSync(path.join(tree, 'renderer'));
    fs.copyFileSync(path.join(root, 'dist/renderer/index.html'), path.join(tree, 'renderer', 'index.html'));
    expect(fs.statSync(path.join(tree, 'main', 'main.js')).size).toBeGreaterThan(100_000);
    expect(await scan(tree)).toEqual([]);
  }, 120_000);
});
