import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { dataChecksum, tempDir } from '../support/backup-helpers';
import { b64, pdfBytes, pngBytes } from '../support/evidence-files';

// "Simpan paket data dukung" as the app calls it: evidence.savePackage through backend.invoke,
// the zip read back entry by entry, its progress seen through evidence.packageStatus while it is
// written, and every refusal with its Indonesian message and nothing written anywhere.

const KL1 = 'Klaster KL - Kelembagaan/Indikator 01 - Peraturan Daerah (Perda) tentang KLA';

let backend: Backend;
let dataDir: string;
let chosen: (string | null)[];
let asked: string[];

beforeEach(() => {
  dataDir = tempDir('rakor-paket-op-');
  chosen = [];
  asked = [];
  backend = createBackend({
    dataDir,
    runtime: 'electron',
    // The desktop's save dialog, answered by the test.
    chooseSavePath: (name) => {
      asked.push(name);
      return Promise.resolve(chosen.shift() ?? null);
    },
  });
});
afterEach(() => backend.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await backend.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

async function attachTwo(): Promise<{ gone: string }> {
  const ref = await call<{ clusters: { indicators: { id: number; number: number }[] }[] }>('reference.get', { year: 2024 });
  const indicatorId = ref.clusters[0].indicators[0].id;
  await call('evidence.attach', { indicatorId, evaluationYear: 2024, fileName: 'Perda KLA.pdf', base64: b64(pdfBytes('perda')), evidenceDate: '2024-03-01' });
  const photo = await call<{ sha256: string }>('evidence.attach', { indicatorId, evaluationYear: 2024, fileName: 'foto.png', base64: b64(pngBytes(Buffer.from('foto rapat'))), evidenceDate: '2024-03-02' });
  await call('meeting.create', { title: 'Rakor Gugus Tugas', clusterCodes: ['KL'], date: '2024-04-02', startTime: '09:00' });
  return { gone: photo.sha256 };
}

describe('evidence.savePackage', () => {
  it('writes "Paket data dukung 2024.zip" into a typed folder, reports what it holds and what it left out', async () => {
    const { gone } = await attachTwo();
    fs.rmSync(storedPath(dataDir, gone));
    const folder = tempDir('rakor-paket-tujuan-');
    const seen: unknown[] = [];
    const saving = call<Record<string, unknown>>('evidence.savePackage', { year: 2024, folder });
    // Answered while the package is written: the screen's progress.
    seen.push((await call<{ running: unknown }>('evidence.packageStatus', {})).running);
    const saved = await saving;

    const file = path.join(folder, 'Paket data dukung 2024.zip');
    expect(saved).toEqual({
      saved: true,
      path: file,
      files: 1,
      bytes: pdfBytes('perda').length,
      minutes: 1,
      problems: [`${KL1}/02 foto.png: berkas hilang (foto.png)`],
    });
    expect(fs.readdirSync(folder)).toEqual(['Paket data dukung 2024.zip']);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(entries)).toEqual([`${KL1}/01 Perda KLA.pdf`, 'Notulen rakor 2024/Notulen Rakor Gugus Tugas 2024-04-02.docx', 'Checklist data dukung 2024.xlsx']);
    expect(Buffer.from(entries[`${KL1}/01 Perda KLA.pdf`]).equals(pdfBytes('perda'))).toBe(true);
    expect(seen[0]).toMatchObject({ year: 2024 });
    // Done: nothing runs any more, and a screen opened now still learns where it went.
    expect(await call('evidence.packageStatus', {})).toEqual({ running: null, last: { year: 2024, saved }, defaultFolder: expect.any(String) });
  });

  it('keeps a package saved before in the typed folder: the new one is named "(2)", then "(3)"', async () => {
    await attachTwo();
    const folder = tempDir('rakor-paket-lagi-');
    // The package sent last week, and a stale half-written file of a run that was killed.
    fs.writeFileSync(path.join(folder, 'Paket data dukung 2024.zip'), 'paket terkirim');
    fs.writeFileSync(path.join(folder, 'Paket data dukung 2024 (2).zip.sebagian'), 'sisa');
    const second = await call<{ path: string }>('evidence.savePackage', { year: 2024, folder });
    expect(second.path).toBe(path.join(folder, 'Paket data dukung 2024 (2).zip'));
    const third = await call<{ path: string }>('evidence.savePackage', { year: 2024, folder });
    expect(third.path).toBe(path.join(folder, 'Paket data dukung 2024 (3).zip'));
    expect(fs.readFileSync(path.join(folder, 'Paket data dukung 2024.zip'), 'utf8')).toBe('paket terkirim');
    expect(fs.readdirSync(folder).sort()).toEqual(['Paket data dukung 2024 (2).zip', 'Paket data dukung 2024 (3).zip', 'Paket data dukung 2024.zip']);
    for (const file of [second.path, third.path]) expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(file))))).toContain(`${KL1}/01 Perda KLA.pdf`);
  });

  it('takes a typed folder pasted with spaces around it; blank means the save dialog', async () => {
    await attachTwo();
    const folder = tempDir('rakor-paket-spasi-');
    expect(await call('evidence.savePackage', { year: 2024, folder: `  ${folder}\t ` })).toMatchObject({ saved: true, path: path.join(folder, 'Paket data dukung 2024.zip') });
    expect(await call('evidence.savePackage', { year: 2024, folder: '   ' })).toEqual({ saved: false });
    expect(asked).toEqual(['Paket data dukung 2024.zip']);
  });

  it('shows the package as under way while the save dialog is open, and refuses a second one meanwhile', async () => {
    // The dialog stays open until the test answers; the test goes on once it has opened.
    let answer: (chosen: string | null) => void = () => undefined;
    let opened: () => void = () => undefined;
    const dialogOpen = new Promise<void>((resolve) => (opened = resolve));
    const chooseSavePath = () => new Promise<string | null>((resolve) => ((answer = resolve), opened()));
    const dialogBackend = createBackend({ dataDir: tempDir('rakor-paket-dialog-terbuka-'), runtime: 'electron', chooseSavePath });
    try {
      const saving = dialogBackend.invoke('evidence.savePackage', { year: 2024 });
      await dialogOpen;
      expect(await dialogBackend.invoke('evidence.packageStatus', {})).toMatchObject({ ok: true, data: { running: { year: 2024, done: 0, total: 0 } } });
      expect(await dialogBackend.invoke('evidence.savePackage', { year: 2024, folder: os.tmpdir() })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      answer(null);
      expect(await saving).toEqual({ ok: true, data: { saved: false } });
      expect(await dialogBackend.invoke('evidence.packageStatus', {})).toMatchObject({ ok: true, data: { running: null, last: null } });
    } finally {
      dialogBackend.close();
    }
  });

  it('asks the desktop save dialog with the suggested name, and saves nothing when it is cancelled', async () => {
    await attachTwo();
    const folder = tempDir('rakor-paket-dialog-');
    expect(await call('evidence.savePackage', { year: 2024 })).toEqual({ saved: false });
    expect(asked).toEqual(['Paket data dukung 2024.zip']);
    const target = path.join(folder, 'paket pilihan.zip');
    chosen.push(target);
    expect(await call('evidence.savePackage', { year: 2024 })).toMatchObject({ saved: true, path: target, files: 2, minutes: 1, problems: [] });
    expect(fs.readdirSync(folder)).toEqual(['paket pilihan.zip']);
  });

  it('refuses a bad year or folder with an Indonesian message and writes nothing', async () => {
    await attachTwo();
    const folder = tempDir('rakor-paket-salah-');
    const aFile = path.join(folder, 'catatan.txt');
    fs.writeFileSync(aFile, 'bukan folder');
    const before = dataChecksum(databasePath(dataDir));
    const refusal = async (input: unknown) => {
      const result = await backend.invoke('evidence.savePackage', input);
      if (result.ok) throw new Error(`saved: ${JSON.stringify(result.data)}`);
      return { code: result.error.code, message: result.error.message, fields: result.error.fields };
    };
    expect(await refusal({ year: 1999, folder })).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'year', message: expect.stringMatching(/tahun/i) }] });
    const missing = path.join(folder, 'tidak ada');
    expect(await refusal({ year: 2024, folder: missing })).toEqual({
      code: 'VALIDATION',
      message: `Folder tidak ditemukan: ${missing}. Periksa lokasinya, atau buat foldernya dulu.`,
      fields: [{ path: 'folder', message: `Folder tidak ditemukan: ${missing}. Periksa lokasinya, atau buat foldernya dulu.` }],
    });
    expect(await refusal({ year: 2024, folder: aFile })).toMatchObject({
      code: 'VALIDATION',
      message: `Lokasi ini sebuah berkas, bukan folder: ${aFile}. Tulis lokasi folder tujuan.`,
    });
    expect(await refusal({ year: 2024, folder: 'Dokumen/paket' })).toMatchObject({
      code: 'VALIDATION',
      message: 'Tulis lokasi folder lengkap, misalnya C:\\Users\\Nama\\Documents atau /home/nama/Dokumen.',
    });
    expect(await refusal({ year: 2024, folder: `${folder}\0x` })).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'folder', message: 'Lokasi folder tidak valid.' }] });
    expect(fs.readdirSync(folder)).toEqual(['catatan.txt']);
    expect(asked).toEqual([]);
    expect(dataChecksum(databasePath(dataDir))).toBe(before);
  });

  it('refuses a second package while one is written', async () => {
    await attachTwo();
    const folder = tempDir('rakor-paket-dua-');
    const first = backend.invoke('evidence.savePackage', { year: 2024, folder });
    const second = await backend.invoke('evidence.savePackage', { year: 2024, folder: os.tmpdir() });
    expect(second).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Paket data dukung sedang disusun. Tunggu sampai selesai, lalu ulangi.' } });
    expect(await first).toMatchObject({ ok: true, data: { saved: true } });
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('Paket data dukung'))).toEqual([]);
  });
});

