import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/messages';
import { migrate, schemaVersionOf, type Db } from '../db/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../db/migrations';
import { isCorruptionError } from '../db/open-checked';
import type { BackupMetadata } from './metadata';

// A database that arrived in a backup is hostile until proven ours. A trigger smuggled into it
// would run inside the app with every later write ("add agency" deleting every meeting), and
// would then travel on in every backup after it. So before it may replace the live database:
// its schema must be exactly what our migrations create for its version (no table, index,
// view or trigger more, less or different), the whole file must pass integrity_check (an index
// that disagrees with its table), and foreign_key_check must find no orphan rows.
// trusted_schema=OFF keeps anything in its schema from calling functions while we look.

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const KIND_LABEL: Record<string, MessageKey> = {
  table: 'schema.kind.table',
  index: 'schema.kind.index',
  view: 'schema.kind.view',
  trigger: 'schema.kind.trigger',
};

function refuse(key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('INVALID_BACKUP', t(key, params));
}

/** Whitespace differences are not differences; everything else in the SQL text is. */
function normalizeSql(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}

function schemaOf(db: Db): SchemaObject[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all() as SchemaObject[];
}

/** The schema our migrations build for `version`, from a fresh in-memory database. */
export function referenceSchema(version: number): SchemaObject[] {
  const ref = new Database(':memory:');
  try {
    ref.pragma('foreign_keys = ON');
    migrate(ref, MIGRATIONS.filter((m) => m.version <= version));
    return schemaOf(ref);
  } finally {
    ref.close();
  }
}

function kindOf(type: string): string {
  const key = KIND_LABEL[type];
  return key ? t(key) : type;
}

/** Throws INVALID_BACKUP naming the first object that is not exactly ours. */
export function compareSchema(found: SchemaObject[], expected: SchemaObject[]): void {
  const byKey = (o: SchemaObject) => `${o.type}\u0000${o.name}`;
  const want = new Map(expected.map((o) => [byKey(o), o]));
  const have = new Map(found.map((o) => [byKey(o), o]));
  for (const [key, o] of have) {
    const ours = want.get(key);
    if (!ours) throw refuse('backup.unknownObject', { kind: kindOf(o.type), name: o.name });
    if (ours.tbl_name !== o.tbl_name || normalizeSql(ours.sql) !== normalizeSql(o.sql)) {
      throw refuse('backup.changedObject', { kind: kindOf(o.type), name: o.name });
    }
  }
  for (const [key, o] of want) {
    if (!have.has(key)) throw refuse('backup.missingObject', { kind: kindOf(o.type), name: o.name });
  }
}

function migrationVersions(db: Db): number[] {
  return (db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).all() as { version: number }[]).map((r) => r.version);
}

/**
 * Every check a candidate database must pass before it may be installed. Opens the file
 * (which is a private staged copy: it may be written to) and leaves it self-contained (no WAL).
 */
export function verifyCandidate(file: string, metadata: BackupMetadata): void {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw refuse('backup.damaged');
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    let version: number;
    let found: SchemaObject[];
    try {
      found = schemaOf(db);
      version = schemaVersionOf(db);
    } catch (error) {
      if (isCorruptionError(error) || (error as { code?: string }).code === 'SQLITE_ERROR') throw refuse('backup.schemaBroken');
      throw error;
    }
    if (version > SCHEMA_VERSION) throw refuse('backup.tooNew', { version: metadata.appVersion });
    if (version < 1 || version !== metadata.schemaVersion) throw refuse('backup.damaged');
    compareSchema(found, referenceSchema(version));
    const versions = migrationVersions(db);
    const expectedVersions = MIGRATIONS.filter((m) => m.version <= version).map((m) => m.version);
    if (versions.join(',') !== expectedVersions.join(',')) throw refuse('backup.damaged');

    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw refuse('backup.integrityFailed');
    const orphans = (db.pragma('foreign_key_check') as unknown[]).length;
    if (orphans > 0) throw refuse('backup.foreignKeys', { count: orphans });
    // Leave a self-contained file: no -wal beside it when it is renamed into place.
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isCorruptionError(error)) throw refuse('backup.damaged');
    throw refuse('backup.damaged');
  } finally {
    db.close();
  }
}
