import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database';
import { createAgency } from '../../src-main/core/agency/repository';
import { createMeeting } from '../../src-main/core/meeting/repository';
import { trackerFilterText } from '../../src-main/core/tracker/filter-text';
import type { TrackerFilter } from '../../src-main/core/tracker/tracker';
import { meetingCreateInput } from '../../shared/api/meeting';
import { tempDir } from '../support/backup-helpers';

// The line under the title of the tracker's Word and Excel exports that says which RTLs the
// file holds. Expectations written out by hand: a reader of the file sees exactly this.

let db: Db;
// Sort order does not appear in the line: the defaults the contract gives.
const text = (filter: Partial<TrackerFilter>) => trackerFilterText(db, { sort: 'targetDate', descending: false, ...filter });
beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'filter-text.sqlite'));
});

describe('trackerFilterText', () => {
  it('says "Semua RTL" without a filter, and ignores a search of only spaces', () => {
    expect(text({})).toBe('Semua RTL');
    expect(text({ search: '   ' })).toBe('Semua RTL');
  });

  it('names every filter in words, in a fixed order, joined by a middle dot', () => {
    const indicator = db.prepare(`SELECT id, number, name FROM indicator ORDER BY id LIMIT 1`).get() as { id: number; number: number; name: string };
    const agency = createAgency(db, { kind: 'opd', partnerType: '', name: 'Dinas Uji Filter', abbreviation: '', active: true });
    const meeting = createMeeting(db, meetingCreateInput.parse({ title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] }));
    const line = text({
      search: '  imunisasi ', overdue: true, status: 'proses', meetingId: meeting.id, agencyId: agency.id,
      indicatorNumber: 7, indicatorId: indicator.id, clusterCode: 'III', year: 2025,
    });
    expect(line).toBe([
      'Tahun rapat 2025', 'Klaster III', `Indikator ${indicator.number}. ${indicator.name}`, 'Indikator nomor 7',
      'Instansi: Dinas Uji Filter', 'Rapat asal: Rakor Klaster III (10 Maret 2025)', 'Status: Proses', 'Terlambat', 'Kata kunci “imunisasi”',
    ].join(' · '));
  });

  it('says so when an indicator, agency or meeting no longer exists', () => {
    expect(text({ indicatorId: 999_999, agencyId: 999_999, meetingId: 999_999 }))
      .toBe('Indikator tidak ditemukan · Instansi: tidak ditemukan · Rapat asal tidak ditemukan');
  });
});
