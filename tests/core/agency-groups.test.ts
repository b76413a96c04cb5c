import { describe, expect, it } from 'vitest';
import { t as message } from '../../shared/messages';
import type { TestBackend } from '../support/meeting-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';

// Saved agency groups ("Klaster III biasa"): the invitation list a secretary picks in one click.
// What a refusal says matters as much as that it refuses: the form shows the message next to the
// name field, so the path and the Indonesian text are asserted, not only the code.

async function agencyIds(t: TestBackend, count: number): Promise<number[]> {
  return (await t.call('agency.list', {})).slice(0, count).map((a) => a.id);
}

describe('agency groups', () => {
  const t = backendPerTest();

  it('lists groups by name whatever the case, each with its members in id order', async () => {
    const [a, b, c] = await agencyIds(t, 3);
    await t.call('agencyGroup.create', { name: 'kesehatan', agencyIds: [c, a] });
    await t.call('agencyGroup.create', { name: 'Air bersih', agencyIds: [b] });
    await t.call('agencyGroup.create', { name: 'Pendidikan', agencyIds: [] });
    const groups = await t.call('agencyGroup.list', {});
    expect(groups.map((g) => [g.name, g.agencyIds])).toEqual([
      ['Air bersih', [b]],
      ['kesehatan', [a, c].sort((x, y) => x - y)],
      ['Pendidikan', []],
    ]);
  });

  it('answers a create and an update with that group, not the first one listed', async () => {
    const [a, b] = await agencyIds(t, 2);
    await t.call('agencyGroup.create', { name: 'A dulu', agencyIds: [a] });
    const second = await t.call('agencyGroup.create', { name: 'B kemudian', agencyIds: [b, b] });
    expect(second).toEqual({ id: second.id, name: 'B kemudian', agencyIds: [b] });
    expect(await t.call('agencyGroup.update', { id: second.id, name: 'B baru' })).toEqual({ id: second.id, name: 'B baru', agencyIds: [b] });
  });

  it('refuses a name already taken, in any case, on create and on rename, naming it under the name field', async () => {
    const [a] = await agencyIds(t, 1);
    const first = await t.call('agencyGroup.create', { name: 'Klaster III biasa', agencyIds: [a] });
    const other = await t.call('agencyGroup.create', { name: 'Lain', agencyIds: [] });
    const before = storedData(t);
    const text = message('error.agencyGroupDuplicate', { name: 'KLASTER iii BIASA' });
    expect(text).toContain('KLASTER iii BIASA');
    for (const error of [
      await t.fail('agencyGroup.create', { name: 'KLASTER iii BIASA', agencyIds: [] }),
      await t.fail('agencyGroup.update', { id: other.id, name: 'KLASTER iii BIASA' }),
    ]) {
      expect(error).toMatchObject({ code: 'CONFLICT', message: text, fields: [{ path: 'name', message: text }] });
    }
    expect(storedData(t)).toEqual(before);
    // Its own name, in another case, is not a conflict.
    expect((await t.call('agencyGroup.update', { id: first.id, name: 'klaster III Biasa' })).name).toBe('klaster III Biasa');
  });

  it('keeps the members on a rename alone and replaces them when a list is given', async () => {
    const [a, b, c] = await agencyIds(t, 3);
    const g = await t.call('agencyGroup.create', { name: 'Kelompok', agencyIds: [a, b] });
    expect((await t.call('agencyGroup.update', { id: g.id, name: 'Kelompok lama' })).agencyIds).toEqual(g.agencyIds);
    expect(g.agencyIds).toHaveLength(2);
    expect((await t.call('agencyGroup.update', { id: g.id, agencyIds: [c] })).agencyIds).toEqual([c]);
    expect((await t.call('agencyGroup.update', { id: g.id, agencyIds: [] })).agencyIds).toEqual([]);
  });

  it('refuses an unknown agency with the index of the bad entry, writing nothing', async () => {
    const [a] = await agencyIds(t, 1);
    const g = await t.call('agencyGroup.create', { name: 'Kelompok', agencyIds: [a] });
    const before = storedData(t);
    const unknown = message('field.agencyUnknown');
    expect(await t.fail('agencyGroup.create', { name: 'Baru', agencyIds: [a, 999_999] })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'agencyIds.1', message: unknown }],
    });
    expect(await t.fail('agencyGroup.update', { id: g.id, agencyIds: [999_999] })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'agencyIds.0', message: unknown }],
    });
    expect(storedData(t)).toEqual(before);
  });

  it('refuses to update or delete a group that is not there, writing nothing', async () => {
    const [a] = await agencyIds(t, 1);
    const g = await t.call('agencyGroup.create', { name: 'Kelompok', agencyIds: [a] });
    const before = storedData(t);
    const notFound = { code: 'NOT_FOUND', message: message('error.notFound') };
    expect(await t.fail('agencyGroup.update', { id: g.id + 1, name: 'Baru', agencyIds: [a] })).toMatchObject(notFound);
    expect(await t.fail('agencyGroup.delete', { id: g.id + 1 })).toMatchObject(notFound);
    expect(storedData(t)).toEqual(before);
    expect(await t.call('agencyGroup.delete', { id: g.id })).toEqual({ id: g.id });
    expect(await t.call('agencyGroup.list', {})).toEqual([]);
  });
});
