import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { textWidth, type DocModel } from '../../shared/document';
import { createMeetingFixture } from '../support/meeting-fixture';
import { docxParts, xmlText } from '../support/docx-read';
import { strictLog } from '../support/strict-log';

// A daftar hadir where someone typed an e-mail address as the agency: a word wider than the
// page can give. Before, the signature column was handed what was left, a negative width, and
// Word drew the Lampiran I table broken. Now the widest columns give way and the address breaks
// inside its own cell; every column, the signature space above all, keeps a real width.

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const EMAIL = 'sekretariat.gugustugas.kotawaringintimur.kalteng@gmail.com';

describe('Lampiran I with a word wider than the page', () => {
  it('keeps every column of the Word table positive and the table as wide as the text', async () => {
    const fixture = createMeetingFixture({ attendees: 3 });
    fixture.db.prepare(`UPDATE attendance SET agency_id = NULL, agency_text = ? WHERE meeting_id = ? AND position = 1`).run(EMAIL, fixture.meetingId);
    fixture.close();
    dirs.push(fixture.dir);
    const backend = createBackend({ dataDir: fixture.dir, runtime: 'cli', log: strictLog() });
    backends.push(backend);

    const answer = await backend.invoke('export.minutes', { meetingId: fixture.meetingId, paper: 'A4', lampiran: ['I'] });
    expect(answer.ok).toBe(true);
    const { base64 } = (answer as { data: { base64: string } }).data;
    const xml = docxParts(Buffer.from(base64, 'base64')).get('word/document.xml') ?? '';
    const tables = xml.split('<w:tbl>').slice(1);
    const attendance = tables.find((tbl) => xmlText(tbl).includes('Tanda Tangan'));
    expect(attendance, 'the daftar hadir table').toBeDefined();
    expect(xmlText(attendance ?? '')).toContain(EMAIL);
    const grid = [...(attendance ?? '').matchAll(/<w:gridCol w:w="(-?\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(6);
    expect(Math.min(...grid)).toBeGreaterThan(400);
    expect(grid.reduce((s, w) => s + w, 0)).toBe(textWidth('A4'));
    // The Pratinjau lays the table out with the same widths.
    const preview = await backend.invoke('export.preview', { meetingId: fixture.meetingId, paper: 'A4', lampiran: ['I'] });
    const previewTable = (preview as { data: DocModel }).data.sections[1].blocks.find((b) => b.kind === 'table');
    expect(previewTable?.kind === 'table' && previewTable.columns.map((c) => c.width)).toEqual(grid);
  });
});
