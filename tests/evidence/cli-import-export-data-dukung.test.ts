import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { createBackend } from '../../src-main/core/backend';
import { tempDataDir } from '../support/web-runtime';
import { exeBytes, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { sha256Of } from '../../src-main/core/evidence/file-store';
import { strictLog } from '../support/strict-log';

// Issue 13, bulk import and the paket data dukung through the real command line: a folder of
// subfolders by indicator number in, a zip by klaster and indicator with a checklist out, both
// checked entry by entry.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

function write(file: string, bytes: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

describe('import-data-dukung and export-data-dukung', () => {
  it('imports by indicator folder, reports what it skipped, and packs the year with a checklist', async () => {
    const dataDir = tempDataDir('rakor-dd-data-');
    const source = tempDataDir('rakor-dd-source-');
    const perda = pdfBytes('Perda KLA');
    const photo = pngBytes(Buffer.from('foto forum anak'));
    const scan = jpegBytes(Buffer.from('layanan uptd ppa'));
    write(path.join(source, '01', 'Perda KLA 2020.pdf'), perda);
    write(path.join(source, '05', 'Foto Forum Anak.png'), photo);
    write(path.join(source, '05', 'salinan foto.png'), photo); // same content, same indicator: skipped
    write(path.join(source, '05', 'lama', 'x.pdf'), pdfBytes('nested'));
    write(path.join(source, '21a', 'Layanan UPTD PPA.jpg'), scan);
    write(path.join(source, '02', 'setup.exe'), exeBytes());
    write(path.join(source, '99', 'a.pdf'), pdfBytes('99'));
    write(path.join(source, 'catatan.pdf'), pdfBytes('root'));

    const first = cli('import-data-dukung', source, '--year', '2024', '--data-dir', dataDir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const out = first.stdout;
    expect(out).toContain('Diimpor (3):');
    expect(out).toMatch(/01\/Perda KLA 2020\.pdf -> indikator 1 \(/);
    expect(out).toMatch(/05\/Foto Forum Anak\.png -> indikator 5 \(/);
    expect(out).toMatch(/21a\/Layanan UPTD PPA\.jpg -> indikator 21 \(/);
    expect(out).toContain('Dilewati (5):');
    expect(out).toContain('02/setup.exe: Jenis berkas ini tidak diterima');
    expect(out).toContain('05/lama: bukan berkas biasa');
    expect(out).toContain('05/salinan foto.png: sudah ada pada indikator 5 tahun 2024');
    expect(out).toContain('99/: bukan nomor indikator tahun 2024');
    expect(out).toContain('catatan.pdf: berkas di luar subfolder indikator');

    // A second run imports nothing new.
    const again = cli('import-data-dukung', source, '--year', '2024', '--data-dir', dataDir);
    expect(again.stdout).toContain('Diimpor (0):');
    expect(again.stdout).toContain('01/Perda KLA 2020.pdf: sudah ada pada indikator 1 tahun 2024');

    // Claim the Perda as the expected "Perda" item, so the checklist shows it present.
    const b = createBackend({ dataDir, runtime: 'cli', log: strictLog() });
    const ref = await (async () => {
      const r = await b.invoke('reference.get', { year: 2024 });
      if (!r.ok) throw new Error(r.error.message);
      return r.data as { clusters: { code: string; name: string; indicators: { id: number; number: number; name: string }[] }[] };
    })();
    const find = (n: number) => {
      const cluster = ref.clusters.find((c) => c.indicators.some((i) => i.number === n))!;
      return { cluster, indicator: cluster.indicators.find((i) => i.number === n)! };
    };
    const one = find(1);
    const list = await b.invoke('evidence.list', { indicatorId: one.indicator.id, evaluationYear: 2024 });
    const expectations = await b.invoke('evidence.expectations', { indicatorNumber: 1 });
    if (!list.ok || !expectations.ok) throw new Error('list failed');
    const perdaRow = (list.data as { id: number; notes: string; revision: number }[])[0];
    const perdaItem = (expectations.data as { id: number; title: string }[])[0];
    expect((await b.invoke('evidence.update', { id: perdaRow.id, baseRevision: perdaRow.revision, expectationId: perdaItem.id })).ok).toBe(true);
    const sub = await b.invoke('evidence.list', { indicatorId: find(21).indicator.id, evaluationYear: 2024 });
    expect(sub.ok && (sub.data as { notes: string }[])[0].notes).toBe('Sub-indikator 21a');
    b.close();

    const zipFile = path.join(tempDataDir('rakor-dd-out-'), 'paket 2024.zip');
    const exported = cli('export-data-dukung', '--year', '2024', '--out', zipFile, '--data-dir', dataDir);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('(3 berkas,');
    expect(fs.readdirSync(path.dirname(zipFile))).toEqual(['paket 2024.zip']);

    const entries = unzipSync(new Uint8Array(fs.readFileSync(zipFile)));
    const folder = (n: number) => {
      const { cluster, indicator } = find(n);
      return `Klaster ${cluster.code} - ${cluster.name}/Indikator ${String(n).padStart(2, '0')} - ${indicator.name}`.replace(/[\\:*?"<>|]/g, ' ').replace(/\s+/g, ' ');
    };
    const expected = {
      [`${folder(1)}/01 Perda KLA 2020.pdf`]: perda,
      [`${folder(5)}/01 Foto Forum Anak.png`]: photo,
      [`${folder(21)}/01 Layanan UPTD PPA.jpg`]: scan,
    };
    const names = Object.keys(entries).sort();
    expect(names).toEqual([...Object.keys(expected), 'Checklist data dukung 2024.xlsx'].sort());
    for (const [name, bytes] of Object.entries(expected)) expect(sha256Of(entries[name]), name).toBe(sha256Of(bytes));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(entries['Checklist data dukung 2024.xlsx']) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kelengkapan')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['Klaster', 'No.', 'Indikator', 'Data dukung', 'Status', 'Berkas dalam paket']);
    const of = (n: number) => rows.filter((r) => r[1] === String(n));
    // Indicator 1: the Perda item present (its file named), the SK item missing.
    expect(of(1).map((r) => [r[3], r[4], r[5]])).toEqual([
      ['Perda tentang Kabupaten/Kota Layak Anak', 'Ada', `${folder(1)}/01 Perda KLA 2020.pdf`],
      ['SK atau Perkada pelaksanaan KLA', 'Belum ada', ''],
    ]);
    // Indicator 5: both expected items missing, the photo listed under "Lainnya".
    expect(of(5).map((r) => [r[3], r[4], r[5]])).toEqual([
      ['SK atau dokumen pembentukan Forum Anak', 'Belum ada', ''],
      ['Dokumentasi kegiatan Forum Anak', 'Belum ada', ''],
      ['Lainnya', 'Ada', `${folder(5)}/01 Foto Forum Anak.png`],
    ]);
    // Every other expected item of the year is listed as missing.
    const others = rows.slice(1).filter((r) => !['1', '5', '21'].includes(r[1]));
    expect(others.length).toBeGreaterThan(30);
    expect(others.every((r) => r[4] === 'Belum ada')).toBe(true);
    const perKlaster = workbook.getWorksheet('Per klaster')!;
    const kl = perKlaster.getRow(2).values as unknown[];
    expect(kl.slice(1, 5)).toEqual([find(1).cluster.code, find(1).cluster.name, expect.any(Number), 1]);

    // A folder that does not exist: the reason in Indonesian, no stack, nothing written.
    const nowhere = cli('export-data-dukung', '--year', '2024', '--out', path.join(path.dirname(zipFile), 'tidak ada', 'paket.zip'), '--data-dir', dataDir);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr.trim()).toBe('Berkas tidak dapat disimpan: folder tujuan tidak ditemukan. Pilih folder lain.');
    expect(fs.readdirSync(path.dirname(zipFile))).toEqual(['paket 2024.zip']);
  }, 240_000);
});
