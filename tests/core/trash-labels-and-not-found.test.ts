import { describe, expect, it } from 'vitest';
import { t as message } from '../../shared/messages';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';

// What Terhapus shows for a deleted row (one line a secretary recognises it by), and the answer
// to an edit, a delete or a restore of a row that is not there: "not found" in Indonesian, with
// nothing written.

describe('Terhapus labels', () => {
  const t = backendPerTest();

  it('shows a long text on one line cut to 80 characters, an empty kesimpulan as "(kosong)", a nameless budget line as such', async () => {
    const { meeting } = await klasterIII(t);
    const long = `Rapat   lanjutan\n${'pembahasan indikator 3.1 '.repeat(6)}`;
    const agenda = await t.call('agendaItem.create', { meetingId: meeting.id, title: long });
    const empty = await t.call('decision.create', { meetingId: meeting.id });
    const line = await t.call('budgetLine.create', { agencyId: await agencyId(t, 'Dinkes'), fiscalYear: 2025, allocationSen: 100 });
    await t.edit('agendaItem.delete', { id: agenda.id });
    await t.edit('decision.delete', { id: empty.id });
    await t.edit('budgetLine.delete', { id: line.id });
    const labels = (await t.call('trash.list', {})).map((entry) => entry.label).sort();
    const oneLine = long.replace(/\s+/g, ' ').trim();
    expect(labels).toEqual(
      [`Agenda: ${oneLine.slice(0, 79)}…`, 'Anggaran: tanpa nama kegiatan (Dinkes)', 'Kesimpulan: (kosong)'].sort(),
    );
    expect(labels[0]).toHaveLength('Agenda: '.length + 80);
  });

  it('keeps a text of exactly 80 characters whole', async () => {
    const { meeting } = await klasterIII(t);
    const exact = 'k'.repeat(80);
    const decision = await t.call('decision.create', { meetingId: meeting.id, text: exact });
    await t.edit('decision.delete', { id: decision.id });
    expect((await t.call('trash.list', {}))[0].label).toBe(`Kesimpulan: ${exact}`);
  });
});

describe('a row that is not there', () => {
  const t = backendPerTest();
  const notFound = { code: 'NOT_FOUND', message: message('error.notFound') };

  it('is refused as not found on edit, on a stale-checked delete and for a meeting that does not exist', async () => {
    const { meeting } = await klasterIII(t);
    const agenda = await t.call('agendaItem.create', { meetingId: meeting.id, title: 'Pembukaan' });
    const before = storedData(t);
    const missing = agenda.id + 1000;
    expect(await t.fail('agendaItem.update', { id: missing, baseRevision: 1, title: 'Baru' })).toMatchObject(notFound);
    expect(await t.fail('agendaItem.update', { id: missing, baseRevision: 1 })).toMatchObject(notFound);
    expect(await t.fail('agendaItem.delete', { id: missing, baseRevision: 1 })).toMatchObject(notFound);
    expect(await t.fail('agendaItem.create', { meetingId: meeting.id + 1000, title: 'Di rapat yang tidak ada' })).toMatchObject(notFound);
    expect(storedData(t)).toEqual(before);
  });

  it('in Terhapus is refused with its own message', async () => {
    const before = storedData(t);
    expect(await t.fail('trash.restore', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', message: message('trash.notFound') });
    expect(storedData(t)).toEqual(before);
  });
});
