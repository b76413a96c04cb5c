import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Child processes the crash tests kill: bundled once per test file (a spawn then costs a Node
// start, not a TypeScript compile) and run with the project's Node 22.

export const ROOT = path.resolve(__dirname, '../..');
export const NODE = fs.existsSync(path.join(ROOT, 'node_modules/node/bin/node')) ? path.join(ROOT, 'node_modules/node/bin/node') : process.execPath;

/** Bundles `entry` (relative to the root) to an .mjs two levels below the root and returns its path. */
export async function bundleChild(entry: string, name: string): Promise<{ file: string; remove(): void }> {
  // Two levels below the root, so the bundle's createRequire('../../package.json') still resolves.
  const dir = path.join(ROOT, '.tmp', `${name}-${process.pid}`);
  const file = path.join(dir, `${name}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    outfile: file,
    logLevel: 'silent',
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a bundled child to its end (or its own SIGKILL) with extra environment variables. */
export function runChild(file: string, args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    const safety = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
