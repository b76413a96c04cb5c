import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { saveError, writeExportFile } from '../../src-main/core/export/save-file';
import { tempDataDir } from '../support/meeting-fixture';

// What the user reads when saving an export fails, per cause the operating system reports,
// and what stays on disk. A write cut short half-way is in save-file-cut-short.test.ts.

const BUSY = 'Berkas tidak dapat disimpan: file sedang dibuka di aplikasi lain, misalnya Word; tutup dulu lalu ulangi.';
const NOT_WRITABLE = 'Berkas tidak dapat disimpan: folder tidak dapat ditulisi. Pilih folder lain (misalnya Dokumen) lalu ulangi.';
const FULL = 'Berkas tidak dapat disimpan: ruang penyimpanan penuh. Kosongkan ruang atau pilih drive lain.';
const MISSING = 'Berkas tidak dapat disimpan: folder tujuan tidak ditemukan. Pilih folder lain.';
const TOO_LARGE = 'Berkas tidak dapat disimpan: terlalu besar untuk drive tujuan (flashdisk berformat FAT32 menampung paling besar 4 GB per berkas). Simpan di drive lain.';
const failed = (what: string) => `Berkas tidak dapat disimpan (${what}). Coba simpan di folder lain.`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const dir = tempDataDir('rakor-save-');
  dirs.push(dir);
  return dir;
};

/** The error a write fails with, as fs reports it. */
const osError = (code: string) => Object.assign(new Error(`${code}: operation failed, open 'C:\\Users\\x\\Notulen.docx'`), { code });

describe('saveError', () => {
  it('says what the user can do for each cause the system reports', () => {
    const cases: [string, string][] = [
      ['EBUSY', BUSY],
      ['EPERM', NOT_WRITABLE], ['EACCES', NOT_WRITABLE], ['EROFS', NOT_WRITABLE], ['EISDIR', NOT_WRITABLE],
      ['ENOSPC', FULL], ['EDQUOT', FULL],
      ['ENOENT', MISSING], ['ENOTDIR', MISSING],
      ['EFBIG', TOO_LARGE],
      ['EMFILE', failed('EMFILE')],
    ];
    for (const [code, message] of cases) {
      const error = saveError(osError(code));
      expect([code, error]).toEqual([code, expect.objectContaining({ code: 'IO', message })]);
      expect(error).toBeInstanceOf(AppError);
    }
  });

  it('names what went wrong when there is no system code, and never fails itself', () => {
    expect(saveError(new Error('koneksi jaringan terputus')).message).toBe(failed('koneksi jaringan terputus'));
    // A code that is not a string is no system code: the message names the problem instead.
    expect(saveError(Object.assign(new Error('tulis gagal'), { code: 28 })).message).toBe(failed('tulis gagal'));
    expect(saveError('aneh').message).toBe(failed('aneh'));
    expect(saveError(undefined)).toMatchObject({ code: 'IO', message: failed('undefined') });
    expect(saveError(null)).toMatchObject({ code: 'IO', message: failed('null') });
  });

  it('passes an AppError through unchanged', () => {
    const refused = AppError.of('VALIDATION', 'xlsx.unreadable');
    expect(saveError(refused)).toBe(refused);
  });
});

describe('writeExportFile', () => {
  it('writes every byte under the name chosen and replaces an earlier copy, leaving nothing else', async () => {
    const dir = folder();
    const target = path.join(dir, 'Notulen Rakor.docx');
    fs.writeFileSync(target, 'salinan lama yang lebih panjang');
    await writeExportFile(target, new Uint8Array([80, 75, 3, 4]));
    expect([...fs.readFileSync(target)]).toEqual([80, 75, 3, 4]);
    expect(fs.readdirSync(dir)).toEqual(['Notulen Rakor.docx']);
  });

  it('reports a folder that is not there, or a file where a folder should be', async () => {
    const dir = folder();
    await expect(writeExportFile(path.join(dir, 'tidak-ada', 'a.docx'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'IO', message: MISSING });
    fs.writeFileSync(path.join(dir, 'berkas'), 'x');
    await expect(writeExportFile(path.join(dir, 'berkas', 'a.docx'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'IO', message: MISSING });
    expect(fs.readdirSync(dir)).toEqual(['berkas']);
  });

  it('a name taken by a folder: refused, the folder untouched, no partial file beside it', async () => {
    const dir = folder();
    const taken = path.join(dir, 'Notulen Rakor.docx');
    fs.mkdirSync(taken);
    fs.writeFileSync(path.join(taken, 'isi.txt'), 'tetap');
    await expect(writeExportFile(taken, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'IO', message: NOT_WRITABLE });
    expect(fs.readdirSync(dir)).toEqual(['Notulen Rakor.docx']);
    expect(fs.readFileSync(path.join(taken, 'isi.txt'), 'utf8')).toBe('tetap');
  });
});
