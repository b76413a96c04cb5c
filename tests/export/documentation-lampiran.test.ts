import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitPhoto, documentationSection } from '../../src-main/core/export/lampiran-documentation';
import { minutesModel } from '../../src-main/core/export/minutes-document';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderDocx } from '../../src-main/core/export/docx-render';
import { textWidth } from '../../shared/document';
import { docxFiles, docxParts, docxText, HAS_SOFFICE, pdfPages, pdfToPng, toPdf } from '../support/docx-read';
import { createMeetingFixture, LOGO_DATA_URL, tempDataDir } from '../support/meeting-fixture';
import { timeLimit } from '../support/time-limit';

// Lampiran Dokumentasi (optional block type of the document model): photos scaled into the
// page with numbered captions, written into the .docx as real pictures.

describe('Lampiran Dokumentasi', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('scales a photo to the text width or the height allowed, keeping its aspect ratio', () => {
    expect(fitPhoto(4000, 3000, 9000, 6000)).toEqual({ width: 8000, height: 6000 });
    expect(fitPhoto(400, 100, 9000, 6000)).toEqual({ width: 9000, height: 2250 });
    expect(fitPhoto(0, 100, 9000, 6000)).toEqual({ width: 0, height: 0 });
  });

  it('adds the photos with "Gambar n." captions as a lampiran of the notulen, each inside the page', async () => {
    const f = createMeetingFixture({ actions: 1 });
    dirs.push(f.dir);
    const data = loadMinutesData(f.db, f.meetingId);
    f.close();
    const model = minutesModel(data, { paper: 'A4', lampiran: [] });
    const photos = [
      { dataUrl: LOGO_DATA_URL, width: 48, height: 48, caption: 'Suasana rapat koordinasi' },
      { dataUrl: LOGO_DATA_URL, width: 48, height: 48, caption: 'Penandatanganan daftar hadir' },
    ];
    const section = documentationSection(photos, { code: 'IV', meetingTitle: data.meeting.title, date: data.meeting.date, paper: 'A4', size: 24 });
    for (const b of section.blocks) if (b.kind === 'image') expect(b.width).toBeLessThanOrEqual(textWidth('A4'));
    const bytes = await renderDocx({ ...model, sections: [...model.sections, section] });
    const text = await docxText(bytes);
    expect(text).toMatch(/Lampiran IV\s+: Notulen Rakor KLA Klaster III/);
    expect(text).toContain('Gambar 1. Suasana rapat koordinasi');
    expect(text).toContain('Gambar 2. Penandatanganan daftar hadir');
    // Two photos in the body besides the logo of the kop.
    expect(docxFiles(bytes).filter((name) => name.startsWith('word/media/')).length).toBeGreaterThanOrEqual(1);
    expect((docxParts(bytes).get('word/document.xml') ?? '').match(/<pic:pic\b/g)).toHaveLength(2);
    if (HAS_SOFFICE) {
      const work = tempDataDir('rakor-dokumentasi-');
      dirs.push(work);
      const file = path.join(work, 'dokumentasi.docx');
      fs.writeFileSync(file, bytes);
      const [pdf] = toPdf([file], work);
      const pages = pdfPages(pdf);
      // Both photos share the lampiran's first page with its heading.
      expect(pages.at(-1)?.text).toContain('DOKUMENTASI');
      expect(pages.at(-1)?.text).toContain('Gambar 2. Penandatanganan daftar hadir');
      pdfToPng(pdf, path.resolve(__dirname, '../../.tmp/export-render-layout/dokumentasi'));
    }
  }, timeLimit(120_000));
});
