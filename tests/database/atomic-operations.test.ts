import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { dataChecksum, tempDir } from '../support/backup-helpers';
import { strictLog } from '../support/strict-log';

// "ok" means committed, and anything else means nothing happened: each operation runs in one
// transaction around the whole handler. A test-only TEMP trigger on the backend's own connection
// aborts the second row of a multi-row operation; the rows written before it must be gone too.

let dir: string;
let backend: Backend;
beforeEach(() => {
  dir = tempDir();
  backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
});
afterEach(() => backend.close());

const count = (table: string) => (backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function abortSecondInsert(table: string, parent: string) {
  backend.db.exec(`CREATE TEMP TRIGGER planted_abort BEFORE INSERT ON main.${table}
    WHEN (SELECT count(*) FROM main.${table} WHERE ${parent} = NEW.${parent}) >= 1
    BEGIN SELECT RAISE(ABORT, 'planted abort'); END`);
}

describe('atomic operations through backend.invoke', () => {
  it('meeting.create with an agenda leaves no meeting, cluster or agenda row when its second agenda insert fails', async () => {
    const file = databasePath(dir);
    const before = dataChecksum(file);
    const meetings = count('meeting');
    abortSecondInsert('agenda_item', 'meeting_id');
    const result = await backend.invoke('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: ['Pembukaan', 'Paparan'] });
    expect(result.ok).toBe(false);
    expect(count('meeting')).toBe(meetings);
    expect(count('agenda_item')).toBe(0);
    expect(dataChecksum(file)).toBe(before);
  });

  it('agendaItem.reorder leaves the old order when a later update of the batch fails', async () => {
    const created = await backend.invoke('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: ['A', 'B', 'C'] });
    if (!created.ok) throw new Error(created.error.message);
    const meetingId = (created.data as { id: number }).id;
    const order = () => (backend.db.prepare(`SELECT title FROM agenda_item WHERE meeting_id = ? ORDER BY position`).all(meetingId) as { title: string }[]).map((r) => r.title);
    const ids = (backend.db.prepare(`SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position`).all(meetingId) as { id: number }[]).map((r) => r.id);
    const file = databasePath(dir);
    const before = dataChecksum(file);
    // Lets the first position change through and aborts the second.
    backend.db.exec(`CREATE TEMP TABLE planted_seen (n INTEGER);
      CREATE TEMP TRIGGER planted_abort BEFORE UPDATE OF position ON main.agenda_item
      BEGIN INSERT INTO planted_seen VALUES (1);
        SELECT RAISE(ABORT, 'planted abort') WHERE (SELECT count(*) FROM planted_seen) >= 2; END`);
    const result = await backend.invoke('agendaItem.reorder', { meetingId: meetingId, ids: [...ids].reverse() });
    expect(result.ok).toBe(false);
    expect(order()).toEqual(['A', 'B', 'C']);
    expect(dataChecksum(file)).toBe(before);
  });
});
