import { describe, expect, it } from 'vitest';
import { setClause } from '../../src-main/core/db/patch';

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
