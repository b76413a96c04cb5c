import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { createBackend } from '../../src-main/core/backend';
import { decodeManifest, encodeManifest } from '../../src-main/core/backup/evidence-manifest';
import { extractDatabase, ExtractError, inspectBackup, readManifest, type ExtractRefusal } from '../../src-main/core/backup/extract';
import { stageRestore } from '../../src-main/core/backup/restore';
import { evidenceFiles } from '../../src-main/core/evidence/file-store';
import type { BackupInfo } from '../../shared/api/backup';
import { AppError } from '../../shared/errors';
import { t, type MessageKey } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { resultData } from '../support/closing-backends';
import { backupZip, declareSize, endRecordOf, headersOf, partsOf, patchCentral, type Parts } from '../support/hostile-backup';
import { openHandlesOn } from '../support/open-handles';
import { strictLog } from '../support/strict-log';

// Reading a backup zip that may have been crafted to hurt, one check at a time: each crafted file
// differs from a good backup in one thing, and each is refused for its own reason (the refusal
// kind decides the Indonesian message restore shows) before anything reaches the data folder.
// Sound zips that our own writer could have made (stored entries, another order, a database
// larger than one read chunk) are read back byte for byte.

const MIB = 1024 * 1024;
let good: Parts;
let goodFile: string;
const work = tempDir('rakor-read-zips-');

beforeAll(async () => {
  const source = tempDir('rakor-read-zips-source-');
  const b = createBackend({ dataDir: source, runtime: 'cli', log: strictLog() });
  try {
    await resultData(b.invoke('agency.create', { kind: 'opd', name: 'Dinas Baca Cadangan', abbreviation: 'DBC' }));
    goodFile = (await resultData<BackupInfo>(b.invoke('backup.create', {}))).file;
  } finally {
    b.close();
  }
  good = partsOf(goodFile);
}, 60_000);

let counter = 0;
function fileOf(bytes: Uint8Array): string {
  const file = path.join(work, `${++counter}.zip`);
  fs.writeFileSync(file, bytes);
  return file;
}

const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

function metadataFor(database: Uint8Array, patch: Record<string, unknown> = {}): Uint8Array {
  return strToU8(JSON.stringify({ ...good.metadata, databaseBytes: database.length, sha256: sha(database), ...patch }));
}

/** Restated on purpose (restore.ts has the same table): the test states which message each refusal must show. */
const MESSAGE: Record<ExtractRefusal, MessageKey> = {
  notZip: 'backup.notZip',
  notOurs: 'backup.notOurs',
  unexpectedEntry: 'backup.unexpectedEntry',
  tooLarge: 'backup.tooLarge',
  checksum: 'backup.checksum',
  manifest: 'backup.manifestInvalid',
};

/** The ExtractError `work` fails with (anything else, or no failure, fails the test). */
async function extractRefusal(work: () => unknown): Promise<{ refusal: ExtractRefusal; detail: string }> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ExtractError)) throw error;
    // The message a log would show names the refusal and what was wrong.
    expect(error.message).toBe(`${error.refusal} ${error.detail}`);
    return { refusal: error.refusal, detail: error.detail };
  }
  throw new Error('expected an ExtractError');
}

/** Restore's checking half refuses `file` with the refusal's Indonesian message and leaves the data folder empty. */
async function stagingRefuses(file: string, refusal: ExtractRefusal, name = ''): Promise<void> {
  const dataDir = tempDir('rakor-read-zips-target-');
  let message = '';
  try {
    await stageRestore(file, dataDir, { evidence: evidenceFiles });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('INVALID_BACKUP');
    message = error.message;
  }
  expect(message).toBe(t(MESSAGE[refusal], { name }));
  expect(fs.readdirSync(dataDir)).toEqual([]);
}

