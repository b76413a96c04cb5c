import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/core/backend';
import { textWidth, type DocModel, type TableBlock } from '../../shared/document';
import type { PrintRequest } from '../../src-main/core/handler-types';
import { paginate } from '../../src-renderer/export/preview/paginate';
import { createMeetingFixture } from '../support/meeting-fixture';
import { strictLog } from '../support/strict-log';

// The document model behind the .docx, the Pratinjau and the PDF: 'export.preview' answers it
// for the notulen and the blank daftar hadir, 'export.pdf' hands the same request to the
// platform's printer and saves what it prints; the pages are dealt by rules Word follows.

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function backendWithMeeting(options: Partial<BackendOptions> = {}): { backend: Backend; meetingId: number } {
  const fixture = createMeetingFixture({ attendees: 8, actions: 5, budgetLines: 3 });
  fixture.close();
  dirs.push(fixture.dir);
  const backend = createBackend({ dataDir: fixture.dir, runtime: 'cli', log: strictLog(), ...options });
  backends.push(backend);
  return { backend, meetingId: fixture.meetingId };
}

describe('export.preview', () => {
  it('answers the notulen as sections of blocks: kop, title, body, signatures, then landscape lampiran II and III', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const answer = await backend.invoke('export.preview', { meetingId, paper: 'F4' });
    expect(answer.ok).toBe(true);
    const model = (answer as { data: DocModel }).data;
    expect(model.paper).toBe('F4');
    expect(model.letterhead?.lines[0].text).toBe('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
    expect(model.sections.map((s) => s.orientation)).toEqual(['portrait', 'portrait', 'landscape', 'landscape']);
    const main = model.sections[0].blocks;
    expect(main[0]).toMatchObject({ kind: 'paragraph', text: 'NOTULEN RAKOR KLA KLASTER III', bold: true });
    expect(main.at(-1)).toMatchObject({ kind: 'signatures', rows: [[{ roles: ['Pimpinan Rapat,', expect.any(String)] }, { roles: ['Notulis,', expect.any(String)] }]] });
    // Lampiran I: one row per attendee, numbered 1..n, widths summing to the F4 text width.
    const table = model.sections[1].blocks.find((b): b is TableBlock => b.kind === 'table');
    expect(table?.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(table?.columns.reduce((s, c) => s + c.width, 0)).toBe(textWidth('F4'));
    // The answer is plain data: it survives JSON unchanged (IPC and HTTP carry it).
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('answers the blank daftar hadir with the rows asked for, and refuses a meeting that does not exist', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const answer = await backend.invoke('export.preview', { meetingId, document: 'daftarHadir', rows: 45 });
    const model = (answer as { data: DocModel }).data;
    const table = model.sections[0].blocks.find((b): b is TableBlock => b.kind === 'table');
    expect(table?.rows).toHaveLength(45);
    expect(table?.rows[1].at(-1)).toEqual({ sign: 2 });
    expect(await backend.invoke('export.preview', { meetingId: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('export.pdf', () => {
  it('says in Indonesian that the browser prints from the Pratinjau when there is no desktop printer', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const answer = await backend.invoke('export.pdf', { meetingId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect((answer as { error: { message: string } }).error.message).toContain('Pratinjau');
  });

  it('prints through the platform hook and saves under the document name with .pdf', async () => {
    const printed: PrintRequest[] = [];
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const { backend, meetingId } = backendWithMeeting({
      printPdf: async (request) => { printed.push(request); return new TextEncoder().encode('%PDF-1.7 stand-in'); },
      saveFile: async (name, bytes) => { saved.push({ name, bytes }); return { saved: true, path: `/tmp/${name}` }; },
    });
    const answer = await backend.invoke('export.pdf', { meetingId, paper: 'F4', lampiran: ['I'] });
    expect(answer).toMatchObject({ ok: true, data: { saved: true } });
    expect(printed).toEqual([{ meetingId, document: 'notulen', paper: 'F4', lampiran: ['I'] }]);
    expect(saved[0].name).toBe('Notulen Rakor KLA Klaster III 2024-11-26 (F4).pdf');
    expect(new TextDecoder().decode(saved[0].bytes)).toBe('%PDF-1.7 stand-in');
  });
});

describe('paginate', () => {
  const p = (keepNext = false) => ({ kind: 'paragraph' as const, text: 'x', ...(keepNext ? { keepNext } : {}) });
  const table = { kind: 'table' as const, columns: [{ header: 'No', width: 500 }], rows: [['1'], ['2'], ['3'], ['4']], size: 20 };

  it('moves a table row that does not fit to the next page with the header repeated, and a heading with what follows it', () => {
    const pages = paginate(
      [{ blocks: [p(), p(true), table], measured: [{ height: 40 }, { height: 20 }, { height: 100, header: 10, rows: [20, 20, 20, 20] }] }],
      100,
      () => 100,
    );
    // 40 + 20 + header 10 + two rows = 110 > 100: one row fits on page 1 after the heading.
    expect(pages.map((pg) => pg.fragments)).toEqual([
      [{ block: 0 }, { block: 1 }, { block: 2, from: 0, to: 1 }],
      [{ block: 2, from: 1, to: 4 }],
    ]);
  });

  it('carries a keep-with-next heading to the page of the block it introduces, and starts each section on a new page', () => {
    const pages = paginate(
      [
        { blocks: [p(), p(true), p()], measured: [{ height: 70 }, { height: 20 }, { height: 30 }] },
        { blocks: [p()], measured: [{ height: 10 }] },
      ],
      100,
      () => 100,
    );
    expect(pages).toEqual([
      { section: 0, fragments: [{ block: 0 }] },
      { section: 0, fragments: [{ block: 1 }, { block: 2 }] },
      { section: 1, fragments: [{ block: 0 }] },
    ]);
  });
});
