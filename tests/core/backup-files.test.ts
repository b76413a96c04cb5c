import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
  backupFileName, backupsIn, backupsToKeep, KEEP_LAST, KEEP_MONTHS, rotateBackups, timeOfBackupName, type NamedBackup,
} from '../../src-main/core/backup/rotation';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DATABASE_ENTRY, METADATA_ENTRY, parseMetadata } from '../../src-main/core/backup/metadata';
import { readZipEntry } from '../../src-main/core/backup/zip-entry';
import { tempDir } from '../support/backup-helpers';

// Backup files on disk: their names, which of them rotation keeps (with a fixed "now", never
// the clock), the metadata a backup carries, and reading that one entry out of a zip.

const at = (y: number, mo: number, d: number, h = 9, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s);
const named = (time: Date): NamedBackup => ({ name: backupFileName(time), time });

describe('backup names', () => {
  it('carry the local time to the second, and a counter when a second is taken', () => {
    expect(backupFileName(at(2025, 1, 2, 3, 4, 5))).toBe('rakor-kla-20250102-030405.zip');
    expect(backupFileName(at(2025, 12, 31, 23, 59, 58), 2)).toBe('rakor-kla-20251231-235958-2.zip');
    expect(backupFileName(at(2025, 12, 31, 23, 59, 58), 0)).toBe('rakor-kla-20251231-235958.zip');
  });

  it('are read back, and names that are not ours are not', () => {
    expect(timeOfBackupName('rakor-kla-20250102-030405.zip')).toEqual(at(2025, 1, 2, 3, 4, 5));
    expect(timeOfBackupName('rakor-kla-20250102-030405-2.zip')?.getTime()).toBe(at(2025, 1, 2, 3, 4, 5).getTime() + 2);
    for (const other of ['rakor-kla-20250102-030405.zip.bak', 'xrakor-kla-20250102-030405.zip', 'rakor-kla-2025012-030405.zip', 'rakor-kla-20250102-030405-.zip', 'rakor-kla-20250102-030405.ZIP'])
      expect(timeOfBackupName(other), other).toBeNull();
  });
});

describe('rotation', () => {
  const now = at(2025, 6, 15, 12);

  it('keeps the ten newest and the newest of each month back to the same month last year', () => {
    expect(KEEP_LAST).toBe(10);
    expect(KEEP_MONTHS).toBe(12);
    const june = Array.from({ length: 12 }, (_, i) => named(at(2025, 6, i + 1)));
    const older = [
      named(at(2025, 5, 20, 8)), named(at(2025, 5, 10)),
      named(at(2024, 7, 1, 0, 0, 0)), // the first second of the oldest month kept
      named(at(2024, 6, 30, 23, 59, 59)), // one second too old
    ];
    const keep = backupsToKeep([...older, ...june], now);
    expect([...keep].sort()).toEqual([
      'rakor-kla-20240701-000000.zip',
      'rakor-kla-20250520-080000.zip',
      ...Array.from({ length: 10 }, (_, i) => `rakor-kla-202506${String(i + 3).padStart(2, '0')}-090000.zip`),
    ]);
  });

  it('keeps one per month when there are few, and all when there are ten or fewer', () => {
    const few = [named(at(2025, 6, 1)), named(at(2025, 6, 2)), named(at(2023, 1, 1))];
    expect(backupsToKeep(few, now).size).toBe(3);
    const monthly = Array.from({ length: 14 }, (_, i) => named(at(2025, 6 - i, 1)));
    // 14 monthly backups, June 2025 back to May 2024: the 10 newest, plus August and July 2024.
    const kept = backupsToKeep(monthly, now);
    expect(kept.size).toBe(12);
    expect(kept.has('rakor-kla-20240701-090000.zip')).toBe(true);
    expect(kept.has('rakor-kla-20240601-090000.zip')).toBe(false);
  });

  it('orders backups of the same time by name, newest name first', () => {
    const time = at(2025, 6, 1);
    const same = 'abcdefghijk'.split('').map((c) => ({ name: c, time }));
    expect([...backupsToKeep(same, now)].sort()).toEqual('bcdefghijk'.split(''));
  });

  it('lists only our backups in a folder, newest first, and deletes only what rotation lets go', () => {
    expect(backupsIn(path.join(tempDir(), 'tidak-ada'))).toEqual([]);
    const folder = tempDir();
    const times = Array.from({ length: 13 }, (_, i) => at(2025, 6, 1 + i));
    for (const time of times) fs.writeFileSync(path.join(folder, backupFileName(time)), 'zip');
    fs.writeFileSync(path.join(folder, 'catatan-saya.zip'), 'mine');
    fs.mkdirSync(path.join(folder, backupFileName(at(2025, 5, 3)))); // cannot be removed as a file
    const listed = backupsIn(folder);
    expect(listed[0]).toEqual(named(at(2025, 6, 13)));
    expect(listed.map((b) => b.name)).not.toContain('catatan-saya.zip');
    expect(listed).toHaveLength(14);
    const removed = rotateBackups(folder, now);
    // 10 newest June backups stay; June 1–3 go; the folder named like a May backup is May's newest.
    expect(removed.sort()).toEqual(['rakor-kla-20250601-090000.zip', 'rakor-kla-20250602-090000.zip', 'rakor-kla-20250603-090000.zip']);
    expect(fs.readdirSync(folder)).toContain('catatan-saya.zip');
    expect(fs.readdirSync(folder)).toHaveLength(12);
  });

  it('puts the second backup of the same second after the first', () => {
    const folder = tempDir();
    for (const name of ['rakor-kla-20250601-090000.zip', 'rakor-kla-20250601-090000-1.zip', 'rakor-kla-20250601-085959.zip'])
      fs.writeFileSync(path.join(folder, name), 'zip');
    expect(backupsIn(folder).map((b) => b.name)).toEqual(['rakor-kla-20250601-090000-1.zip', 'rakor-kla-20250601-090000.zip', 'rakor-kla-20250601-085959.zip']);
  });

  it('tries again later when a backup cannot be removed', () => {
    const folder = tempDir();
    for (let i = 1; i <= 11; i++) fs.writeFileSync(path.join(folder, backupFileName(at(2025, 6, i))), 'zip');
    fs.mkdirSync(path.join(folder, backupFileName(at(2025, 6, 1, 8)))); // oldest, and a folder
    const removed = rotateBackups(folder, now);
    expect(removed).toEqual(['rakor-kla-20250601-090000.zip']);
    expect(fs.existsSync(path.join(folder, 'rakor-kla-20250601-080000.zip'))).toBe(true);
  });
});

