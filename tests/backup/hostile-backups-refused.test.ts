import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { SCHEMA_VERSION } from '../../src-main/core/db/migrations';
import type { BackupInfo, RestoreResult } from '../../shared/api/backup';
import { t } from '../../shared/messages';
import { dataChecksum, tempDir } from '../support/backup-helpers';
import { alterDatabase, backupZip, declareSize, partsOf, type Parts } from '../support/hostile-backup';

// Issue 12: a backup arrives on a USB stick or through a chat group, so restore treats it as
// hostile. Each crafted file below carries a checksum that matches its content, so only the
// deeper checks can catch it; each must be refused with its own Indonesian message, and the
// data folder (database content, files, backups) must be exactly as it was.

let dir: string;
let backend: Backend;
let good: Parts;
let goodFile: string;
const hostile = tempDir('rakor-hostile-zips-');

beforeAll(async () => {
  dir = tempDir('rakor-hostile-');
  backend = createBackend({ dataDir: dir, runtime: 'cli', log: () => undefined });
  for (let i = 0; i < 4; i++) {
    const r = await backend.invoke('agency.create', { kind: 'opd', name: `Dinas Asli ${i}`, abbreviation: `DA${i}` });
    expect(r.ok).toBe(true);
  }
  const info = await backend.invoke('backup.create', {});
  if (!info.ok) throw new Error(info.error.message);
  goodFile = (info.data as BackupInfo).file;
  good = partsOf(goodFile);
});
afterAll(() => backend?.close());

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(hostile, name);
  fs.writeFileSync(file, bytes);
  return file;
}

interface Snapshot {
  data: string;
  dataFolder: string[];
  backups: string[];
}

function snapshot(): Snapshot {
  backend.db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    data: dataChecksum(databasePath(dir)),
    dataFolder: fs.readdirSync(dir).sort(),
    backups: fs.readdirSync(path.join(dir, 'cadangan')).sort(),
  };
}

/** Restores `file`, expects a refusal, and checks that nothing changed. Returns the message. */
async function refusedWithNothingChanged(file: string): Promise<string> {
  const before = snapshot();
  const result = await backend.invoke('backup.restore', { file });
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('INVALID_BACKUP');
  expect(snapshot()).toEqual(before);
  // The backend still works on the same database afterwards.
  const list = await backend.invoke('agency.list', {});
  expect(list.ok).toBe(true);
  return result.error.message;
}

