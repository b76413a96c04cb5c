import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { migrate } from '../../src-main/core/db/database';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { tempDataDir } from '../support/web-runtime';
import { strictLog } from '../support/strict-log';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => {
  const run = spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
};
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('read-only command line', () => {
  it('checks and exports while the app holds the folder, without taking its lock or writing', async () => {
    const dir = tempDataDir('rakor-cli-ro-');
    expect(cli('seed-demo', '--data-dir', dir).code).toBe(0);
    const app = createBackend({ dataDir: dir, runtime: 'web', log: strictLog() });
    try {
      const checked = cli('check', '--data-dir', dir);
      expect(checked.code).toBe(0);
      expect(checked.out).toContain('sedang dipakai oleh Rakor KLA di komputer ini');
      const out = path.join(dir, 'notulen.docx');
      const exported = cli('export-notulen', '--data-dir', dir, '--meeting', '1', '--out', out);
      expect(exported.err).toBe('');
      expect(fs.statSync(out).size).toBeGreaterThan(5000);
      // The app still owns the folder and can write.
      const created = await app.invoke('agency.create', { kind: 'opd', name: 'Dinas Uji Baca', abbreviation: 'DUB' });
      expect(created.ok).toBe(true);
    } finally {
      app.close();
    }
    const before = sha(databasePath(dir));
    expect(cli('check', '--data-dir', dir, '--json').code).toBe(0);
    expect(sha(databasePath(dir))).toBe(before);
    expect(fs.existsSync(path.join(dir, 'rakor-kla.lock'))).toBe(false);
  });

  it('refuses to check an older schema instead of migrating it', () => {
    const dir = tempDataDir('rakor-cli-old-');
    const db = new Database(databasePath(dir));
    migrate(db, MIGRATIONS.slice(0, 1));
    db.close();
    const before = sha(databasePath(dir));
    const checked = cli('check', '--data-dir', dir);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain('versi Rakor KLA yang lebih lama');
    expect(checked.err).not.toMatch(/\bat\s+\S+\.ts:\d+/);
    expect(sha(databasePath(dir))).toBe(before);
  });

  it('refuses a write operation on a read-only backend', async () => {
    const dir = tempDataDir('rakor-ro-');
    createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() }).close();
    const reader = createBackend({ dataDir: dir, runtime: 'cli', readOnly: true, log: strictLog() });
    try {
      const listed = await reader.invoke('agency.list', {});
      expect(listed.ok).toBe(true);
      const write = await reader.invoke('agency.create', { kind: 'opd', name: 'Dinas Tidak Boleh' });
      expect(write).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      reader.close();
    }
  });

  it('lists meetings with their IDs, newest first, filtered by year, and as JSON', () => {
    const dir = tempDataDir('rakor-cli-list-');
    expect(cli('seed-demo', '--data-dir', dir).code).toBe(0);
    const all = JSON.parse(cli('list-meetings', '--data-dir', dir, '--json').out) as { id: number; date: string; title: string }[];
    expect(all).toHaveLength(5);
    expect(all.map((m) => m.date)).toEqual([...all.map((m) => m.date)].sort().reverse());
    const year = all[all.length - 1].date.slice(0, 4);
    const listed = cli('list-meetings', '--data-dir', dir, '--year', year);
    expect(listed.code).toBe(0);
    const inYear = all.filter((m) => m.date.startsWith(year));
    expect(listed.out).toContain(`${inYear.length} rapat.`);
    for (const m of inYear) expect(listed.out).toMatch(new RegExp(`^\\s*${m.id}\\s+\\d{1,2} \\w{3} ${year}\\s+\\S+`, 'm'));
    for (const m of all.filter((x) => !x.date.startsWith(year))) expect(listed.out).not.toMatch(new RegExp(`^\\s*${m.id}\\s`, 'm'));
    const bad = cli('list-meetings', '--data-dir', dir, '--year', '19x');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--year: Tahun harus antara 2000 dan 2100.');
    expect(cli('list-meetings', '--data-dir', dir, '--year', '2001').out).toContain('Tidak ada rapat pada tahun 2001.');
  });
});
