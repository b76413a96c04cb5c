import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import { openDatabase, type Db } from '../../src-main/core/db/database';
import { assertRevision, patchRow, setClause } from '../../src-main/core/db/patch';
import { tempDir } from '../support/backup-helpers';

const COLUMNS = { title: 'title', isWeak: 'is_weak', endTime: 'end_time' } as const;

describe('partial-update SET clause', () => {
  it('sets only the fields sent, by the fixed column map, booleans as 0/1 and null kept', () => {
    expect(setClause(COLUMNS, { isWeak: true, endTime: null })).toEqual({ sql: 'is_weak = ?, end_time = ?', values: [1, null] });
    expect(setClause(COLUMNS, { title: 'Rakor', isWeak: false })).toEqual({ sql: 'title = ?, is_weak = ?', values: ['Rakor', 0] });
  });

  it('ignores keys outside the map, so no column name comes from the input', () => {
    const patch = { id: 7, title: 'x', 'title = 1; DROP TABLE meeting; --': 'y' } as { title: string };
    expect(setClause(COLUMNS, patch)).toEqual({ sql: 'title = ?', values: ['x'] });
  });

  it('says there is nothing to do when nothing was sent', () => {
    expect(setClause(COLUMNS, {})).toBeNull();
    expect(setClause(COLUMNS, { title: undefined })).toBeNull();
  });
});

// THE write of every edit, on a migrated SQLite file: what it answers for a row that is gone,
// a revision someone else moved past, and a patch that carries no field.
describe('patchRow and assertRevision', () => {
  const AGENCY = { name: 'name' } as const;
  let db: Db;
  let id: number;
  const current = () => db.prepare(`SELECT * FROM agency WHERE id = ?`).get(id);
  const row = () => db.prepare(`SELECT name, revision, updated_at AS updatedAt FROM agency WHERE id = ?`).get(id);
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as AppError).code;
    }
    return 'no error';
  };

  beforeEach(() => {
    db = openDatabase(path.join(tempDir(), 'rakor-kla.sqlite'));
    id = Number(
      db.prepare(`INSERT INTO agency (kind, name, created_at, updated_at) VALUES ('opd', 'Dinas Sosial', 'x', 'x')`).run().lastInsertRowid,
    );
  });
  afterEach(() => db.close());

  it('writes the fields sent, moves the revision on, stamps the time and says it wrote', () => {
    expect(patchRow(db, 'agency', AGENCY, { id, baseRevision: 1, name: 'Dinas Sosial PPPA' }, current)).toBe(true);
    const after = row() as { name: string; revision: number; updatedAt: string };
    expect(after).toMatchObject({ name: 'Dinas Sosial PPPA', revision: 2 });
    expect(after.updatedAt).not.toBe('x');
  });

  it('an empty patch writes nothing and says so, yet still checks the row and the revision', () => {
    const before = row();
    expect(patchRow(db, 'agency', AGENCY, { id, baseRevision: 1 }, current)).toBe(false);
    expect(patchRow(db, 'agency', AGENCY, { id }, current)).toBe(false);
    expect(row()).toEqual(before);
    expect(codeOf(() => patchRow(db, 'agency', AGENCY, { id, baseRevision: 7 }, current))).toBe('STALE');
    expect(codeOf(() => patchRow(db, 'agency', AGENCY, { id: id + 1 }, current))).toBe('NOT_FOUND');
    expect(codeOf(() => patchRow(db, 'agency', AGENCY, { id: id + 1, baseRevision: 1 }, current))).toBe('NOT_FOUND');
  });

  it('a row that is gone is NOT_FOUND, a moved revision STALE with the row as it is now; nothing written', () => {
    const before = row();
    expect(codeOf(() => patchRow(db, 'agency', AGENCY, { id: id + 1, baseRevision: 1, name: 'x' }, current))).toBe('NOT_FOUND');
    let stale: AppError | undefined;
    try {
      patchRow(db, 'agency', AGENCY, { id, baseRevision: 5, name: 'x' }, current);
    } catch (error) {
      stale = error as AppError;
    }
    expect(stale?.code).toBe('STALE');
    expect(stale?.current).toMatchObject({ id, name: 'Dinas Sosial', revision: 1 });
    expect(row()).toEqual(before);
  });

  it('assertRevision passes the revision seen, refuses a moved one and a row that is gone', () => {
    expect(() => assertRevision(db, 'agency', id, 1, current)).not.toThrow();
    expect(() => assertRevision(db, 'agency', id + 1, undefined, current)).not.toThrow();
    expect(codeOf(() => assertRevision(db, 'agency', id, 2, current))).toBe('STALE');
    expect(codeOf(() => assertRevision(db, 'agency', id + 1, 1, current))).toBe('NOT_FOUND');
  });
});
