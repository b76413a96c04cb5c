import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fundingLabel, loadMinutesData } from '../../src-main/core/export/minutes-data';
import { readMinutesSnapshot } from '../../src-main/core/export/minutes-snapshot';
import { createMeetingFixture } from '../support/meeting-fixture';

// What the notulen reads from a rakor's rows where a field was left empty: an RTL without
// pihak terkait or penanggung jawab, an earlier RTL not yet reviewed here, the budget line an
// RTL is funded by as its "Sumber anggaran" reads; and an old snapshot without decisions.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const NOW = '2024-11-20T08:00:00.000Z';

describe('minutes data of empty fields', () => {
  it('RTLs without pihak terkait, funded by budget lines typed with spaces or half empty', () => {
    const f = createMeetingFixture({ actions: 0, earlierActions: 0, budgetLines: 0 });
    dirs.push(f.dir);
    const { db, meetingId } = f;
    const line = db.prepare(
      `INSERT INTO budget_line (agency_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year, allocation_sen, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, 2025, 100, ?, ?)`,
    );
    const lines = [
      line.run(meetingId, '2.08.06.2.01.0001', '  Penguatan layanan PUSPAGA ', ' APBD murni  ', NOW, NOW),
      line.run(meetingId, ' 2.08.06.2.01.0002 ', '', '', NOW, NOW),
      line.run(meetingId, '', '', 'DAK nonfisik', NOW, NOW),
    ].map((r) => Number(r.lastInsertRowid));
    const action = db.prepare(
      `INSERT INTO action_item (meeting_id, problem, description, lead_agency_id, funding_source, budget_line_id, status, notes, created_at, updated_at)
       VALUES (?, '', ?, NULL, 'diketik lama', ?, 'belum', '', ?, ?)`,
    );
    for (const [i, lineId] of [...lines, null].entries()) action.run(meetingId, `RTL ${i + 1}`, lineId, NOW, NOW);

    const data = loadMinutesData(db, meetingId);
    f.close();
    expect(data.actions.map((a) => [a.description, a.fundingSource, a.leadAgency, a.relatedAgencies])).toEqual([
      ['RTL 1', 'APBD murni 2025: Penguatan layanan PUSPAGA', '', []],
      // No name: the sub kegiatan code says what; no source: the year alone.
      ['RTL 2', '2025: 2.08.06.2.01.0002', '', []],
      ['RTL 3', 'DAK nonfisik 2025', '', []],
      // No budget line chosen: what was typed.
      ['RTL 4', 'diketik lama', '', []],
    ]);
  });

  it('an earlier RTL without penanggung jawab and not yet reviewed here: both empty, not the previous review', () => {
    const f = createMeetingFixture({ actions: 0, earlierActions: 1, budgetLines: 0 });
    dirs.push(f.dir);
    const { db, meetingId } = f;
    const earlier = db.prepare(`SELECT id FROM meeting WHERE id <> ?`).get(meetingId) as { id: number };
    const indicator = db.prepare(`SELECT indicator_id AS id FROM action_item WHERE meeting_id = ?`).get(earlier.id) as { id: number };
    const id = Number(db.prepare(
      `INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, funding_source, status, notes, created_at, updated_at)
       VALUES (?, ?, '', 'Sosialisasi tanpa penanggung jawab', NULL, '2024-10-31', '', 'belum', '', ?, ?)`,
    ).run(earlier.id, indicator.id, NOW, NOW).lastInsertRowid);
    // Reviewed at the earlier rakor itself, not at this one.
    db.prepare(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, 'proses', 'Catatan rakor lalu', ?)`).run(id, earlier.id, NOW);

    const data = loadMinutesData(db, meetingId);
    f.close();
    const row = data.earlierActions.find((a) => a.description === 'Sosialisasi tanpa penanggung jawab');
    expect(row).toMatchObject({ leadAgency: '', notes: '', status: 'proses' });
    expect(data.earlierActions.find((a) => a !== row)).toMatchObject({ leadAgency: expect.stringMatching(/\S/), notes: 'Sudah dilaksanakan di 12 puskesmas.' });
  });

  it('indicator reviews: weak ones first, penanggung jawab apart from pendukung, kab/kota in the order chosen', () => {
    const f = createMeetingFixture({ indicators: [11, 14], actions: 0, earlierActions: 0, budgetLines: 0 });
    dirs.push(f.dir);
    const { db, meetingId } = f;
    // Indicator 11 also gets a second supporting agency, and two kab/kota in a chosen order.
    const review11 = db.prepare(`SELECT r.id, r.indicator_id AS indicatorId FROM indicator_review r JOIN indicator i ON i.id = r.indicator_id WHERE r.meeting_id = ? AND i.number = 11`).get(meetingId) as { id: number; indicatorId: number };
    db.prepare(`INSERT INTO assignment (indicator_id, agency_id, role, meeting_id) VALUES (?, (SELECT id FROM agency WHERE abbreviation = 'Dinsos'), 'support', ?)`).run(review11.indicatorId, meetingId);
    const kabkota = db.prepare(`INSERT INTO indicator_review_agency (review_id, agency_id, position) VALUES (?, (SELECT id FROM agency WHERE abbreviation = ?), ?)`);
    kabkota.run(review11.id, 'Dinsos', 2);
    kabkota.run(review11.id, 'Dinkes', 1);

    const data = loadMinutesData(db, meetingId);
    expect(() => loadMinutesData(db, meetingId + 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    f.close();
    // The fixture makes the second half of the indicators weak: 14 is weak, 11 is not.
    expect(data.reviews.map((r) => [r.indicatorNumber, r.isWeak, r.leadAgencies, r.supportAgencies, r.kabkota])).toEqual([
      [14, true, ['DP3A'], ['Dinkes'], []],
      [11, false, ['Bappeda'], ['DP3A', 'Dinsos'], ['Dinas Kesehatan', 'Dinas Sosial']],
    ]);
  });

  it('the budget line label from its parts, whichever are empty', () => {
    expect(fundingLabel({ lineSource: ' APBD perubahan ', lineYear: 2025, lineName: null, lineCode: ' 1.02 ' })).toBe('APBD perubahan 2025: 1.02');
    expect(fundingLabel({ lineSource: 'APBD', lineYear: 2025, lineName: '   ', lineCode: 'X.1' })).toBe('APBD 2025: X.1');
    expect(fundingLabel({ lineSource: null, lineYear: null, lineName: null, lineCode: null })).toBe('');
  });

  it('a snapshot closed before decisions were kept reads as none; kept ones as text', () => {
    expect(readMinutesSnapshot(JSON.stringify({ version: 1, data: {} })).decisions).toEqual([]);
    // Version 1 predates the invitation count: no extra blank rows on the daftar hadir.
    expect(readMinutesSnapshot(JSON.stringify({ version: 1, data: {} })).invitedAgencies).toBe(0);
    expect(readMinutesSnapshot(JSON.stringify({ version: 1, data: { decisions: ['Dinkes memperbarui data', 2025] } })).decisions).toEqual(['Dinkes memperbarui data', '2025']);
  });
});
