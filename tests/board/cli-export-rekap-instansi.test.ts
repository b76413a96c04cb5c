import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../support/docx-read';
import { buildYearFixture, type YearFixture } from './year-fixture';

// `npm run cli -- export-rekap-instansi`: the same operation as the app, on a real data folder.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => {
  const run = spawnSync(tsx, ['src-main/cli/index.ts', 'export-rekap-instansi', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

let f: YearFixture;
beforeAll(async () => {
  f = await buildYearFixture();
}, 60_000);
afterAll(() => f.t.close());

describe('export-rekap-instansi', () => {
  it('writes one agency letter, or every agency in a zip, while the app holds the folder', async () => {
    const one = path.join(f.t.dir, 'dinkes.docx');
    const single = cli('--data-dir', f.t.dir, '--agency', String(f.ag.dinkes), '--tahun', '2025', '--out', one);
    expect([single.code, single.err]).toEqual([0, '']);
    expect(single.out).toContain('Rekap per instansi disimpan:');
    expect(await docxText(new Uint8Array(fs.readFileSync(one)))).toContain('Kepala Dinas Kesehatan');

    const zip = path.join(f.t.dir, 'semua.zip');
    const all = cli('--data-dir', f.t.dir, '--all', '--tahun', '2025', '--paper', 'f4', '--out', zip);
    expect([all.code, all.err]).toEqual([0, '']);
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip))))).toEqual([
      'Rekap KLA 2025 - Dinkes - Dinas Kesehatan (F4).docx',
      'Rekap KLA 2025 - DLH - Dinas Lingkungan Hidup (F4).docx',
      'Rekap KLA 2025 - PUPR - Dinas PUPR dan Pertanahan (F4).docx',
    ]);
  }, 120_000);

  it('says plainly what is wrong', () => {
    const both = cli('--data-dir', f.t.dir, '--agency', '1', '--all', '--out', path.join(f.t.dir, 'x.zip'));
    expect([both.code, both.err.trim()]).toEqual([1, 'Pilih satu: --agency ID atau --all.']);
    const unknown = cli('--data-dir', f.t.dir, '--agency', '99999', '--out', path.join(f.t.dir, 'x.docx'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Data tidak ditemukan');
    expect(unknown.err).not.toMatch(/at .*\.ts:\d+/);
  }, 120_000);
});
