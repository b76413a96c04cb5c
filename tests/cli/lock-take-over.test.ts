import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, TAKE_OVER_FLAG } from '../../src-main/core/db/lock';
import { tempDir } from '../support/backup-helpers';

// The data-folder lock from the command line (issue 12): a lock from another computer is refused
// with its name and the flag to take it over, and taken when the flag is given. In tests/cli
// because it runs the command in a child process, which a mutation run leaves out; the lock's
// own rules are tested in process in tests/database/data-folder-lock.test.ts.

const ROOT = path.resolve(__dirname, '../..');

describe('CLI and the data-folder lock', () => {
  it('the CLI backup refuses a lock from another computer and takes it with --ambil-alih', () => {
    const dir = tempDir('rakor-lock-');
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 4242, host: 'LAPTOP-BAPPEDA-07', processStart: null, startedAt: new Date().toISOString() }));
    const cli = (...args: string[]) =>
      spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src-main/cli/index.ts', 'backup', '--data-dir', dir, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const refused = cli();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('LAPTOP-BAPPEDA-07');
    expect(refused.stderr).toContain(TAKE_OVER_FLAG);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
    const taken = cli(TAKE_OVER_FLAG);
    expect(taken.stderr).toBe('');
    expect(taken.status).toBe(0);
    expect(taken.stdout).toMatch(/Cadangan dibuat/);
    // Released at exit, as every lock of ours is.
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);
});