describe('backup metadata', () => {
  const good = {
    format: 'rakor-kla-cadangan', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 2, createdAt: '2025-06-15T05:00:00.000Z',
    reason: 'manual', databaseEntry: 'rakor-kla.sqlite', databaseBytes: 4096, sha256: 'a'.repeat(64), rowCounts: { agency: 3, meeting: 0 },
  };
  const bytes = (value: unknown) => strToU8(JSON.stringify(value));

  it('names its format and entries', () => {
    expect([BACKUP_FORMAT, BACKUP_FORMAT_VERSION, METADATA_ENTRY, DATABASE_ENTRY]).toEqual(['rakor-kla-cadangan', 2, 'metadata.json', 'rakor-kla.sqlite']);
  });

  it('reads sound metadata and refuses anything else', () => {
    expect(parseMetadata(bytes(good))).toEqual(good);
    for (const reason of ['start', 'meeting-closed', 'manual', 'before-restore', 'cli']) expect(parseMetadata(bytes({ ...good, reason }))?.reason).toBe(reason);
    const bad: Record<string, unknown> = {
      format: 'lain', formatVersion: 2, appVersion: 'x'.repeat(51), schemaVersion: 0, createdAt: '15 Juni 2025', reason: 'lain',
      databaseEntry: 'db.sqlite', databaseBytes: -1, sha256: 'A'.repeat(64), rowCounts: { agency: -1 },
    };
    for (const [key, value] of Object.entries(bad)) expect(parseMetadata(bytes({ ...good, [key]: value })), key).toBeNull();
    expect(parseMetadata(bytes({ ...good, formatVersion: 0 }))).toBeNull();
    expect(parseMetadata(bytes({ ...good, sha256: 'a'.repeat(63) }))).toBeNull();
    expect(parseMetadata(bytes({ ...good, sha256: `${'a'.repeat(64)}0` }))).toBeNull();
    expect(parseMetadata(strToU8('{bukan json'))).toBeNull();
    expect(parseMetadata(new Uint8Array())).toBeNull();
  });
});

