import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from '../support/web-runtime';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]) {
  const run = spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('command line', () => {
  it('seeds a demo regency into a new folder and checks it', () => {
    const dir = tempDataDir('rakor-cli-');
    const seeded = cli('seed-demo', '--data-dir', dir);
    expect(seeded.err).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/5 rapat, \d+ peserta, \d+ RTL/);

    const checked = cli('check', '--data-dir', dir, '--json');
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.out);
    expect(report.ok).toBe(true);
    expect(report.integrity).toEqual(['ok']);
    expect(report.schemaVersion).toBe(report.expectedSchemaVersion);
    expect(report.counts.meeting).toBe(5);
    expect(report.counts.action_item_update).toBeGreaterThan(0);
    expect(report.counts.indicator).toBe(24);

    const again = cli('seed-demo', '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('sudah berisi rapat');
  });

  it('fails plainly on a missing database and an unknown command', () => {
    const missing = cli('check', '--data-dir', path.join(tempDataDir('rakor-cli-'), 'nothing'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Basis data tidak ditemukan');
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Perintah tidak dikenal');
  });

  it('reports a damaged database with a non-zero exit and no stack trace', () => {
    const dir = tempDataDir('rakor-cli-');
    expect(cli('seed-demo', '--data-dir', dir).code).toBe(0);
    const file = path.join(dir, 'rakor-kla.sqlite');
    const bytes = fs.readFileSync(file);
    // Overwrite pages in the middle of the file (not the header) so that SQLite opens it but
    // finds the b-trees broken.
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    fs.writeFileSync(file, bytes);
    const checked = cli('check', '--data-dir', dir);
    expect(checked.code).not.toBe(0);
    expect(checked.err + checked.out).not.toMatch(/\n\s+at /);
  });
});
