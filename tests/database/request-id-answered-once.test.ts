import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from '../../src-main/core/db/request-log';
import { t as message } from '../../shared/messages';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { klasterIII } from '../support/meeting-helpers';

// A create sent again with its requestId gets the first answer back; a requestId already used
// for another operation is refused next to the field that carries it, with nothing written.

describe('a requestId', () => {
  const t = backendPerTest();

  it('sent again returns the first answer, even after the row changed, and creates nothing more', async () => {
    const { meeting } = await klasterIII(t);
    const requestId = randomUUID();
    const first = await t.call('decision.create', { meetingId: meeting.id, text: 'Disepakati', requestId });
    await t.edit('decision.update', { id: first.id, text: 'Disepakati (diubah)' });
    expect(await t.call('decision.create', { meetingId: meeting.id, text: 'Lain', requestId })).toEqual(first);
    expect((await t.call('meeting.get', { id: meeting.id })).decisions.map((d) => d.text)).toEqual(['Disepakati (diubah)']);
  });

  it('used for another operation is refused on the requestId field, nothing written', async () => {
    const { meeting } = await klasterIII(t);
    const requestId = randomUUID();
    await t.call('decision.create', { meetingId: meeting.id, text: 'Disepakati', requestId });
    const before = storedData(t);
    const reused = message('error.requestIdReused');
    expect(await t.fail('agendaItem.create', { meetingId: meeting.id, title: 'Pembukaan', requestId })).toEqual({
      code: 'VALIDATION',
      message: reused,
      fields: [{ path: 'requestId', message: reused }],
    });
    expect(storedData(t)).toBe(before);
  });
});

describe('requestIdOf', () => {
  it('reads a string requestId of a parsed input, and nothing else', () => {
    expect(requestIdOf({ requestId: 'a1' })).toBe('a1');
    expect(requestIdOf({})).toBeUndefined();
    expect(requestIdOf({ requestId: 7 })).toBeUndefined();
    expect(requestIdOf(null)).toBeUndefined();
    expect(requestIdOf(undefined)).toBeUndefined();
  });
});