describe('reading one zip entry', () => {
  const meta = strToU8('{"format":"rakor-kla-cadangan"}');

  function zipFile(entries: Record<string, Uint8Array>, level: 0 | 6 = 6): string {
    const file = path.join(tempDir(), 'a.zip');
    fs.writeFileSync(file, zipSync(entries, { level }));
    return file;
  }

  const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('utf8'));

  it('finds a deflated or stored entry among others', () => {
    const big = strToU8('x'.repeat(5000));
    const json = '{"format":"rakor-kla-cadangan"}';
    expect(text(readZipEntry(zipFile({ 'rakor-kla.sqlite': big, 'metadata.json': meta }), 'metadata.json'))).toBe(json);
    expect(text(readZipEntry(zipFile({ 'rakor-kla.sqlite': big, 'metadata.json': meta }, 0), 'metadata.json'))).toBe(json);
    expect(text(readZipEntry(zipFile({ 'metadata.json': meta, 'rakor-kla.sqlite': big }), 'rakor-kla.sqlite'))).toBe('x'.repeat(5000));
    expect(readZipEntry(zipFile({ 'rakor-kla.sqlite': big }), 'metadata.json')).toBeNull();
  });

  it('finds the end record behind a zip comment', () => {
    const file = zipFile({ 'metadata.json': meta });
    const bytes = fs.readFileSync(file);
    const comment = Buffer.from('komentar arsip');
    bytes.writeUInt16LE(comment.length, bytes.length - 2);
    fs.writeFileSync(file, Buffer.concat([bytes, comment]));
    expect(text(readZipEntry(file, 'metadata.json'))).toBe('{"format":"rakor-kla-cadangan"}');
  });

  it('refuses what it cannot read safely', () => {
    const dir = tempDir();
    expect(readZipEntry(path.join(dir, 'none.zip'), 'metadata.json')).toBeNull();
    fs.writeFileSync(path.join(dir, 'short.zip'), 'PK');
    expect(readZipEntry(path.join(dir, 'short.zip'), 'metadata.json')).toBeNull();
    fs.writeFileSync(path.join(dir, 'text.zip'), 'bukan zip '.repeat(100));
    expect(readZipEntry(path.join(dir, 'text.zip'), 'metadata.json')).toBeNull();
    // Over 1 MB once inflated: refused without inflating it.
    expect(readZipEntry(zipFile({ 'metadata.json': new Uint8Array(1024 * 1024 + 1) }), 'metadata.json')).toBeNull();
    expect(readZipEntry(zipFile({ 'metadata.json': new Uint8Array(1024 * 1024) }), 'metadata.json')?.length).toBe(1024 * 1024);
  });

  it('skips entries with extra fields and comments, and reads an entry that has them', () => {
    const extra = { 0xcafe: new Uint8Array([1, 2, 3, 4, 5, 6, 7]) };
    const file = path.join(tempDir(), 'x.zip');
    fs.writeFileSync(file, zipSync({
      'rakor-kla.sqlite': [strToU8('isi basis data'), { extra, comment: 'basis data' }],
      'metadata.json': [meta, { extra, comment: 'metadata' }],
    }));
    expect(text(readZipEntry(file, 'metadata.json'))).toBe('{"format":"rakor-kla-cadangan"}');
    expect(text(readZipEntry(file, 'rakor-kla.sqlite'))).toBe('isi basis data');
  });

  it('refuses an entry whose compressed size is over 1 MB, and a central directory over 1 MB', () => {
    // Random bytes do not compress: exactly 1 MB of them deflates to a little more than 1 MB.
    const random = new Uint8Array(1024 * 1024);
    for (let i = 0; i < random.length; i += 65_536) crypto.getRandomValues(random.subarray(i, i + 65_536));
    expect(readZipEntry(zipFile({ 'metadata.json': random }), 'metadata.json')).toBeNull();
    expect(readZipEntry(zipFile({ 'metadata.json': random }, 0), 'metadata.json')?.length).toBe(1024 * 1024);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 12_000; i++) many[`${String(i).padStart(6, '0')}-${'n'.repeat(50)}.txt`] = new Uint8Array();
    many['metadata.json'] = meta;
    expect(readZipEntry(zipFile(many, 0), 'metadata.json')).toBeNull();
  });

  it('returns nothing for an entry whose compressed data is damaged, and leaves no file open', () => {
    const file = zipFile({ 'metadata.json': strToU8('{"a":"' + 'abc'.repeat(200) + '"}') });
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 40, 80); // inside the deflate stream
    fs.writeFileSync(file, bytes);
    const openFds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
    const before = openFds();
    for (let i = 0; i < 20; i++) expect(readZipEntry(file, 'metadata.json')).toBeNull();
    for (let i = 0; i < 20; i++) readZipEntry(zipFile({ 'metadata.json': meta }), 'metadata.json');
    expect(openFds()).toBe(before);
  });

  it('refuses damaged headers and unknown compression', () => {
    const base = fs.readFileSync(zipFile({ 'metadata.json': meta }));
    const eocd = base.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = base.readUInt32LE(eocd + 16);
    const damaged = (change: (b: Buffer) => void) => {
      const b = Buffer.from(base);
      change(b);
      const file = path.join(tempDir(), 'd.zip');
      fs.writeFileSync(file, b);
      return readZipEntry(file, 'metadata.json');
    };
    expect(text(damaged(() => undefined))).toBe('{"format":"rakor-kla-cadangan"}');
    expect(damaged((b) => b.writeUInt32LE(0, cd))).toBeNull(); // central directory signature
    expect(damaged((b) => b.writeUInt32LE(0, 0))).toBeNull(); // local header signature
    expect(damaged((b) => b.writeUInt32LE(b.length, eocd + 16))).toBeNull(); // directory beyond the file
    expect(damaged((b) => b.writeUInt16LE(12, cd + 10))).toBeNull(); // bzip2: not ours
  });
});