describe('evidence.savePackage without a save dialog (browser, command line)', () => {
  let fakeHome: string;
  let plain: Backend;
  beforeEach(() => {
    // The default folder is looked for in a home of the test's own, not the real one. (Setting
    // HOME would not do: a worker thread's process.env never reaches libuv's lookup.)
    fakeHome = tempDir('rakor-paket-home-');
    vi.spyOn(os, 'homedir').mockReturnValue(fakeHome);
    plain = createBackend({ dataDir: tempDir('rakor-paket-tanpa-dialog-'), runtime: 'web' });
  });
  afterEach(() => {
    plain.close();
    vi.restoreAllMocks();
  });
  const save = async () => {
    const result = await plain.invoke('evidence.savePackage', { year: 2024 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.data as { saved: boolean; path: string };
  };

  it('saves into Documents when the home has one, else into the home itself', async () => {
    expect(await plain.invoke('evidence.packageStatus', {})).toMatchObject({ ok: true, data: { defaultFolder: fakeHome } });
    expect(await save()).toMatchObject({ saved: true, path: path.join(fakeHome, 'Paket data dukung 2024.zip') });
    fs.mkdirSync(path.join(fakeHome, 'Documents'));
    expect(await plain.invoke('evidence.packageStatus', {})).toMatchObject({ ok: true, data: { defaultFolder: path.join(fakeHome, 'Documents') } });
    expect(await save()).toMatchObject({ saved: true, path: path.join(fakeHome, 'Documents', 'Paket data dukung 2024.zip') });
  });

  it('takes the home when "Documents" there is a file, not a folder', async () => {
    fs.writeFileSync(path.join(fakeHome, 'Documents'), 'bukan folder');
    expect(await save()).toMatchObject({ saved: true, path: path.join(fakeHome, 'Paket data dukung 2024.zip') });
  });
});