describe('restore refuses hostile backups and changes nothing', () => {
  it('an extra trigger (the one that deleted every row on the next insert)', async () => {
    const database = alterDatabase(good.database, (db) =>
      db.exec(`CREATE TRIGGER bersihkan AFTER INSERT ON agency BEGIN DELETE FROM agency WHERE id <> NEW.id; END;`),
    );
    const message = await refusedWithNothingChanged(write('trigger.zip', backupZip({ ...good, database })));
    expect(message).toBe(t('backup.unknownObject', { kind: 'trigger', name: 'bersihkan' }));
  });

  it('an extra view', async () => {
    const database = alterDatabase(good.database, (db) => db.exec(`CREATE VIEW semua AS SELECT * FROM agency`));
    const message = await refusedWithNothingChanged(write('view.zip', backupZip({ ...good, database })));
    expect(message).toBe(t('backup.unknownObject', { kind: 'view', name: 'semua' }));
  });

  it('an extra table and a missing index', async () => {
    const extra = alterDatabase(good.database, (db) => db.exec(`CREATE TABLE muatan (x TEXT)`));
    expect(await refusedWithNothingChanged(write('table.zip', backupZip({ ...good, database: extra })))).toBe(
      t('backup.unknownObject', { kind: 'tabel', name: 'muatan' }),
    );
    const missing = alterDatabase(good.database, (db) => db.exec(`DROP INDEX agency_abbreviation`));
    expect(await refusedWithNothingChanged(write('missing-index.zip', backupZip({ ...good, database: missing })))).toBe(
      t('backup.missingObject', { kind: 'indeks', name: 'agency_abbreviation' }),
    );
  });

  it('an index that disagrees with its table (integrity_check, not quick_check)', async () => {
    // Hide the index from SQLite, insert a row (the index does not get it), put the index back.
    let saved: Record<string, unknown> = {};
    const database = alterDatabase(
      good.database,
      (db) => {
        saved = db.prepare(`SELECT * FROM sqlite_schema WHERE name = 'agency_abbreviation'`).get() as Record<string, unknown>;
        db.pragma('writable_schema = ON');
        db.prepare(`DELETE FROM sqlite_schema WHERE name = 'agency_abbreviation'`).run();
      },
      (db) => db.prepare(`INSERT INTO agency (kind, name, abbreviation, created_at, updated_at) VALUES ('opd', 'Siluman', 'SLM', 'x', 'x')`).run(),
      (db) => {
        db.pragma('writable_schema = ON');
        db.prepare(`INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)`).run(saved);
      },
    );
    const check = new Database(Buffer.from(database));
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
    check.close();
    const message = await refusedWithNothingChanged(write('index-mismatch.zip', backupZip({ ...good, database })));
    expect(message).toBe(t('backup.integrityFailed'));
  });

  it('rows that point at rows that do not exist (foreign keys)', async () => {
    const database = alterDatabase(good.database, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare(`INSERT INTO sub_indicator (indicator_id, code, name) VALUES (987654, 'x', 'yatim')`).run();
    });
    const message = await refusedWithNothingChanged(write('fk.zip', backupZip({ ...good, database })));
    expect(message).toBe(t('backup.foreignKeys', { count: 1 }));
  });

  it('an altered table definition and a schema that does not parse', async () => {
    const altered = alterDatabase(good.database, (db) => {
      db.pragma('writable_schema = ON');
      // The CHECK on agency.kind quietly removed: same table name, different table.
      db.prepare(`UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''opd'',''vertikal'',''mitra'',''kabkota''))', '') WHERE name = 'agency'`).run();
    });
    expect(await refusedWithNothingChanged(write('altered.zip', backupZip({ ...good, database: altered })))).toBe(
      t('backup.changedObject', { kind: 'tabel', name: 'agency' }),
    );
    const broken = alterDatabase(good.database, (db) => {
      db.pragma('writable_schema = ON');
      db.prepare(`UPDATE sqlite_schema SET sql = 'CREATE TABLE agency (id INTEGER PRIMARY KEY,' WHERE name = 'agency'`).run();
    });
    expect(await refusedWithNothingChanged(write('broken.zip', backupZip({ ...good, database: broken })))).toBe(t('backup.schemaBroken'));
  });

  it('a zip bomb: a declared size past the cap, extra huge entries, and content beyond its declared size', async () => {
    // Only the restores are timed: compressing the bombs here is the test's own work, and takes
    // many seconds when the machine is shared with other test runs.
    let restoring = 0;
    const refusedTimed = async (file: string) => {
      const t0 = Date.now();
      try {
        return await refusedWithNothingChanged(file);
      } finally {
        restoring += Date.now() - t0;
      }
    };
    const rssBefore = process.memoryUsage().rss;
    // 1. The database entry declares 3 GiB (and the metadata agrees): refused before inflating.
    const huge = 3 * 1024 * 1024 * 1024;
    const declared = declareSize(backupZip(good, { databaseBytes: huge }), 'rakor-kla.sqlite', huge);
    expect(await refusedTimed(write('bomb-declared.zip', declared))).toBe(t('backup.tooLarge'));
    // 2. Four extra entries of 1 GiB of zeros each (deflated to about 1 MB each) beside a good backup.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const four = backupZip(good, {}, { 'a.bin': zeros, 'b.bin': zeros });
    const extra = declareSize(declareSize(four, 'a.bin', 1024 * 1024 * 1024), 'b.bin', 1024 * 1024 * 1024);
    expect(await refusedTimed(write('bomb-extra.zip', extra))).toBe(t('backup.unexpectedEntry', { name: 'a.bin' }));
    // 3. The database entry declares the real size but inflates to 64 MiB of zeros: stopped at the declared size.
    const lying = zipSync({ 'metadata.json': strToU8(JSON.stringify({ ...good.metadata })), 'berkas.json': good.manifest!, 'rakor-kla.sqlite': zeros });
    const bomb = declareSize(lying, 'rakor-kla.sqlite', good.database.length);
    expect(await refusedTimed(write('bomb-lying.zip', bomb))).toBe(t('backup.tooLarge'));
    expect(restoring).toBeLessThan(20_000);
    // Memory stays far below what the declared sizes would need.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(600 * 1024 * 1024);
  });

  it('entry names that climb out of the folder (../)', async () => {
    const climbing = backupZip(good, {}, { '../../rakor-kla.sqlite': good.database });
    const message = await refusedWithNothingChanged(write('dotdot.zip', climbing));
    expect(message).toBe(t('backup.unexpectedEntry', { name: '../../rakor-kla.sqlite' }));
    expect(fs.existsSync(path.join(dir, '..', '..', 'rakor-kla.sqlite'))).toBe(false);
    const renamed = zipSync({ 'metadata.json': strToU8(JSON.stringify(good.metadata)), 'berkas.json': good.manifest!, '../rakor-kla.sqlite': good.database });
    expect(await refusedWithNothingChanged(write('dotdot-only.zip', renamed))).toBe(t('backup.unexpectedEntry', { name: '../rakor-kla.sqlite' }));
  });

  it('a database from a newer schema, whether the metadata says so or hides it', async () => {
    const newer = alterDatabase(good.database, (db) =>
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'masa depan', 'x')`).run(SCHEMA_VERSION + 1),
    );
    const honest = await refusedWithNothingChanged(write('newer.zip', backupZip({ ...good, database: newer }, { schemaVersion: SCHEMA_VERSION + 1, appVersion: '9.0.0' })));
    expect(honest).toBe(t('backup.tooNew', { version: '9.0.0' }));
    const hidden = await refusedWithNothingChanged(write('newer-hidden.zip', backupZip({ ...good, database: newer })));
    expect(hidden).toBe(t('backup.tooNew', { version: String(good.metadata.appVersion) }));
  });

  it('still restores a genuine backup, and genuine backups of older schema versions', async () => {
    const r = await backend.invoke('backup.restore', { file: goodFile });
    expect(r.ok).toBe(true);
    for (const fixture of ['schema-v1.sqlite', 'schema-v2.sqlite']) {
      const bytes = fs.readFileSync(path.resolve(__dirname, '../fixtures', fixture));
      const version = Number(/v(\d+)/.exec(fixture)![1]);
      const result = await backend.invoke('backup.restore', { file: write(`old-${fixture}.zip`, backupZip({ ...good, database: bytes }, { schemaVersion: version })) });
      if (!result.ok) throw new Error(`${fixture}: ${result.error.message}`);
      expect((result.data as RestoreResult).restored.schemaVersion).toBe(version);
    }
  });
});
