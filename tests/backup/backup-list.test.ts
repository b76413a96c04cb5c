import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { infoFromMetadata, listBackups } from '../../src-main/core/backup/backup';
import { tempDir } from '../support/backup-helpers';
import { backendPerTest } from '../support/backend-per-test';
import { t as t_ } from '../../shared/messages';

// The Cadangan list as the backup folder gives it: a folder that is missing or is a file is
// said to be unavailable (the screen then offers to choose another), and a file named like a
// backup whose metadata cannot be read is listed as unreadable, with nothing made up for it.

describe('the list of backups', () => {
  it('says the folder is unavailable when it is missing or is a file, and lists nothing', () => {
    const dir = tempDir();
    expect(listBackups(path.join(dir, 'tidak-ada'))).toEqual({ folder: path.join(dir, 'tidak-ada'), backups: [], folderAvailable: false });
    const file = path.join(dir, 'berkas.txt');
    fs.writeFileSync(file, 'bukan folder');
    expect(listBackups(file)).toMatchObject({ backups: [], folderAvailable: false });
    expect(listBackups(dir)).toMatchObject({ backups: [], folderAvailable: true });
  });

  it('lists a backup-named file whose metadata is missing or broken as unreadable, newest first, only our names', () => {
    const dir = tempDir();
    const noMetadata = zipSync({ 'rakor-kla.sqlite': strToU8('bukan basis data') });
    const brokenMetadata = zipSync({ 'metadata.json': strToU8('{"formatVersion": "dua"') });
    fs.writeFileSync(path.join(dir, 'rakor-kla-20250310-090000.zip'), noMetadata);
    fs.writeFileSync(path.join(dir, 'rakor-kla-20250311-090000.zip'), brokenMetadata);
    fs.writeFileSync(path.join(dir, 'rakor-kla-20250312-090000.zip'), 'bukan zip sama sekali');
    fs.writeFileSync(path.join(dir, 'cadangan-lain.zip'), noMetadata);
    const list = listBackups(dir);
    expect(list.folderAvailable).toBe(true);
    expect(list.backups.map((b) => b.name)).toEqual(['rakor-kla-20250312-090000.zip', 'rakor-kla-20250311-090000.zip', 'rakor-kla-20250310-090000.zip']);
    for (const info of list.backups) {
      expect(info).toEqual({
        file: path.join(dir, info.name), name: info.name, sizeBytes: fs.statSync(path.join(dir, info.name)).size,
        createdAt: null, appVersion: null, schemaVersion: null, reason: null, rowCounts: {}, evidenceFiles: null, evidenceBytes: null, readable: false,
      });
    }
  });

  it('reports size 0 for a backup that vanished between the listing and the look', () => {
    const gone = path.join(tempDir(), 'rakor-kla-20250310-090000.zip');
    expect(infoFromMetadata(gone, null)).toMatchObject({ name: 'rakor-kla-20250310-090000.zip', sizeBytes: 0, readable: false });
  });
});

describe('choosing the backup folder', () => {
  const t = backendPerTest();
  it('refuses a folder that cannot be made, naming it on the folder field, and keeps the old setting', async () => {
    const file = path.join(tempDir(), 'berkas.txt');
    fs.writeFileSync(file, 'bukan folder');
    const before = await t.call('backup.settings.get', {});
    const error = await t.fail('backup.settings.set', { folder: `  ${path.join(file, 'cadangan')}  ` });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'folder', message: t_('backup.folderUnavailable', { folder: path.join(file, 'cadangan') }) }] });
    expect(await t.call('backup.settings.get', {})).toEqual(before);
  });
});
