import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncDirAsync, writeDurably, writeFileDurably } from '../../src-main/core/backup/durable';
import { backupStorePath, collectStore, copyVerified, fileMatches } from '../../src-main/core/backup/evidence-store';
import { tempDir } from '../support/backup-helpers';

// Durable writes and the backup folder's evidence store, on their own: the paths a kill or a
// network share takes (a half-written journal, a folder that refuses fsync, a copy killed
// half-way) were reached only by the crash test, which mutation runs leave out.

describe('durable writes', () => {
  it('writeDurably writes text and bytes exactly, replacing what was there', () => {
    const dir = tempDir('rakor-durable-');
    const file = path.join(dir, 'a.bin');
    fs.writeFileSync(file, 'isi lama yang lebih panjang');
    writeDurably(file, 'baru');
    expect(fs.readFileSync(file, 'utf8')).toBe('baru');
    const bytes = crypto.randomBytes(1000);
    writeDurably(file, bytes);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('writeFileDurably replaces the file through a temporary one it leaves nowhere, even over a torn one', () => {
    const dir = tempDir('rakor-durable-');
    const file = path.join(dir, '.pemulihan.json');
    fs.writeFileSync(file, '{"lama":true}');
    // A kill during an earlier write left its temporary file half-written.
    fs.writeFileSync(`${file}.tmp`, '{"staged":".pemu');
    writeFileDurably(file, '{"baru":true}');
    expect(fs.readdirSync(dir)).toEqual(['.pemulihan.json']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ baru: true });
  });

  it('a write into a folder that is not there fails and creates nothing', () => {
    const missing = path.join(tempDir('rakor-durable-'), 'hilang');
    expect(() => writeFileDurably(path.join(missing, 'x.json'), '{}')).toThrow(/ENOENT/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('flushing a folder is best effort: a folder that cannot be opened is not an error', async () => {
    const dir = tempDir('rakor-durable-');
    const missing = path.join(dir, 'hilang');
    expect(() => fsyncDir(dir)).not.toThrow();
    expect(() => fsyncDir(missing)).not.toThrow();
    await expect(fsyncDirAsync(dir)).resolves.toBeUndefined();
    await expect(fsyncDirAsync(missing)).resolves.toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('durable writes close what they open', () => {
  it('no file or folder descriptor stays open after writes and flushes, failed ones included', async () => {
    const dir = tempDir('rakor-durable-');
    const missing = path.join(dir, 'hilang');
    const open = () => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      writeDurably(path.join(dir, 'a.bin'), `isi ${i}`);
      writeFileDurably(path.join(dir, 'b.json'), `{"n":${i}}`);
      fsyncDir(dir);
      fsyncDir(missing);
      await fsyncDirAsync(dir);
      await fsyncDirAsync(missing);
    }
    expect(open()).toBe(before);
  });
});

describe('collectStore', () => {
  const MINUTE = 60_000;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const hashOf = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

  function stored(folder: string, text: string, ageMs: number): string {
    const sha = hashOf(text);
    const file = backupStorePath(folder, sha);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const mtime = new Date(now - ageMs);
    fs.utimesSync(file, mtime, mtime);
    return sha;
  }

  function aged(file: string, ageMs: number, content = 'x'): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    const mtime = new Date(now - ageMs);
    fs.utimesSync(file, mtime, mtime);
  }

  it('removes old files no kept backup needs and old temporaries of killed copies; keeps the rest', () => {
    const folder = tempDir('rakor-store-');
    const root = path.join(folder, 'berkas');
    const needed = stored(folder, 'dibutuhkan', 60 * MINUTE);
    const unneeded = stored(folder, 'tidak dibutuhkan', 60 * MINUTE);
    // Copied moments ago by another computer whose zip is not written yet.
    const recent = stored(folder, 'baru disalin', 5 * MINUTE);
    aged(path.join(root, '.tmp-4242-0a1b2c3d4e5f'), 60 * MINUTE);
    aged(path.join(root, '.tmp-4243-ffeeddccbbaa'), 1 * MINUTE);
    // Not store files: whatever their age they stay.
    aged(path.join(root, 'catatan.txt'), 60 * MINUTE);
    aged(path.join(root, 'zz', hashOf('z')), 60 * MINUTE);
    aged(path.join(root, unneeded.slice(0, 2), 'bukan-sidik'), 60 * MINUTE);
    aged(path.join(root, unneeded.slice(0, 2), `${hashOf('a')}.bak`), 60 * MINUTE);

    const removed = collectStore(folder, new Set([needed]), now);

    expect(removed).toEqual([unneeded]);
    expect(fs.existsSync(backupStorePath(folder, unneeded))).toBe(false);
    for (const sha of [needed, recent]) expect(fs.existsSync(backupStorePath(folder, sha))).toBe(true);
    expect(fs.readdirSync(root).sort()).toEqual(['.tmp-4243-ffeeddccbbaa', needed.slice(0, 2), recent.slice(0, 2), 'catatan.txt', 'zz', unneeded.slice(0, 2)].filter((v, i, a) => a.indexOf(v) === i).sort());
    expect(fs.readdirSync(path.join(root, unneeded.slice(0, 2))).sort()).toEqual([`${hashOf('a')}.bak`, 'bukan-sidik'].sort());
    expect(fs.readdirSync(path.join(root, 'zz'))).toEqual([hashOf('z')]);
  });

  it('a file exactly the grace period old goes; a second younger stays; the default grace is ten minutes', () => {
    const folder = tempDir('rakor-store-');
    const exact = stored(folder, 'tepat', 3 * MINUTE);
    const younger = stored(folder, 'lebih muda', 3 * MINUTE - 1000);
    expect(collectStore(folder, new Set(), now, 3 * MINUTE)).toEqual([exact]);
    expect(fs.existsSync(backupStorePath(folder, younger))).toBe(true);
    // With the default grace the same file, three minutes old, stays; eleven minutes old, goes.
    expect(collectStore(folder, new Set(), now)).toEqual([]);
    expect(collectStore(folder, new Set(), now + 8 * MINUTE)).toEqual([younger]);
  });

  it('looks only in two-letter hex folders and at names that are a whole hash', () => {
    const folder = tempDir('rakor-store-');
    const root = path.join(folder, 'berkas');
    const old = stored(folder, 'lama', 60 * MINUTE);
    const sha = hashOf('salinan pengguna');
    // Folders and names that merely contain a prefix or a hash: the user's, never the store's.
    for (const dir of [`x${sha.slice(0, 2)}`, `${sha.slice(0, 2)}x`]) aged(path.join(root, dir, sha), 60 * MINUTE);
    aged(path.join(root, old.slice(0, 2), `x${sha}`), 60 * MINUTE);
    expect(collectStore(folder, new Set(), now)).toEqual([old]);
    for (const file of [path.join(root, `x${sha.slice(0, 2)}`, sha), path.join(root, `${sha.slice(0, 2)}x`, sha), path.join(root, old.slice(0, 2), `x${sha}`)]) {
      expect(fs.existsSync(file), file).toBe(true);
    }
  });

  it('a prefix entry that is not a folder is passed over, and a folder without a store gives nothing', () => {
    const folder = tempDir('rakor-store-');
    aged(path.join(folder, 'berkas', 'ab'), 60 * MINUTE);
    const old = stored(folder, 'lama', 60 * MINUTE);
    expect(collectStore(folder, new Set(), now)).toEqual([old]);
    expect(fs.existsSync(path.join(folder, 'berkas', 'ab'))).toBe(true);
    expect(collectStore(path.join(folder, 'hilang'), new Set(), now)).toEqual([]);
  });
});

describe('the backup store: copies that are checked, paths that are hashes', () => {
  const hashOf = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
  const openDescriptors = () => fs.readdirSync('/proc/self/fd').length;

  it('a store path is made only from a whole lowercase hash', () => {
    const sha = hashOf(Buffer.from('foto'));
    expect(backupStorePath('/cadangan', sha)).toBe(path.join('/cadangan', 'berkas', sha.slice(0, 2), sha));
    for (const bad of [`x${sha}`, `${sha}x`, `${sha.slice(0, 62)}/..`, sha.toUpperCase(), sha.slice(1), '']) {
      expect(() => backupStorePath('/cadangan', bad), bad).toThrow(`not a sha256: ${bad}`);
    }
  });

  it('copies a file whose bytes match, through a temporary file it removes, counting every byte', async () => {
    const dir = tempDir('rakor-store-');
    // Larger than one read (4 MB), so the copy takes several reads of a bounded size.
    const bytes = crypto.randomBytes(4 * 1024 * 1024 + 12345);
    const source = path.join(dir, 'asal.jpg');
    fs.writeFileSync(source, bytes);
    const target = path.join(dir, 'berkas', 'ab', 'tujuan');
    const temp = path.join(dir, 'sementara');
    let counted = 0;
    const descriptors = openDescriptors();
    expect(await copyVerified(source, target, hashOf(bytes), bytes.length, temp, (n) => (counted += n))).toBe('ok');
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(counted).toBe(bytes.length);
    expect(fs.readdirSync(temp)).toEqual([]);
    expect(openDescriptors()).toBe(descriptors);
  });

  it('refuses a copy whose bytes are not the ones listed, writing nothing and leaving nothing open', async () => {
    const dir = tempDir('rakor-store-');
    const bytes = crypto.randomBytes(5000);
    const source = path.join(dir, 'asal.pdf');
    fs.writeFileSync(source, bytes);
    const temp = path.join(dir, 'sementara');
    const descriptors = openDescriptors();
    const cases: [string, string, number][] = [
      ['another hash', hashOf(Buffer.from('lain')), bytes.length],
      ['listed longer than the file', hashOf(bytes), bytes.length + 1],
      ['listed shorter than the file', hashOf(bytes.subarray(0, 4000)), 4000],
    ];
    for (const [name, sha, size] of cases) {
      const target = path.join(dir, 'tujuan', name);
      expect(await copyVerified(source, target, sha, size, temp), name).toBe('altered');
      expect(fs.existsSync(target), name).toBe(false);
    }
    expect(await copyVerified(path.join(dir, 'hilang.pdf'), path.join(dir, 'tujuan', 'x'), hashOf(bytes), bytes.length, temp)).toBe('missing');
    expect(fs.readdirSync(temp)).toEqual([]);
    expect(openDescriptors()).toBe(descriptors);
  });

  it('tells whether a file holds exactly the listed bytes', async () => {
    const dir = tempDir('rakor-store-');
    const bytes = crypto.randomBytes(3000);
    const file = path.join(dir, 'foto.jpg');
    fs.writeFileSync(file, bytes);
    expect(await fileMatches(file, hashOf(bytes), bytes.length)).toBe(true);
    const sameSize = Buffer.from(bytes);
    sameSize[1500] ^= 0xff;
    expect(await fileMatches(file, hashOf(sameSize), bytes.length)).toBe(false);
    expect(await fileMatches(file, hashOf(bytes), bytes.length - 1)).toBe(false);
    expect(await fileMatches(path.join(dir, 'hilang.jpg'), hashOf(bytes), bytes.length)).toBe(false);
  });
});
