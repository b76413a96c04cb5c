import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceSheetModel, renderAttendanceSheet } from '../../src-main/core/export/attendance-sheet';
import { loadMinutesData, type MinutesData } from '../../src-main/core/export/minutes-data';
import { docxParts, paragraphTexts } from '../support/docx-read';
import { createMeetingFixture } from '../support/meeting-fixture';

// The blank daftar hadir printed before the rakor: its title block (what, when, where) and the
// Word file's own title, read back from the .docx a user opens. A rakor without a place yet
// prints no empty "Tempat:" line; what was typed with stray spaces prints without them.

let data: MinutesData;
let dir = '';
beforeAll(() => {
  const f = createMeetingFixture({ title: 'Rakor KLA Klaster III', place: 'Aula Bappeda', attendees: 2 });
  dir = f.dir;
  try {
    data = loadMinutesData(f.db, f.meetingId);
  } finally {
    f.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheet(meeting: Partial<MinutesData['meeting']>): Promise<{ body: string[]; core: string; page: string }> {
  const bytes = await renderAttendanceSheet({ ...data, meeting: { ...data.meeting, ...meeting } }, { rows: 2 });
  const parts = docxParts(bytes);
  const xml = parts.get('word/document.xml') ?? '';
  return {
    body: paragraphTexts(xml.slice(0, xml.indexOf('<w:tbl>'))),
    core: parts.get('docProps/core.xml') ?? '',
    page: /<w:pgSz [^>]*>/.exec(xml)?.[0] ?? '',
  };
}

describe('heading of the blank daftar hadir', () => {
  it('prints title, the rakor, date and time, and the place, with the Word title naming the rakor', async () => {
    const { body, core } = await sheet({ title: '  Rakor KLA Klaster III  ', place: '  Aula Bappeda ' });
    expect(body).toEqual(['DAFTAR HADIR', 'Rakor KLA Klaster III', expect.stringMatching(/^\S.*, pukul \d{2}\.\d{2}/), 'Tempat: Aula Bappeda']);
    expect(core).toMatch(/<dc:title>Daftar Hadir +Rakor KLA Klaster III *<\/dc:title>/);
  });

  it('leaves the Tempat line out when no place is set, also when only spaces were typed', async () => {
    for (const place of ['', '   ']) {
      const { body } = await sheet({ place });
      expect(body).toHaveLength(3);
      expect(body.join('\n')).not.toContain('Tempat');
    }
  });

  it('is a portrait page, in the Word file and in the model the Pratinjau lays out', async () => {
    const { page } = await sheet({});
    const w = Number(/w:w="(\d+)"/.exec(page)?.[1]);
    const h = Number(/w:h="(\d+)"/.exec(page)?.[1]);
    expect(w).toBeLessThan(h);
    expect(page).not.toContain('landscape');
    expect(attendanceSheetModel(data).sections.map((s) => s.orientation)).toEqual(['portrait']);
  });
});
