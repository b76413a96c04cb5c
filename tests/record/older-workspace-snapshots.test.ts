import { describe, expect, it } from 'vitest';
import { klasterIII, type TestBackend } from '../support/meeting-helpers';
import { backendPerTest } from '../support/backend-per-test';
import { docxText } from '../support/docx-read';

// A closed rakor's screens render the workspace stored at its close (snapshot/close.ts). A
// snapshot written by an older version lacks what was added since: each missing field reads with
// its default, never as a gap, and the notulen (its own snapshot) is not touched by any of it.
// The snapshots below are written by hand in the stored format, with the fields left out that
// the older versions did not write.

const t = backendPerTest();

/** The stored list fields of a workspace, all empty: what a snapshot without lists shows. */
const NO_LISTS = {
  clusters: [], agenda: [], attendance: [], invitedAgencyIds: [], suggestedAgencyIds: [], decisions: [], reviews: [],
  assignments: [], budgetLines: [], actions: [], previousActions: [], agencies: [],
};

async function notulenText(meetingId: number): Promise<string> {
  const file = await t.call('export.minutes', { meetingId });
  return docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
}

/** Replaces the stored workspace of the meeting's snapshot with an older version's JSON. */
function storeWorkspace(tb: TestBackend, meetingId: number, workspace: unknown): void {
  const changed = tb.backend.db.prepare(`UPDATE meeting_snapshot SET workspace_json = ? WHERE meeting_id = ?`).run(JSON.stringify(workspace), meetingId).changes;
  expect(changed).toBe(1);
}

describe('a closed rakor whose workspace snapshot an older version wrote', () => {
  it('shows empty lists and its own record when the snapshot holds no data at all', async () => {
    const { meeting } = await klasterIII(t);
    await t.call('decision.create', { meetingId: meeting.id, text: 'Sweeping imunisasi di 3 desa' });
    const closed = await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const notulen = await notulenText(meeting.id);
    // What the first snapshots of the schema-3 era stored (see scripts/make-fixtures.ts).
    storeWorkspace(t, meeting.id, { version: 1 });

    expect(await t.call('meeting.get', { id: meeting.id })).toEqual({ ...NO_LISTS, meeting: closed });
    // The notulen is the minutes snapshot's: the same document as before.
    expect(await notulenText(meeting.id)).toBe(notulen);
    expect(notulen).toContain('Sweeping imunisasi di 3 desa');
  });

  it('fills the fields added later with their defaults and keeps the ones it stored', async () => {
    const { meeting } = await klasterIII(t, '2025-03-10', 'Rakor Klaster III');
    const closed = await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const notulen = await notulenText(meeting.id);
    // The record as signed: its title and date are the snapshot's. Status, revisions and the
    // change stamp are today's (they say what can be done with the rakor now).
    const signed = { ...closed, title: 'Rakor Klaster III (ditandatangani)', date: '2025-02-01', revision: 97, minutesRevision: 98, updatedAt: '2020-01-01T00:00:00.000Z' };
    storeWorkspace(t, meeting.id, {
      version: 1,
      data: {
        meeting: signed,
        // Before migration 0012: no usual agencies as links.
        clusters: [{ code: 'III', name: 'Kesehatan Dasar', indicators: [{ id: 11, number: 11, name: 'Imunisasi' }, { id: 12, number: 12, name: 'Gizi', usualAgencyIds: [5] }] }],
        // Before migration 0011: attendees without NIP and pangkat.
        attendance: [{ id: 1, name: 'Budi' }, { id: 2, name: 'Sari', nip: '198001012005012002', rank: 'Penata (III/c)' }],
        // Before migration 0010: no kab/kota on a review, no budget line on an RTL.
        reviews: [{ id: 1, indicatorId: 11, problem: 'Cakupan rendah' }, { id: 2, indicatorId: 12, problem: 'Stunting', kabkotaAgencyIds: [8] }],
        actions: [{ id: 1, description: 'Sweeping imunisasi' }, { id: 2, description: 'PMT balita', budgetLineId: 3 }],
        decisions: [{ id: 4, text: 'Kesimpulan lama' }],
        // Before the overdue mark: computed as of the signed date, 1 February 2025.
        previousActions: [
          { id: 21, description: 'Target lewat', targetDate: '2025-01-31', status: 'proses', budgetLineId: 7 },
          { id: 22, description: 'Target hari rapat', targetDate: '2025-02-01', status: 'belum' },
          { id: 23, description: 'Target sesudah rapat', targetDate: '2025-02-15', status: 'belum' },
          { id: 24, description: 'Tanpa target', targetDate: null, status: 'belum' },
          { id: 25, description: 'Lewat tapi selesai', targetDate: '2025-01-15', status: 'selesai' },
          // A stored mark is kept as stored, whatever the dates say.
          { id: 26, description: 'Tanda tersimpan', targetDate: '2025-06-30', status: 'proses', overdue: true },
        ],
      },
    });

    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws).toEqual({
      ...NO_LISTS,
      meeting: { ...signed, status: 'selesai', revision: closed.revision, minutesRevision: 1, updatedAt: closed.updatedAt },
      clusters: [{ code: 'III', name: 'Kesehatan Dasar', indicators: [{ id: 11, number: 11, name: 'Imunisasi', usualAgencyIds: [] }, { id: 12, number: 12, name: 'Gizi', usualAgencyIds: [5] }] }],
      attendance: [{ id: 1, name: 'Budi', nip: '', rank: '' }, { id: 2, name: 'Sari', nip: '198001012005012002', rank: 'Penata (III/c)' }],
      reviews: [{ id: 1, indicatorId: 11, problem: 'Cakupan rendah', kabkotaAgencyIds: [] }, { id: 2, indicatorId: 12, problem: 'Stunting', kabkotaAgencyIds: [8] }],
      actions: [{ id: 1, description: 'Sweeping imunisasi', budgetLineId: null }, { id: 2, description: 'PMT balita', budgetLineId: 3 }],
      decisions: [{ id: 4, text: 'Kesimpulan lama' }],
      previousActions: [
        { id: 21, description: 'Target lewat', targetDate: '2025-01-31', status: 'proses', budgetLineId: 7, overdue: true },
        { id: 22, description: 'Target hari rapat', targetDate: '2025-02-01', status: 'belum', budgetLineId: null, overdue: false },
        { id: 23, description: 'Target sesudah rapat', targetDate: '2025-02-15', status: 'belum', budgetLineId: null, overdue: false },
        { id: 24, description: 'Tanpa target', targetDate: null, status: 'belum', budgetLineId: null, overdue: false },
        { id: 25, description: 'Lewat tapi selesai', targetDate: '2025-01-15', status: 'selesai', budgetLineId: null, overdue: false },
        { id: 26, description: 'Tanda tersimpan', targetDate: '2025-06-30', status: 'proses', budgetLineId: null, overdue: true },
      ],
    });
    expect(closed.title).toBe('Rakor Klaster III');
    expect(await notulenText(meeting.id)).toBe(notulen);
  });

  it('without a stored record, computes the overdue mark as of the rakor date', async () => {
    const { meeting } = await klasterIII(t, '2025-03-10');
    const closed = await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    storeWorkspace(t, meeting.id, {
      version: 1,
      data: { previousActions: [{ id: 31, description: 'Target awal Maret', targetDate: '2025-03-09', status: 'belum', budgetLineId: null }] },
    });
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.meeting).toEqual(closed);
    expect(ws.previousActions).toEqual([{ id: 31, description: 'Target awal Maret', targetDate: '2025-03-09', status: 'belum', budgetLineId: null, overdue: true }]);
  });
});
