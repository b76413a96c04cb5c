import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cleanDataFolderLeftovers, cleanPartialBackups } from '../../src-main/core/backup/leftovers';
import { tempDir } from '../support/backup-helpers';

// What a killed backup or restore leaves behind, and what start-up removes. The crash test
// (killed-backup-and-restore-recover) makes these files by killing a child process, which a
// mutation run cannot see; here they are laid out by hand, with their look-alikes that must stay.

function write(file: string, content = 'x'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const ls = (dir: string) => fs.readdirSync(dir).sort();

describe('cleanDataFolderLeftovers', () => {
  it('removes staged restores, backup work folders and the half-written journal, and keeps everything else', () => {
    const dir = tempDir('rakor-leftovers-');
    // What a killed restore or backup leaves: a staged database, its staged evidence folder
    // (with a file in a sub-folder), a backup work folder with its snapshot, a journal being written.
    write(path.join(dir, '.pemulihan-4242-1700000000000.sqlite'), 'staged');
    write(path.join(dir, '.pemulihan-4242-1700000000000-berkas', 'files', 'ab', 'ab12'), 'bukti');
    write(path.join(dir, '.cadangan-sementara-Xy12ab', 'rakor-kla.sqlite'), 'snapshot');
    write(path.join(dir, '.pemulihan.json.tmp'), '{"staged":');
    // What is not ours to remove: the database and its WAL, the journal itself (recovery reads
    // it before this runs), the evidence store, backups, moved-aside files and names that only
    // look like ours.
    const kept = [
      'rakor-kla.sqlite',
      'rakor-kla.sqlite-wal',
      '.pemulihan.json',
      'rakor-kla.rusak-20250310-090507.sqlite',
      'pemulihan-4242.sqlite',
      'x.pemulihan-4242.sqlite',
      'cadangan-sementara-lama',
      '.pemulihan.json.tmp.bak',
      '.pemulihan.json.tm',
    ];
    for (const name of kept) write(path.join(dir, name), name);
    write(path.join(dir, 'files', 'cd', 'cd34'), 'bukti lama');
    write(path.join(dir, 'cadangan', 'rakor-kla-2025-03-10-0900.zip'), 'zip');

    const removed = cleanDataFolderLeftovers(dir);

    expect(removed.sort()).toEqual(['.cadangan-sementara-Xy12ab', '.pemulihan-4242-1700000000000-berkas', '.pemulihan-4242-1700000000000.sqlite', '.pemulihan.json.tmp']);
    expect(ls(dir)).toEqual([...kept, 'cadangan', 'files'].sort());
    for (const name of kept) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(name);
    expect(fs.readFileSync(path.join(dir, 'files', 'cd', 'cd34'), 'utf8')).toBe('bukti lama');
    expect(ls(path.join(dir, 'cadangan'))).toEqual(['rakor-kla-2025-03-10-0900.zip']);
    // A second start finds nothing more to do.
    expect(cleanDataFolderLeftovers(dir)).toEqual([]);
  });

  it('a data folder that does not exist (yet) gives an empty list', () => {
    const missing = path.join(tempDir('rakor-leftovers-'), 'belum-ada');
    expect(cleanDataFolderLeftovers(missing)).toEqual([]);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('an empty data folder stays empty', () => {
    const dir = tempDir('rakor-leftovers-');
    expect(cleanDataFolderLeftovers(dir)).toEqual([]);
    expect(ls(dir)).toEqual([]);
  });
});

describe('cleanPartialBackups', () => {
  const MINUTE = 60_000;
  /** A file whose modification time is exactly `ageMs` before the returned `now`. */
  function aged(file: string, ageMs: number, now: number): void {
    write(file, 'setengah');
    const mtime = new Date(now - ageMs);
    fs.utimesSync(file, mtime, mtime);
  }
  // Whole seconds, so the modification time is stored exactly.
  const now = Math.floor(Date.now() / 1000) * 1000;

  it('removes only half-written backups of our naming that nobody touched for ten minutes', () => {
    const folder = tempDir('rakor-partials-');
    const old = ['.rakor-kla-2025-03-10-0900.zip.sebagian', '.rakor-kla-2025-03-10-0900-2.zip.sebagian', '.rakor-kla-20250310.zip.sebagian'];
    for (const name of old) aged(path.join(folder, name), 11 * MINUTE, now);
    // Another computer sharing the folder may be writing this one right now.
    aged(path.join(folder, '.rakor-kla-2025-03-11-0900.zip.sebagian'), 9 * MINUTE, now);
    // Old, but not ours (or not a half-written backup): they stay whatever their age.
    const strangers = [
      'rakor-kla-2025-03-10-0900.zip',
      'rakor-kla-2025-03-10-0900.zip.sebagian',
      '.rakor-kla-2025-03-10-0900.zip',
      '.rakor-kla-.zip.sebagian',
      '.rakor-kla-abc.zip.sebagian',
      '.rakor-kla-2025-03-10-0900.zip.sebagianx',
      '.rakor-kla-2025-03-10-0900.zip.sebagian.bak',
      'x.rakor-kla-2025-03-10-0900.zip.sebagian',
      '.rakor-kla-2025-03-10-0900.docx.sebagian',
      'laporan.sebagian',
    ];
    for (const name of strangers) aged(path.join(folder, name), 60 * MINUTE, now);

    expect(cleanPartialBackups(folder, now).sort()).toEqual([...old].sort());
    expect(ls(folder)).toEqual([...strangers, '.rakor-kla-2025-03-11-0900.zip.sebagian'].sort());
  });

  it('a file exactly the minimum age goes; one a second younger stays', () => {
    const folder = tempDir('rakor-partials-');
    aged(path.join(folder, '.rakor-kla-2025-03-10-0900.zip.sebagian'), 5 * MINUTE, now);
    aged(path.join(folder, '.rakor-kla-2025-03-10-0901.zip.sebagian'), 5 * MINUTE - 1000, now);
    expect(cleanPartialBackups(folder, now, 5 * MINUTE)).toEqual(['.rakor-kla-2025-03-10-0900.zip.sebagian']);
    expect(ls(folder)).toEqual(['.rakor-kla-2025-03-10-0901.zip.sebagian']);
  });

  it('by default measures the age against the current time', () => {
    const folder = tempDir('rakor-partials-');
    const real = Date.now();
    aged(path.join(folder, '.rakor-kla-2025-03-10-0900.zip.sebagian'), 20 * MINUTE, real);
    aged(path.join(folder, '.rakor-kla-2025-03-10-0901.zip.sebagian'), 2 * MINUTE, real);
    expect(cleanPartialBackups(folder)).toEqual(['.rakor-kla-2025-03-10-0900.zip.sebagian']);
    expect(ls(folder)).toEqual(['.rakor-kla-2025-03-10-0901.zip.sebagian']);
  });

  it('an entry it cannot look at is skipped and the others are still cleaned', () => {
    const folder = tempDir('rakor-partials-');
    // A link to nowhere under our name: stat fails (as for a file another computer removed meanwhile).
    fs.symlinkSync(path.join(folder, 'hilang'), path.join(folder, '.rakor-kla-2025-03-10-0859.zip.sebagian'));
    aged(path.join(folder, '.rakor-kla-2025-03-10-0900.zip.sebagian'), 11 * MINUTE, now);
    expect(cleanPartialBackups(folder, now)).toEqual(['.rakor-kla-2025-03-10-0900.zip.sebagian']);
    expect(ls(folder)).toEqual(['.rakor-kla-2025-03-10-0859.zip.sebagian']);
  });

  it('a backup folder that is not there (an unplugged USB stick) gives an empty list', () => {
    const missing = path.join(tempDir('rakor-partials-'), 'flashdisk');
    expect(cleanPartialBackups(missing, now)).toEqual([]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
