import { describe, expect, it } from 'vitest';
import { MARGIN, pageNumberText, PAPER_SIZE, textWidth } from '../../shared/document';
import { previewPath, readPreviewQuery } from '../../shared/preview-route';

// The Pratinjau's address (written by the export panel and the desktop shell, read by the
// preview screen) and the page arithmetic every document shares, checked against values
// written out by hand.

describe('preview address', () => {
  it('writes the document, the paper, the lampiran of a notulen and the rows of a blank daftar hadir', () => {
    expect(previewPath({ meetingId: 12, document: 'notulen', paper: 'F4', lampiran: ['I', 'III'] })).toBe(
      '/rapat/12/pratinjau?dokumen=notulen&kertas=F4&lampiran=I,III',
    );
    expect(previewPath({ meetingId: 12, document: 'notulen', lampiran: [] })).toBe('/rapat/12/pratinjau?dokumen=notulen&lampiran=');
    expect(previewPath({ meetingId: 5, document: 'daftarHadir', paper: 'A4', lampiran: ['I'], rows: 40 })).toBe(
      '/rapat/5/pratinjau?dokumen=daftarHadir&kertas=A4&baris=40',
    );
    expect(previewPath({ meetingId: 5, document: 'daftarHadir', lampiran: [] })).toBe('/rapat/5/pratinjau?dokumen=daftarHadir');
    // Rows belong to the blank daftar hadir only.
    expect(previewPath({ meetingId: 5, document: 'notulen', lampiran: ['II'], rows: 40 })).toBe('/rapat/5/pratinjau?dokumen=notulen&lampiran=II');
  });

  it('reads back what it writes', () => {
    const requests = [
      { meetingId: 12, document: 'notulen' as const, paper: 'F4' as const, lampiran: ['I' as const, 'III' as const] },
      { meetingId: 12, document: 'notulen' as const, paper: undefined, lampiran: [] },
      { meetingId: 7, document: 'daftarHadir' as const, paper: 'A4' as const, lampiran: ['I' as const, 'II' as const, 'III' as const, 'IV' as const], rows: 25 },
    ];
    for (const request of requests) expect(readPreviewQuery(request.meetingId, previewPath(request).split('?')[1]!)).toEqual(request);
  });

  it('falls back to the defaults for anything unknown, and keeps the lampiran in their own order', () => {
    const defaults = { meetingId: 3, document: 'notulen', paper: undefined, lampiran: ['I', 'II', 'III', 'IV'] };
    expect(readPreviewQuery(3, '')).toEqual(defaults);
    expect(readPreviewQuery(3, 'dokumen=surat&kertas=Letter&baris=-2')).toEqual(defaults);
    expect(readPreviewQuery(3, 'dokumen&kertas&baris=0')).toEqual(defaults);
    expect(readPreviewQuery(3, 'baris=2.5')).toEqual(defaults);
    expect(readPreviewQuery(3, 'baris=abc')).toEqual(defaults);
    expect(readPreviewQuery(3, 'kertas=a4')).toEqual(defaults);
    expect(readPreviewQuery(3, 'dokumen=daftarHadir&baris=1')).toEqual({ ...defaults, document: 'daftarHadir', rows: 1 });
    expect(readPreviewQuery(3, 'kertas=A4')).toEqual({ ...defaults, paper: 'A4' });
    expect(readPreviewQuery(3, 'lampiran=IV,II,V,ii')).toEqual({ ...defaults, lampiran: ['II', 'IV'] });
    expect(readPreviewQuery(3, 'lampiran=')).toEqual({ ...defaults, lampiran: [] });
    expect(readPreviewQuery(3, 'lampiran')).toEqual(defaults);
  });
});

describe('page arithmetic', () => {
  const TWIPS_PER_MM = 1440 / 25.4;
  const mm = (twips: number) => Math.round(twips / TWIPS_PER_MM);

  it('knows A4 and F4 in millimetres, a 3 cm binding margin and 2.5 cm elsewhere', () => {
    expect([mm(PAPER_SIZE.A4.width), mm(PAPER_SIZE.A4.height)]).toEqual([210, 297]);
    expect([mm(PAPER_SIZE.F4.width), mm(PAPER_SIZE.F4.height)]).toEqual([215, 330]);
    expect([mm(MARGIN.left), mm(MARGIN.right), mm(MARGIN.top), mm(MARGIN.bottom)]).toEqual([30, 25, 25, 25]);
  });

  it('gives the width between the margins, across the long side in landscape', () => {
    expect(mm(textWidth('A4'))).toBe(155);
    expect(mm(textWidth('A4', 'portrait'))).toBe(155);
    expect(mm(textWidth('F4'))).toBe(160);
    expect(mm(textWidth('A4', 'landscape'))).toBe(242);
    expect(mm(textWidth('F4', 'landscape'))).toBe(275);
  });

  it('numbers pages the way tata naskah dinas prints them', () => {
    expect(pageNumberText(2)).toBe('- 2 -');
    expect(pageNumberText(12)).toBe('- 12 -');
  });
});
