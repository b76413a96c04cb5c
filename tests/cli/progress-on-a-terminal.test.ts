import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { terminalProgress } from '../../src-main/cli/progress';
import { createBackend } from '../../src-main/core/backend';
import { strictLog } from '../support/strict-log';
import { tempDataDir } from '../support/web-runtime';

// The paket data dukung and the backup from the command line show how far they are on a real
// terminal (a pseudo-terminal from util-linux's `script`), and print nothing more into a pipe.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** The command run with a terminal as its stdout and stderr: everything it wrote, as the user saw it. */
function onTerminal(...args: string[]) {
  const command = [tsx, 'src-main/cli/index.ts', ...args].map(quote).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, screen: run.stdout.replace(/\r\n/g, '\n') };
}

async function regencyWithOneRakor(): Promise<string> {
  const dataDir = tempDataDir('rakor-cli-progress-');
  const backend = createBackend({ dataDir, runtime: 'cli', log: strictLog() });
  try {
    const created = await backend.invoke('meeting.create', { title: 'Rakor Klaster I', clusterCodes: ['I'], date: '2024-05-06', startTime: '09:00' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  } finally {
    backend.close();
  }
  return dataDir;
}

describe('progress of long commands', () => {
  it('shows the paket data dukung and the backup reaching 100% on a terminal, one line each, then the result', async () => {
    const dataDir = await regencyWithOneRakor();
    const out = path.join(tempDataDir('rakor-cli-progress-out-'), 'paket.zip');
    const paket = onTerminal('export-data-dukung', '--year', '2024', '--out', out, '--data-dir', dataDir);
    expect(paket.code).toBe(0);
    expect(paket.screen).toMatch(/\rMenyusun paket data dukung 2024: 100%\nPaket data dukung 2024 disimpan: /);
    expect(fs.existsSync(out)).toBe(true);

    const folder = tempDataDir('rakor-cli-progress-backup-');
    const backup = onTerminal('backup', '--data-dir', dataDir, '--folder', folder);
    expect(backup.code).toBe(0);
    expect(backup.screen).toMatch(/\rMembuat cadangan: 100%\nCadangan dibuat: /);
    // Into a pipe (as scripts read it) only the result lines, as before.
    const piped = spawnSync(tsx, ['src-main/cli/index.ts', 'backup', '--data-dir', dataDir, '--folder', folder], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(/^Cadangan dibuat: /);
  });
});

describe('terminalProgress', () => {
  it('is nothing outside a terminal, and on one rewrites a line at most every 200 ms, ending it once at 100%', () => {
    const written: string[] = [];
    const out = { isTTY: true, write: (text: string) => written.push(text) };
    expect(terminalProgress({ isTTY: false, write: (text: string) => written.push(text) }, 'Kerja')).toBeUndefined();
    let clock = 1000;
    const show = terminalProgress(out, 'Kerja', () => clock)!;
    show(0);
    clock += 199;
    show(0.5); // too soon after the last line
    clock += 1;
    show(0.256);
    clock += 1;
    show(1); // the end is shown however soon it comes
    show(1); // and only once
    show(0.9999);
    expect(written).toEqual(['\rKerja: 0%', '\rKerja: 25%', '\rKerja: 100%\n']);
    const odd = terminalProgress(out, 'Aneh', () => 0)!;
    written.length = 0;
    odd(-0.5);
    odd(1.5);
    expect(written).toEqual(['\rAneh: 0%', '\rAneh: 100%\n']);
  });
});
