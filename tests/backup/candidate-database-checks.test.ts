import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import type { BackupMetadata } from '../../src-main/core/backup/metadata';
import { compareSchema, verifyCandidate } from '../../src-main/core/backup/verify-candidate';
import type { BackupInfo } from '../../shared/api/backup';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { resultData } from '../support/closing-backends';
import { openHandlesOn } from '../support/open-handles';
import { alterDatabase, partsOf, type Parts } from '../support/hostile-backup';
import { strictLog } from '../support/strict-log';

// The database inside a backup, checked on its own (verifyCandidate) after its zip passed: its
// recorded migrations must be exactly ours up to the version the metadata states, its schema must
// read, and damage SQLite throws on (rather than reports) is refused as damage, in Indonesian.

let good: Parts;
let metadata: BackupMetadata;

beforeAll(async () => {
  const b = createBackend({ dataDir: tempDir('rakor-candidate-source-'), runtime: 'cli', log: strictLog() });
  try {
    await resultData(b.invoke('agency.create', { kind: 'opd', name: 'Dinas Calon', abbreviation: 'DCL' }));
    good = partsOf((await resultData<BackupInfo>(b.invoke('backup.create', {}))).file);
  } finally {
    b.close();
  }
  metadata = good.metadata as unknown as BackupMetadata;
}, 60_000);

function staged(bytes: Uint8Array): string {
  const file = path.join(tempDir('rakor-candidate-'), 'calon.sqlite');
  fs.writeFileSync(file, bytes);
  return file;
}

/** The Indonesian message verifyCandidate refuses `file` with (anything else fails the test). */
function refusal(file: string, meta: BackupMetadata = metadata): string {
  try {
    verifyCandidate(file, meta);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('INVALID_BACKUP');
    return error.message;
  }
  throw new Error('expected a refusal');
}

describe('verifyCandidate', () => {
  it('accepts the database of a good backup, and leaves it closed and self-contained', () => {
    const file = staged(good.database);
    expect(() => verifyCandidate(file, metadata)).not.toThrow();
    // Renamed into place next: no handle open on it (Windows would refuse) and no -wal beside it.
    expect(openHandlesOn(file)).toEqual([]);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const refused = staged(good.database);
    refusal(refused, { ...metadata, schemaVersion: Number(metadata.schemaVersion) - 1 });
    expect(openHandlesOn(refused)).toEqual([]);
  });

  it('refuses a file that is not there, and does not create it', () => {
    const file = path.join(tempDir('rakor-candidate-'), 'tidak-ada.sqlite');
    expect(refusal(file)).toBe(t('backup.damaged'));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a database of another schema version than its metadata states', () => {
    const version = Number(metadata.schemaVersion);
    expect(version).toBeGreaterThan(1);
    expect(refusal(staged(good.database), { ...metadata, schemaVersion: version - 1 })).toBe(t('backup.damaged'));
  });

  it('refuses a database whose recorded migrations have a gap', () => {
    const gap = alterDatabase(good.database, (db) => db.prepare(`DELETE FROM schema_migrations WHERE version = 2`).run());
    expect(refusal(staged(gap))).toBe(t('backup.damaged'));
  });

  it('refuses as a broken schema a migrations table its version cannot be read from', () => {
    const renamed = alterDatabase(good.database, (db) => db.exec(`ALTER TABLE schema_migrations RENAME COLUMN version TO versi`));
    expect(refusal(staged(renamed))).toBe(t('backup.schemaBroken'));
  });

  it('refuses as damaged a table page SQLite throws on while checking', () => {
    const file = staged(good.database);
    const db = new Database(file, { readonly: true });
    const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'agency'`).get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = Buffer.from(good.database);
    // Not a b-tree page type: reading the table throws SQLITE_CORRUPT.
    bytes[(rootpage - 1) * pageSize] = 0x07;
    expect(refusal(staged(bytes))).toBe(t('backup.damaged'));
  });
});

describe('compareSchema', () => {
  const table = (sql: string) => [{ type: 'table', name: 'x', tbl_name: 'x', sql }];

  it('ignores differences of whitespace only', () => {
    expect(() => compareSchema(table('  CREATE TABLE x (a  INTEGER,\n  b TEXT)\n'), table('CREATE TABLE x (a INTEGER, b TEXT)'))).not.toThrow();
  });

  it('sees every other difference in the SQL text, including whitespace that splits a word', () => {
    expect(() => compareSchema(table('CREATE TABLE x (ab INTEGER)'), table('CREATE TABLE x (a b INTEGER)'))).toThrow(t('backup.changedObject', { kind: 'tabel', name: 'x' }));
  });
});
