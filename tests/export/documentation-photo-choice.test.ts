import { describe, expect, it } from 'vitest';
import { documentationPhotos, documentationSection, fitPhoto, type DocumentationPhoto } from '../../src-main/core/export/lampiran-documentation';
import type { MinutesPhoto } from '../../src-main/core/export/minutes-model';
import { renderDocx } from '../../src-main/core/export/docx-render';
import { sha256Of } from '../../src-main/core/evidence/file-store';
import { textWidth } from '../../shared/document';
import { docxText } from '../support/docx-read';
import { jpegHeaders, photoPng, withExifOrientation } from '../support/photos';

// Which chosen photos the Lampiran Dokumentasi can print and how: read from the store by
// content hash, a message in place of a missing or unreadable one, upright size, numbered
// captions, and the lampiran's title. Rendering to a page is in documentation-lampiran.test.ts.

/** A store holding `files`, read by content hash as core/evidence does. */
function store(...files: Buffer[]) {
  const byHash = new Map(files.map((f) => [sha256Of(f), new Uint8Array(f)]));
  return (sha: string) => byHash.get(sha) ?? null;
}
const photo = (bytes: Buffer, mediaType: string, title: string, caption = title): MinutesPhoto =>
  ({ sha256: sha256Of(bytes), sizeBytes: bytes.length, mediaType, title, caption });

const options = { code: 'IV', meetingTitle: '  Rakor KLA Klaster III  ', date: '2025-03-10', paper: 'A4' as const, size: 24 };

describe('photos of the Lampiran Dokumentasi', () => {
  it('reads each chosen photo with its size; a missing, altered or non-image file gets a message', () => {
    const wide = photoPng(64, 48);
    const jpeg = jpegHeaders(400, 300);
    const damaged = Buffer.from('bukan gambar sama sekali');
    const photos = documentationPhotos(
      [
        photo(wide, 'image/png', 'Suasana rapat.png', 'Suasana rapat'),
        photo(jpeg, 'image/jpeg', 'Kunjungan.jpg'),
        photo(Buffer.from('hilang'), 'image/png', '  Foto hilang.png  ', 'Foto yang hilang'),
        photo(damaged, 'image/png', 'Rusak.png'),
        // A PNG stored as another type is not printed as a picture.
        photo(wide, 'image/gif', 'Animasi.gif'),
        photo(jpeg, 'application/octet-stream', 'Kamera.bin'),
      ],
      store(wide, jpeg, damaged),
    );
    expect(photos[0]).toEqual({ dataUrl: `data:image/png;base64,${wide.toString('base64')}`, width: 64, height: 48, caption: 'Suasana rapat', rotation: 0 });
    expect(photos[1]).toEqual({ dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: 400, height: 300, caption: 'Kunjungan.jpg', rotation: 0 });
    expect(photos[2]).toEqual({
      dataUrl: '', width: 0, height: 0, caption: 'Foto yang hilang',
      problem: '[Foto "Foto hilang.png" tidak dapat dimuat: berkasnya hilang atau berubah di folder data. Jalankan pemeriksaan data dukung atau pulihkan dari cadangan.]',
    });
    expect(photos[3]).toEqual({ dataUrl: '', width: 0, height: 0, caption: 'Rusak.png', problem: '[Foto "Rusak.png" tidak dapat dimuat: bukan gambar JPG/PNG yang terbaca.]' });
    expect(photos[4]).toMatchObject({ dataUrl: '', problem: '[Foto "Animasi.gif" tidak dapat dimuat: bukan gambar JPG/PNG yang terbaca.]' });
    expect(photos[5]).toMatchObject({ dataUrl: '', problem: '[Foto "Kamera.bin" tidak dapat dimuat: bukan gambar JPG/PNG yang terbaca.]' });
  });

  it('a phone photo turned a quarter either way is sized as seen upright', () => {
    const left = withExifOrientation(jpegHeaders(400, 300), 8);
    const right = withExifOrientation(jpegHeaders(400, 300), 6, true);
    const upsideDown = withExifOrientation(jpegHeaders(400, 300), 3);
    const photos = documentationPhotos([photo(left, 'image/jpeg', 'Kiri'), photo(right, 'image/jpeg', 'Kanan'), photo(upsideDown, 'image/jpeg', 'Terbalik')], store(left, right, upsideDown));
    expect(photos.map((p) => [p.width, p.height, p.rotation])).toEqual([[300, 400, 270], [300, 400, 90], [400, 300, 180]]);
  });

  it('a picture without height or width takes no room', () => {
    expect(fitPhoto(400, 0, 9000, 6000)).toEqual({ width: 0, height: 0 });
    expect(fitPhoto(0, 300, 9000, 6000)).toEqual({ width: 0, height: 0 });
    expect(fitPhoto(400, 300, 9000, 6000)).toEqual({ width: 8000, height: 6000 });
  });
});

describe('the Lampiran Dokumentasi section', () => {
  const photos: DocumentationPhoto[] = [
    { dataUrl: `data:image/png;base64,${photoPng(64, 48).toString('base64')}`, width: 64, height: 48, caption: '  Suasana rapat koordinasi. ' },
    { dataUrl: '', width: 0, height: 0, caption: 'Foto yang hilang', problem: '[Foto "x" tidak dapat dimuat]' },
    { dataUrl: `data:image/png;base64,${photoPng(48, 64).toString('base64')}`, width: 48, height: 64, caption: '' },
  ];

  it('titles it DOKUMENTASI with the rakor, numbers the captions in order, a message in place of a missing photo', async () => {
    const section = documentationSection(photos, options);
    // A portrait page: the Pratinjau prints each sheet on the named page of its orientation.
    expect(section.orientation).toBe('portrait');
    const paragraphs = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs.slice(-4)).toEqual(['DOKUMENTASI', 'Rakor KLA Klaster III', '[Foto "x" tidak dapat dimuat]', 'Gambar 2. Foto yang hilang']);
    const images = section.blocks.flatMap((b) => (b.kind === 'image' ? [b] : []));
    // The caption's closing full stop goes; an empty caption leaves the number alone.
    expect(images.map((b) => b.caption)).toEqual(['Gambar 1. Suasana rapat koordinasi', 'Gambar 3']);
    for (const b of images) expect(b.width).toBeLessThanOrEqual(textWidth('A4'));
    // The portrait photo is as tall as the landscape one (the same third of the page), so narrower.
    expect(images[1].height).toBe(images[0].height);
    expect(images[1].width).toBeLessThan(images[0].width);

    const text = await docxText(await renderDocx({ paper: 'A4', font: 'Arial', size: 24, title: 'Uji', letterhead: null, sections: [section] }));
    expect(text.split('\n').filter((l) => l !== '').slice(-6)).toEqual([
      'DOKUMENTASI', 'Rakor KLA Klaster III', 'Gambar 1. Suasana rapat koordinasi', '[Foto "x" tidak dapat dimuat]', 'Gambar 2. Foto yang hilang', 'Gambar 3',
    ]);
  });
});
