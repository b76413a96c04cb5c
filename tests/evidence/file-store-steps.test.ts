import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  cleanStoreLeftovers,
  dropStaged,
  evidenceFiles,
  listStoredHashes,
  publishStaged,
  putFile,
  readIntactFile,
  readStoredFile,
  sha256Of,
  stageFile,
  storedPath,
} from '../../src-main/core/evidence/file-store';
import { jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { openTestBackend } from '../support/meeting-helpers';

// The evidence store step by step, on real files in a temporary data folder: what is on disk
// after staging, publishing and dropping, that a file is named only by its own hash, and that
// temporary files never stay behind.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const filesDir = () => path.join(dir, 'files');
/** The temporaries in files/ (named `.tmp-<pid>-<random>`). */
const temps = () => fs.readdirSync(filesDir()).filter((n) => n.startsWith('.tmp-'));
const HASH = 'ab'.repeat(32);

describe('where a file is stored', () => {
  it('is files/<first two hex digits>/<sha256>', () => {
    expect(storedPath(dir, HASH)).toBe(path.join(dir, 'files', 'ab', HASH));
  });

  it('refuses anything but 64 lowercase hex digits, so a name from a payload cannot leave the store', () => {
    for (const bad of [`../${HASH}`, `${HASH}/../../x`, `x${HASH}`, `${HASH}0`, HASH.toUpperCase(), HASH.slice(1)]) {
      expect(() => storedPath(dir, bad)).toThrow(new Error(`not a sha256: ${bad}`));
    }
  });
});

describe('staging and publishing', () => {
  it('stages new bytes into a synced temp in files/, and publishing renames it to its hash', async () => {
    const bytes = jpegBytes();
    const staged = await stageFile(dir, bytes);
    expect(staged.sha256).toBe(sha256Of(bytes));
    expect(staged.temp).toBe(path.join(filesDir(), temps()[0]!));
    expect(fs.readFileSync(staged.temp!).equals(bytes)).toBe(true);
    expect(listStoredHashes(dir)).toEqual([]);
    await publishStaged(dir, [staged]);
    expect(temps()).toEqual([]);
    expect(fs.readFileSync(storedPath(dir, staged.sha256)).equals(bytes)).toBe(true);
  });

  it('stages nothing when the store already holds the same bytes intact (no temp left)', async () => {
    const bytes = pdfBytes();
    const hash = await putFile(dir, bytes);
    const again = await stageFile(dir, bytes);
    expect(again).toEqual({ sha256: hash, temp: null });
    expect(temps()).toEqual([]);
  });

  it('stages again over a stored copy that was altered, and publishing puts the right bytes back', async () => {
    const bytes = pngBytes();
    const hash = await putFile(dir, bytes);
    fs.writeFileSync(storedPath(dir, hash), Buffer.from('diubah'));
    const again = await stageFile(dir, bytes);
    expect(again.temp).not.toBeNull();
    await publishStaged(dir, [again]);
    expect(readIntactFile(dir, hash)?.equals(bytes)).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('putFile stores the bytes under their hash and returns it', async () => {
    const bytes = jpegBytes();
    const hash = await putFile(dir, bytes);
    expect(hash).toBe(sha256Of(bytes));
    expect(fs.readFileSync(storedPath(dir, hash)).equals(bytes)).toBe(true);
    expect(listStoredHashes(dir)).toEqual([hash]);
    expect(temps()).toEqual([]);
  });

  it('a staging that fails passes the error on and leaves no temp', async () => {
    // WebCrypto refuses a view on shared memory: the hash fails after the temp was opened.
    const shared = new Uint8Array(new SharedArrayBuffer(16));
    shared.set(jpegBytes().subarray(0, 16));
    await expect(stageFile(dir, shared)).rejects.toThrow(/SharedArrayBuffer/);
    expect(temps()).toEqual([]);
  });

  it('a publish whose rename fails passes the rename error on and removes the temp', async () => {
    const bytes = jpegBytes();
    const staged = await stageFile(dir, bytes);
    // Something that is not a file sits where the stored file goes.
    fs.mkdirSync(path.join(storedPath(dir, staged.sha256), 'isi'), { recursive: true });
    await expect(publishStaged(dir, [staged])).rejects.toMatchObject({ syscall: 'rename' });
    expect(temps()).toEqual([]);
  });

  it('a publish whose temp has vanished reports the rename, not the clean-up', async () => {
    const staged = await stageFile(dir, jpegBytes());
    fs.rmSync(staged.temp!);
    await expect(publishStaged(dir, [staged])).rejects.toMatchObject({ code: 'ENOENT', syscall: 'rename' });
    expect(listStoredHashes(dir)).toEqual([]);
  });
});

describe('dropping a staged group that will not be published', () => {
  it('removes its temps, leaves stored files alone, and does not fail on temps already gone', async () => {
    const kept = pdfBytes('sudah ada');
    const keptHash = await putFile(dir, kept);
    const group = [await stageFile(dir, jpegBytes()), await stageFile(dir, kept), await stageFile(dir, pngBytes())];
    expect(group[1]!.temp).toBeNull();
    expect(temps()).toHaveLength(2);
    // The first was already renamed away (a publish that failed half-way).
    await publishStaged(dir, [group[0]!]);
    await dropStaged(group);
    expect(temps()).toEqual([]);
    expect(listStoredHashes(dir)).toEqual([keptHash, group[0]!.sha256].sort());
    expect(readIntactFile(dir, keptHash)?.equals(kept)).toBe(true);
  });
});

describe('reading stored files', () => {
  it('readStoredFile gives the bytes as they are, or null when missing', async () => {
    const hash = await putFile(dir, jpegBytes());
    fs.writeFileSync(storedPath(dir, hash), 'diubah');
    expect(readStoredFile(dir, hash)?.toString()).toBe('diubah');
    expect(readStoredFile(dir, HASH)).toBeNull();
  });

  it('readIntactFile gives the bytes only when they hash to their name: null when altered or missing', async () => {
    const bytes = pngBytes();
    const hash = await putFile(dir, bytes);
    expect(readIntactFile(dir, hash)?.equals(bytes)).toBe(true);
    fs.writeFileSync(storedPath(dir, hash), Buffer.concat([bytes, Buffer.from([0])]));
    expect(readIntactFile(dir, hash)).toBeNull();
    expect(readIntactFile(dir, HASH)).toBeNull();
  });
});

describe('leftovers and listing', () => {
  it('cleanStoreLeftovers removes only the temps of killed attaches and names them', async () => {
    const hash = await putFile(dir, jpegBytes());
    fs.writeFileSync(path.join(filesDir(), '.tmp-4242-0a1b2c3d4e5f'), 'setengah');
    fs.writeFileSync(path.join(filesDir(), '.tmp-4243-ffeeddccbbaa'), '');
    fs.writeFileSync(path.join(filesDir(), 'catatan.tmp-'), 'bukan sisa');
    expect(cleanStoreLeftovers(dir).sort()).toEqual(['.tmp-4242-0a1b2c3d4e5f', '.tmp-4243-ffeeddccbbaa']);
    expect(fs.readdirSync(filesDir()).sort()).toEqual([hash.slice(0, 2), 'catatan.tmp-'].sort());
    expect(readIntactFile(dir, hash)).not.toBeNull();
    expect(cleanStoreLeftovers(dir)).toEqual([]);
  });

  it('cleanStoreLeftovers on a data folder without files/ removes nothing', () => {
    expect(cleanStoreLeftovers(dir)).toEqual([]);
    expect(fs.existsSync(filesDir())).toBe(false);
  });

  it('the backend removes leftover temps when it starts', async () => {
    await putFile(dir, pdfBytes());
    fs.writeFileSync(path.join(filesDir(), '.tmp-1-abcdef012345'), 'setengah');
    const t = openTestBackend(dir);
    try {
      expect(temps()).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('listStoredHashes lists, sorted, only hash-named files in two-hex-digit folders', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 24; i++) hashes.push(await putFile(dir, pdfBytes(`berkas ${i}`)));
    const sorted = [...hashes].sort();
    // 24 files in many folders: the order the folders are read in is not sorted order.
    const root = filesDir();
    fs.writeFileSync(path.join(root, '.tmp-7-0a0b0c0d0e0f'), 'setengah');
    fs.mkdirSync(path.join(root, 'ab-lama'));
    fs.writeFileSync(path.join(root, 'ab-lama', HASH), 'salinan lama');
    fs.mkdirSync(path.join(root, 'ab'), { recursive: true });
    for (const stray of [`${HASH}.bak`, `x${HASH}`, 'catatan.txt']) fs.writeFileSync(path.join(root, 'ab', stray), 'bukan berkas');
    expect(listStoredHashes(dir)).toEqual(sorted);
  });

  it('listStoredHashes of a data folder without files/ is empty', () => {
    expect(listStoredHashes(dir)).toEqual([]);
  });
});

describe('what backups learn about evidence', () => {
  it('a database from before evidence existed (schema 7) refers to no file', () => {
    const file = path.join(dir, 'v7.sqlite');
    fs.copyFileSync(path.resolve(import.meta.dirname, '../fixtures/schema-v7.sqlite'), file);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'evidence'`).get()).toEqual({ n: 0 });
      expect(evidenceFiles.referenced(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
