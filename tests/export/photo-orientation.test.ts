import { describe, expect, it } from 'vitest';
import { jpegRotation } from '../../src-main/core/export/image';
import { documentationPhotos, documentationSection } from '../../src-main/core/export/lampiran-documentation';
import { renderDocx } from '../../src-main/core/export/docx-render';
import { sha256Of } from '../../src-main/core/evidence/file-store';
import { docxParts } from '../support/docx-read';
import { jpegHeaders, photoPng, withExifOrientation } from '../support/photos';

// A phone stores a portrait photo as landscape pixels with EXIF orientation 6. The Pratinjau's
// Chromium turns it by itself; the Lampiran Dokumentasi sizes the photo as seen upright and the
// Word writer carries the rotation, so the two agree (a real phone-style JPEG goes through the
// Pratinjau and LibreOffice in tests/evidence/documentation-ui.test.ts). Without the tag nothing turns.

describe('camera orientation of a Dokumentasi photo', () => {
  it('reads EXIF orientation big- and little-endian as a clockwise turn, 0 without it', () => {
    const raw = jpegHeaders(400, 300);
    expect(jpegRotation(raw)).toBe(0);
    expect(jpegRotation(withExifOrientation(raw, 6))).toBe(90);
    expect(jpegRotation(withExifOrientation(raw, 8, true))).toBe(270);
    expect(jpegRotation(withExifOrientation(raw, 3, true))).toBe(180);
    expect(jpegRotation(withExifOrientation(raw, 1))).toBe(0);
    expect(jpegRotation(photoPng(4, 3))).toBe(0);
    // A cut-off tag is ignored, never a crash.
    expect(jpegRotation(withExifOrientation(raw, 6).subarray(0, 20))).toBe(0);
  });

  it('sizes a turned photo upright and writes it to Word unturned with the rotation', async () => {
    const portrait = withExifOrientation(jpegHeaders(400, 300), 6);
    const store = new Map([[sha256Of(portrait), portrait]]);
    const [photo] = documentationPhotos([{ sha256: sha256Of(portrait), sizeBytes: portrait.length, mediaType: 'image/jpeg', title: 'Potret', caption: 'Potret' }], (sha) => store.get(sha) ?? null);
    expect(photo).toMatchObject({ width: 300, height: 400, rotation: 90 });
    const section = documentationSection([photo], { code: 'IV', meetingTitle: 'Rakor', date: '2025-03-10', paper: 'A4', size: 24 });
    const block = section.blocks.find((b) => b.kind === 'image');
    expect(block).toMatchObject({ rotation: 90 });
    if (block?.kind !== 'image') throw new Error('no image');
    expect(block.height).toBeGreaterThan(block.width);

    const docx = await renderDocx({ paper: 'A4', font: 'Arial', size: 24, title: 'Uji', letterhead: null, sections: [section] });
    const xml = docxParts(docx).get('word/document.xml') ?? '';
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml) ?? [];
    // The box Word stores is the picture's own (landscape), turned a quarter clockwise.
    expect(Number(cx)).toBeGreaterThan(Number(cy));
    expect(xml).toContain('rot="5400000"');
  });
});