/** Refused by inspectBackup with `refusal` and `detail`, and by restore with its message. */
async function refusedOnInspection(bytes: Uint8Array, refusal: ExtractRefusal, detail: string): Promise<void> {
  const file = fileOf(bytes);
  expect(await extractRefusal(() => inspectBackup(file))).toEqual({ refusal, detail });
  await stagingRefuses(file, refusal, refusal === 'unexpectedEntry' ? detail : '');
  expect(openHandlesOn(file)).toEqual([]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return eocd;
}

const goodZip = () => backupZip(good);

describe('the zip directory', () => {
  it('a good backup is read, and its metadata is the one written', async () => {
    const metadata = inspectBackup(fileOf(goodZip()));
    expect(metadata).toMatchObject({ databaseBytes: good.database.length, sha256: sha(good.database), formatVersion: 2 });
  });

  it('too short to be a zip, no end record, or an empty zip', async () => {
    await refusedOnInspection(new Uint8Array(10), 'notZip', 'too small');
    await refusedOnInspection(new Uint8Array(100), 'notZip', 'no end of central directory');
    // An empty zip is exactly its end record (22 bytes, at offset 0): a zip, just not ours.
    const empty = zipSync({});
    expect(empty.length).toBe(22);
    await refusedOnInspection(empty, 'notOurs', 'missing entry');
  });

  it('a directory beyond the file, or larger than 1 MiB, is refused before it is read', async () => {
    await refusedOnInspection(endRecord(0, 1000, 0), 'notZip', 'central directory out of bounds');
    // Ending exactly at the end of the file is still inside it.
    await refusedOnInspection(endRecord(0, 22, 0), 'notOurs', 'missing entry');
    await refusedOnInspection(Buffer.concat([Buffer.alloc(MIB), endRecord(0, MIB, 0)]), 'notOurs', 'missing entry');
    await refusedOnInspection(Buffer.concat([Buffer.alloc(MIB + 1), endRecord(0, MIB + 1, 0)]), 'notZip', 'central directory out of bounds');
  });

  it('a directory that lists more entries than it holds, or a name longer than the directory', async () => {
    const zip = Buffer.from(goodZip());
    const eocd = endRecordOf(zip);
    const more = Buffer.from(zip);
    more.writeUInt16LE(zip.readUInt16LE(eocd + 10) + 1, eocd + 10);
    await refusedOnInspection(more, 'notZip', 'broken central directory');
    // The database's header is the last in the directory: its name running 5 bytes past the end.
    const longName = patchCentral(zip, 'rakor-kla.sqlite', (b, h) => b.writeUInt16LE(b.readUInt16LE(h + 28) + 5, h + 28));
    await refusedOnInspection(longName, 'notZip', 'broken central directory');
  });

  it('an entry with an empty name, last in the directory, is listed and refused as not ours', async () => {
    const zip = zipSync({ 'metadata.json': metadataFor(good.database), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database, '': strToU8('x') });
    // Its 46-byte header ends exactly where the directory does.
    expect(headersOf(zip, '').central).toBe(endRecordOf(zip) - 46);
    await refusedOnInspection(zip, 'unexpectedEntry', '');
  });

  it('a local header that is not one, or cut short by the end of the file', async () => {
    const zip = Buffer.from(goodZip());
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(0, headersOf(zip, 'metadata.json').local);
    await refusedOnInspection(broken, 'notZip', 'broken local header');
    // A zip comment holding only a local header's signature, which an entry points at: 4 bytes, not 30.
    const comment = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, endRecordOf(zip) + 20);
    const pointed = patchCentral(withComment, 'metadata.json', (b, h) => b.writeUInt32LE(withComment.length - 4, h + 42));
    await refusedOnInspection(pointed, 'notZip', 'broken local header');
  });

  it("an entry's data running into the directory", async () => {
    const zip = patchCentral(goodZip(), 'rakor-kla.sqlite', (b, h) => b.writeUInt32LE(b.readUInt32LE(h + 20) + 1, h + 20));
    await refusedOnInspection(zip, 'notZip', 'entry data out of bounds');
  });
});

