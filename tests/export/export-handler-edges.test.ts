import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/core/backend';
import { minutesFileName, pdfFileName } from '../../src-main/core/export/file-name';
import { t as message } from '../../shared/messages';
import { createMeetingFixture, type FixtureOptions } from '../support/meeting-fixture';
import { strictLog } from '../support/strict-log';

// The export handlers' less travelled ways: the PDF of the blank daftar hadir, a desktop that can
// print but not save, a save refused by the disk, and a Word RTL matrix too long to lay out.
// Each answers a plain Indonesian message and writes nothing half-done.

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(fixtureOptions: FixtureOptions, options: Partial<BackendOptions> = {}) {
  const fixture = createMeetingFixture({ attendees: 3, actions: 2, ...fixtureOptions });
  fixture.close();
  dirs.push(fixture.dir);
  const backend = createBackend({ dataDir: fixture.dir, runtime: 'cli', log: strictLog(), ...options });
  backends.push(backend);
  return { backend, meetingId: fixture.meetingId };
}

const pdfBytes = new TextEncoder().encode('%PDF-1.7 stand-in');

describe('export.pdf', () => {
  it('names the daftar hadir PDF after its Word file, on the profile paper when none is asked', async () => {
    const saved: string[] = [];
    const { backend, meetingId } = open({ paper: 'F4' }, {
      printPdf: async () => pdfBytes,
      saveFile: async (name) => { saved.push(name); return { saved: true, path: `/tmp/${name}` }; },
    });
    expect(await backend.invoke('export.pdf', { meetingId, document: 'daftarHadir' })).toMatchObject({ ok: true });
    expect(await backend.invoke('export.pdf', { meetingId, document: 'daftarHadir', paper: 'A4' })).toMatchObject({ ok: true });
    expect(await backend.invoke('export.pdf', { meetingId })).toMatchObject({ ok: true });
    expect(saved).toEqual([
      'Daftar Hadir Rakor KLA Klaster III 2024-11-26 (F4).pdf',
      'Daftar Hadir Rakor KLA Klaster III 2024-11-26.pdf',
      'Notulen Rakor KLA Klaster III 2024-11-26 (F4).pdf',
    ]);
  });

  it('refuses plainly when the platform can print but not save, before printing', async () => {
    let printed = 0;
    const { backend, meetingId } = open({}, { printPdf: async () => { printed += 1; return pdfBytes; } });
    const answer = await backend.invoke('export.pdf', { meetingId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'IO', message: message('export.pdfUnavailable') } });
    expect(printed).toBe(0);
  });

  it('turns a refused save into the message for its cause', async () => {
    const failures: unknown[] = [Object.assign(new Error('busy'), { code: 'EBUSY' }), Object.assign(new Error('odd'), { code: 'EXDEV' }), new Error('disk gone')];
    const { backend, meetingId } = open({}, {
      printPdf: async () => pdfBytes,
      saveFile: async () => { throw failures.shift(); },
    });
    expect(await backend.invoke('export.pdf', { meetingId })).toMatchObject({ ok: false, error: { code: 'IO', message: message('export.fileBusy') } });
    expect(await backend.invoke('export.pdf', { meetingId })).toMatchObject({ ok: false, error: { code: 'IO', message: message('export.saveFailed', { code: 'EXDEV' }) } });
    expect(await backend.invoke('export.pdf', { meetingId })).toMatchObject({ ok: false, error: { code: 'IO', message: message('export.saveFailed', { code: 'disk gone' }) } });
  });

  it('starts a notulen name with "Notulen" once, whether or not the title already does', () => {
    expect(minutesFileName('  Notulen Rakor Klaster III', '2025-03-10')).toBe('Notulen Rakor Klaster III 2025-03-10.docx');
    expect(minutesFileName('Rakor bahas notulen lalu', '2025-03-10', 'F4')).toBe('Notulen Rakor bahas notulen lalu 2025-03-10 (F4).docx');
  });

  it('swaps only the final .docx of a name for .pdf', () => {
    expect(pdfFileName('Notulen Bahas templat.docx lama 2025-03-10.docx')).toBe('Notulen Bahas templat.docx lama 2025-03-10.pdf');
    expect(pdfFileName('Notulen Rakor 2025-03-10 (F4).DOCX')).toBe('Notulen Rakor 2025-03-10 (F4).pdf');
  });
});

describe('export.tracker', () => {
  it('refuses a Word matrix above 3.000 RTL with the count, still packs the same list as .xlsx, and lays out exactly 3.000', async () => {
    // The fixture adds one RTL of an earlier rakor to those asked for.
    const { backend, meetingId } = open({ actions: 3000 });
    expect(await backend.invoke('actionItem.track', {})).toMatchObject({ ok: true, data: { total: 3001 } });
    const docx = await backend.invoke('export.tracker', { format: 'docx' });
    expect(docx).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: message('export.trackerTooMany', { count: '3.001', max: '3.000' }) } });
    const xlsx = await backend.invoke('export.tracker', { format: 'xlsx' });
    expect(xlsx).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.xlsx$/) } });
    // The limit itself is allowed: this rakor's own 3.000 RTL make a Word matrix.
    expect(await backend.invoke('actionItem.track', { meetingId })).toMatchObject({ ok: true, data: { total: 3000 } });
    const atLimit = await backend.invoke('export.tracker', { format: 'docx', meetingId });
    expect(atLimit).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.docx$/) } });
  });
});
