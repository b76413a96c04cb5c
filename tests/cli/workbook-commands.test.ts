import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { tempDataDir } from '../support/web-runtime';

// The spreadsheet commands through the real CLI process (same core via createBackend): exports
// read-only, imports through the writing backend; bad files exit non-zero with row/column
// messages and no stack trace.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]) {
  const run = spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

async function scoreFile(file: string, rows: (string | number | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nilai');
  sheet.addRow(['Nilai dari kabupaten']);
  sheet.addRow([]);
  sheet.addRow(['No', 'Klaster', 'Indikator', 'Poin maks.', 'EM', 'VA', 'Pusat', 'Akhir']);
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(file);
}

describe('spreadsheet commands', () => {
  it('exports the budget recap and the reference set, imports scores and a reference set', async () => {
    const dir = tempDataDir('rakor-cli-xlsx-');
    expect(cli('seed-demo', '--data-dir', dir).code).toBe(0);
    const db = new Database(path.join(dir, 'rakor-kla.sqlite'), { readonly: true });
    const year = (db.prepare(`SELECT max(fiscal_year) AS y FROM budget_line`).get() as { y: number }).y;
    const sums = db.prepare(`SELECT sum(allocation_sen) AS a, sum(realization_sen) AS r, count(*) AS n FROM budget_line WHERE fiscal_year = ?`).get(year) as { a: number; r: number; n: number };
    db.close();

    const recapFile = path.join(dir, 'anggaran.xlsx');
    const recap = cli('export-anggaran', '--data-dir', dir, '--out', recapFile, '--tahun', String(year));
    expect(recap.err).toBe('');
    expect(recap.out).toContain('Rekap anggaran disimpan');
    const sheet = (await readXlsx(recapFile)).getWorksheet('Per tahun')!;
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([String(year), sums.a / 100, sums.r / 100, sums.r / sums.a, sums.n]);

    const refFile = path.join(dir, 'referensi.xlsx');
    expect(cli('export-referensi', '--data-dir', dir, '--year', '2024', '--out', refFile).code).toBe(0);
    const ref = await readXlsx(refFile);
    expect((ref.getWorksheet('Indikator')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['KL', 'Kelembagaan', 1, '']);
    ref.getWorksheet('Indikator')!.getCell('G2').value = 40;
    await ref.xlsx.writeFile(refFile);
    const imported = cli('import-referensi', refFile, '--year', '2026', '--data-dir', dir);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('Set indikator tahun 2026 diimpor');
    expect(imported.out).toContain('6 klaster, 24 indikator, 5 predikat');

    const good = path.join(dir, 'nilai.xlsx');
    await scoreFile(good, [['1', 'Kelembagaan', 'Perda', 40, 35, '30,5', null, null], ['21a', 'Klaster V', 'Sub', null, 12, null, null, null]]);
    const ok = cli('import-nilai', good, '--year', '2026', '--data-dir', dir);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('3 nilai diisi');
    const after = new Database(path.join(dir, 'rakor-kla.sqlite'), { readonly: true });
    expect(after.prepare(`SELECT stage, score FROM indicator_score WHERE year = 2026 ORDER BY stage`).all()).toEqual([{ stage: 'EM', score: 35 }, { stage: 'VA', score: 30.5 }]);
    after.close();

    const bad = path.join(dir, 'nilai-salah.xlsx');
    await scoreFile(bad, [['1', 'Kelembagaan', 'Perda', 40, 20, 45, null, null], ['2', '', '', null, 'x', null, null, null]]);
    const refused = cli('import-nilai', bad, '--year', '2026', '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Berkas tidak diimpor; tidak ada data yang diubah:');
    expect(refused.err).toContain('Baris 4, kolom VA: nilai 45 melebihi poin maksimum 40');
    expect(refused.err).toContain('Baris 5, kolom EM: "x" bukan angka');
    expect(refused.err).not.toMatch(/\n\s+at /);
    const unchanged = new Database(path.join(dir, 'rakor-kla.sqlite'), { readonly: true });
    expect(unchanged.prepare(`SELECT stage, score FROM indicator_score WHERE year = 2026 ORDER BY stage`).all()).toEqual([{ stage: 'EM', score: 35 }, { stage: 'VA', score: 30.5 }]);
    unchanged.close();

    const missing = cli('import-nilai', path.join(dir, 'tidak-ada.xlsx'), '--year', '2026', '--data-dir', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Berkas tidak ditemukan');
  }, 120_000);
});