describe('the entries', () => {
  it('are found by name in any order', async () => {
    const file = fileOf(zipSync({ 'rakor-kla.sqlite': good.database, 'berkas.json': good.manifest!, 'metadata.json': metadataFor(good.database) }));
    expect(inspectBackup(file).sha256).toBe(sha(good.database));
    const target = path.join(tempDir('rakor-read-zips-out-'), 'db.sqlite');
    await extractDatabase(file, target);
    expect(fs.readFileSync(target)).toEqual(Buffer.from(good.database));
  });

  it('a second entry under the same name', async () => {
    const zip = zipSync({ 'metadata.json': metadataFor(good.database), 'metadata.jsoX': metadataFor(good.database), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database });
    const twice = Buffer.from(zip);
    const { central, local } = headersOf(zip, 'metadata.jsoX');
    twice.write('metadata.json', central + 46, 'latin1');
    twice.write('metadata.json', local + 30, 'latin1');
    await refusedOnInspection(twice, 'unexpectedEntry', 'metadata.json');
  });

  it('an encrypted entry or an unknown compression method', async () => {
    const encrypted = patchCentral(goodZip(), 'berkas.json', (b, h) => b.writeUInt16LE(b.readUInt16LE(h + 8) | 1, h + 8));
    await refusedOnInspection(encrypted, 'notOurs', 'berkas.json');
    const bzip2 = patchCentral(goodZip(), 'rakor-kla.sqlite', (b, h) => b.writeUInt16LE(12, h + 10));
    await refusedOnInspection(bzip2, 'notOurs', 'rakor-kla.sqlite');
  });

  it('no database, no metadata, or metadata that is not ours', async () => {
    await refusedOnInspection(zipSync({ 'metadata.json': metadataFor(good.database), 'berkas.json': good.manifest! }), 'notOurs', 'missing entry');
    await refusedOnInspection(zipSync({ 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database }), 'notOurs', 'missing entry');
    await refusedOnInspection(zipSync({ 'metadata.json': strToU8('bukan json'), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database }), 'notOurs', 'metadata');
  });

  it('metadata whose declared size does not match its bytes (stored or deflated)', async () => {
    const stored = zipSync({ 'metadata.json': [metadataFor(good.database), { level: 0 }], 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database });
    expect(inspectBackup(fileOf(stored)).databaseBytes).toBe(good.database.length);
    const storedLonger = patchCentral(stored, 'metadata.json', (b, h) => b.writeUInt32LE(b.readUInt32LE(h + 24) + 1, h + 24));
    await refusedOnInspection(storedLonger, 'notOurs', 'metadata');
    const deflatedLonger = patchCentral(goodZip(), 'metadata.json', (b, h) => b.writeUInt32LE(b.readUInt32LE(h + 24) + 1, h + 24));
    await refusedOnInspection(deflatedLonger, 'notOurs', 'metadata');
  });

  it('a manifest entry exactly when the metadata names one', async () => {
    await refusedOnInspection(zipSync({ 'metadata.json': metadataFor(good.database), 'rakor-kla.sqlite': good.database }), 'notOurs', 'berkas.json');
    const format1 = metadataFor(good.database, { formatVersion: 1, manifestSha256: undefined, evidenceFiles: undefined, evidenceBytes: undefined });
    expect(inspectBackup(fileOf(zipSync({ 'metadata.json': format1, 'rakor-kla.sqlite': good.database }))).formatVersion).toBe(1);
    await refusedOnInspection(zipSync({ 'metadata.json': format1, 'berkas.json': good.manifest!, 'rakor-kla.sqlite': good.database }), 'notOurs', 'berkas.json');
  });
});

describe('sizes', () => {
  it('the database may be as large as the cap, not one byte more, whichever of directory and metadata says so', async () => {
    const n = good.database.length;
    const file = fileOf(goodZip());
    expect(inspectBackup(file, { maxBytes: n }).databaseBytes).toBe(n);
    expect(await extractRefusal(() => inspectBackup(file, { maxBytes: n - 1 }))).toEqual({ refusal: 'tooLarge', detail: String(n) });
    expect(await extractRefusal(() => readManifest(file, Number.MAX_SAFE_INTEGER, { maxBytes: n - 1 }))).toEqual({ refusal: 'tooLarge', detail: String(n) });
    expect(await extractRefusal(() => extractDatabase(file, null, { maxBytes: n - 1 }))).toEqual({ refusal: 'tooLarge', detail: String(n) });
    // Only the metadata over the cap; only the directory over it.
    const metadataOver = fileOf(backupZip(good, { databaseBytes: n + 1 }));
    expect(await extractRefusal(() => inspectBackup(metadataOver, { maxBytes: n }))).toEqual({ refusal: 'tooLarge', detail: String(n) });
    const directoryOver = fileOf(declareSize(goodZip(), 'rakor-kla.sqlite', n + 1));
    expect(await extractRefusal(() => inspectBackup(directoryOver, { maxBytes: n }))).toEqual({ refusal: 'tooLarge', detail: String(n + 1) });
    expect(openHandlesOn(file)).toEqual([]);
  });

  it('without a cap of its own, 2 GiB is the cap (a 3 GiB declaration is refused unread)', async () => {
    const huge = 3 * 1024 * MIB;
    const file = fileOf(declareSize(backupZip(good, { databaseBytes: huge }), 'rakor-kla.sqlite', huge));
    const refusal = { refusal: 'tooLarge', detail: String(huge) };
    expect(await extractRefusal(() => inspectBackup(file))).toEqual(refusal);
    expect(await extractRefusal(() => readManifest(file, Number.MAX_SAFE_INTEGER))).toEqual(refusal);
    const target = path.join(tempDir('rakor-read-zips-out-'), 'db.sqlite');
    expect(await extractRefusal(() => extractDatabase(file, target))).toEqual(refusal);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('the directory and the metadata must agree on the size', async () => {
    await refusedOnInspection(backupZip(good, { databaseBytes: good.database.length - 1 }), 'checksum', 'size');
  });
});

describe('a stored (uncompressed) database', () => {
  const storedZip = (database: Uint8Array, first = false): Uint8Array => {
    const entries: Zippable = { 'metadata.json': metadataFor(database), 'berkas.json': good.manifest! };
    return zipSync(first ? { 'rakor-kla.sqlite': [database, { level: 0 }], ...entries } : { ...entries, 'rakor-kla.sqlite': [database, { level: 0 }] });
  };

  it('is read back byte for byte', async () => {
    const file = fileOf(storedZip(good.database));
    const target = path.join(tempDir('rakor-read-zips-out-'), 'db.sqlite');
    expect((await extractDatabase(file, target)).sha256).toBe(sha(good.database));
    expect(fs.readFileSync(target)).toEqual(Buffer.from(good.database));
    expect(openHandlesOn(file)).toEqual([]);
    expect(openHandlesOn(target)).toEqual([]);
  });

  it('whose compressed size is not its size is refused', async () => {
    const n = good.database.length;
    const shorter = patchCentral(storedZip(good.database), 'rakor-kla.sqlite', (b, h) => b.writeUInt32LE(n - 10, h + 20));
    await refusedOnInspection(shorter, 'checksum', 'stored size');
    // First in the zip, so that a longer compressed size still ends before the directory.
    const longer = patchCentral(storedZip(good.database, true), 'rakor-kla.sqlite', (b, h) => b.writeUInt32LE(n + 5, h + 20));
    await refusedOnInspection(longer, 'checksum', 'stored size');
  });
});

describe('inflating the database', () => {
  // Random bytes do not compress: several read chunks of 1 MiB, deflated or stored.
  const blob = crypto.randomBytes(2 * MIB + 12_345);

  for (const level of [6, 0] as const) {
    it(`reads a database of several chunks (${level ? 'deflated' : 'stored'}) byte for byte, reporting a rising fraction to 1`, async () => {
      const zip = zipSync({ 'metadata.json': metadataFor(blob), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': [blob, { level }] });
      const file = fileOf(zip);
      const target = path.join(tempDir('rakor-read-zips-out-'), 'db.sqlite');
      const reports: number[] = [];
      await extractDatabase(file, target, { onProgress: (f) => reports.push(f) });
      expect(fs.readFileSync(target).equals(blob)).toBe(true);
      expect(reports.length).toBeGreaterThanOrEqual(3);
      expect(reports).toEqual([...reports].sort((a, b) => a - b));
      expect(reports[0]).toBeGreaterThan(0);
      expect(reports[reports.length - 1]).toBe(1);
      // Only verifying (no target), without a progress listener.
      expect((await extractDatabase(file, null)).databaseBytes).toBe(blob.length);
      expect(openHandlesOn(file)).toEqual([]);
      expect(openHandlesOn(target)).toEqual([]);
    });
  }

  it('a file cut short while it is read is refused as not a whole zip', async () => {
    const zip = zipSync({ 'metadata.json': metadataFor(blob), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': [blob, { level: 0 }] });
    const file = fileOf(zip);
    const dataStart = headersOf(zip, 'rakor-kla.sqlite').local + 30 + 'rakor-kla.sqlite'.length;
    // A USB stick pulled out after the first chunk: the next read finds nothing.
    const cut = () => fs.truncateSync(file, dataStart + MIB);
    expect(await extractRefusal(() => extractDatabase(file, null, { onProgress: cut }))).toEqual({ refusal: 'notZip', detail: 'truncated' });
    expect(openHandlesOn(file)).toEqual([]);
  });

  it('a damaged deflate stream is refused as a checksum failure', async () => {
    const zip = Buffer.from(goodZip());
    const local = headersOf(zip, 'rakor-kla.sqlite').local;
    // Block type 3 does not exist in deflate.
    zip[local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)] = 0xff;
    const file = fileOf(zip);
    expect((await extractRefusal(() => extractDatabase(file, null))).refusal).toBe('checksum');
    await stagingRefuses(file, 'checksum');
  });

  it('content that inflates beyond its declared size is stopped there, with nothing beyond it written', async () => {
    const declared = 1000;
    const lying = declareSize(zipSync({ 'metadata.json': metadataFor(new Uint8Array(declared)), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': new Uint8Array(300_000) }), 'rakor-kla.sqlite', declared);
    const file = fileOf(lying);
    const target = path.join(tempDir('rakor-read-zips-out-'), 'db.sqlite');
    expect(await extractRefusal(() => extractDatabase(file, target))).toEqual({ refusal: 'tooLarge', detail: 'inflates beyond its declared size' });
    expect(fs.statSync(target).size).toBeLessThanOrEqual(declared);
    expect(openHandlesOn(target)).toEqual([]);
    await stagingRefuses(file, 'tooLarge');
  });

  it('content of the declared size whose sha256 is not the declared one', async () => {
    const file = fileOf(backupZip(good, { sha256: '0'.repeat(64) }));
    expect(await extractRefusal(() => extractDatabase(file, null))).toEqual({ refusal: 'checksum', detail: 'content' });
    await stagingRefuses(file, 'checksum');
  });
});

describe('the manifest', () => {
  it('a backup of format 1 has an empty one', async () => {
    const format1 = metadataFor(good.database, { formatVersion: 1, manifestSha256: undefined, evidenceFiles: undefined, evidenceBytes: undefined });
    const file = fileOf(zipSync({ 'metadata.json': format1, 'rakor-kla.sqlite': good.database }));
    expect(readManifest(file, Number.MAX_SAFE_INTEGER)).toEqual({ files: [] });
    expect(openHandlesOn(file)).toEqual([]);
  });

  it('is read when sound, its count checked only when the metadata gives one', async () => {
    expect(readManifest(fileOf(goodZip()), Number.MAX_SAFE_INTEGER)).toEqual(JSON.parse(new TextDecoder().decode(good.manifest)));
    const files = (JSON.parse(new TextDecoder().decode(good.manifest)) as { files: unknown[] }).files.length;
    const uncounted = fileOf(backupZip(good, { evidenceFiles: undefined }));
    expect(readManifest(uncounted, Number.MAX_SAFE_INTEGER).files).toHaveLength(files);
    const miscounted = fileOf(backupZip(good, { evidenceFiles: files + 1 }));
    expect(await extractRefusal(() => readManifest(miscounted, Number.MAX_SAFE_INTEGER))).toEqual({ refusal: 'manifest', detail: 'count' });
    await stagingRefuses(miscounted, 'manifest');
    const otherHash = fileOf(backupZip(good, { manifestSha256: '0'.repeat(64) }));
    expect(await extractRefusal(() => readManifest(otherHash, Number.MAX_SAFE_INTEGER))).toEqual({ refusal: 'manifest', detail: 'berkas.json' });
    expect(openHandlesOn(miscounted)).toEqual([]);
  });

  it('names files only by a whole lowercase sha256, and caps the total at 1 TiB', () => {
    const hash = 'ab'.repeat(32);
    const decode = (files: unknown[], maxFileBytes = 1000) => {
      const { bytes, sha256 } = encodeManifest({ files } as never);
      return decodeManifest(bytes, sha256, maxFileBytes);
    };
    expect(decode([{ sha256: hash, bytes: 10 }])).toEqual({ files: [{ sha256: hash, bytes: 10 }] });
    expect(decode([{ sha256: `../${hash}`, bytes: 10 }])).toBeNull();
    expect(decode([{ sha256: `${hash}/../x`, bytes: 10 }])).toBeNull();
    const tib = 2 ** 40;
    expect(decode([{ sha256: hash, bytes: tib }], tib)?.files).toHaveLength(1);
    expect(decode([{ sha256: hash, bytes: tib / 2 + 1 }, { sha256: 'cd'.repeat(32), bytes: tib / 2 }], tib)).toBeNull();
  });
});
