import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { renderAttendanceSheet } from '../../src-main/core/export/attendance-sheet';
import { createMeetingFixture, tempDataDir, type FixtureOptions } from '../support/meeting-fixture';
import { HAS_SOFFICE, pdfPages, pdfToPng, SOFFICE_SKIP_REASON, toPdf, type PdfPage } from '../support/docx-read';

// The documents rendered for real by LibreOffice: paper size, page breaks before each lampiran,
// the Indonesian formats as printed, and PNGs of every page in .tmp/export-render to look at.

const PNG_DIR = path.resolve(__dirname, '../../.tmp/export-render');

if (!HAS_SOFFICE) console.warn(SOFFICE_SKIP_REASON);

// On a developer machine without them the render tests are skipped with the warning above; in CI
// (which installs them) a missing tool is a failure, never a silent skip.
it.runIf(!HAS_SOFFICE && Boolean(process.env.CI))('has LibreOffice and poppler-utils installed in CI', () => {
  expect.fail(SOFFICE_SKIP_REASON);
});

interface Rendered {
  pages: PdfPage[];
  text: string;
}

describe.skipIf(!HAS_SOFFICE)('notulen rendered by LibreOffice', () => {
  const work = tempDataDir('rakor-render-');
  const rendered = new Map<string, Rendered>();
  const dirs: string[] = [];

  async function build(name: string, options: FixtureOptions, render: (data: ReturnType<typeof loadMinutesData>) => Promise<Uint8Array>): Promise<string> {
    const f = createMeetingFixture(options);
    dirs.push(f.dir);
    try {
      const file = path.join(work, `${name}.docx`);
      fs.writeFileSync(file, await render(loadMinutesData(f.db, f.meetingId)));
      return file;
    } finally {
      f.close();
    }
  }

  beforeAll(async () => {
    const all = ['I', 'II', 'III'] as const;
    const longNotes = Array.from({ length: 80 }, (_, i) => `Paragraf ${i + 1}. ${'Peserta membahas data dukung indikator dan langkah tindak lanjut. '.repeat(4)}`).join('\n').slice(0, 20_000);
    const files = [
      await build('notulen-a4', { attendees: 30, actions: 12, budgetLines: 8, earlierActions: 2 }, (d) => renderMinutes(d, { paper: 'A4', lampiran: [...all] })),
      await build('notulen-f4', { attendees: 30, actions: 12, budgetLines: 8, withLogo: false }, (d) => renderMinutes(d, { paper: 'F4', lampiran: [...all] })),
      await build('notulen-unicode', { title: 'Rakor <KLA> & "Klaster" III', openingNotes: 'Catatan <b> & "kutip" — 😀 👨‍👩‍👧 中文 ñ\u0007', decisions: ['Keputusan dengan emoji 🎉 & <tanda>'] }, (d) => renderMinutes(d, { lampiran: [...all] })),
      await build('notulen-long', { agenda: [{ title: 'Pembahasan panjang', notes: `${longNotes}\nAKHIR-CATATAN` }] }, (d) => renderMinutes(d, { lampiran: [] })),
      await build('notulen-empty', { empty: true, earlierActions: 0 }, (d) => renderMinutes(d, { lampiran: [...all] })),
      await build('notulen-150', { attendees: 150 }, (d) => renderMinutes(d, { lampiran: ['I'] })),
      await build('daftar-hadir', {}, (d) => renderAttendanceSheet(d, { rows: 40, paper: 'A4' })),
    ];
    const pdfs = toPdf(files, work);
    fs.mkdirSync(PNG_DIR, { recursive: true });
    for (const pdf of pdfs) {
      const name = path.basename(pdf, '.pdf');
      const pages = pdfPages(pdf);
      rendered.set(name, { pages, text: pages.map((p) => p.text).join('\n') });
      pdfToPng(pdf, path.join(PNG_DIR, name));
    }
  }, 180_000);

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const get = (name: string) => rendered.get(name)!;
  // The first line under the page number ("- 4 -", top centre since issue 10).
  const firstLine = (page: PdfPage) => page.text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !/^-\s*\d+\s*-$/.test(l)) ?? '';

  it('prints A4 pages (portrait for the notulen, landscape for lampiran II and III)', () => {
    const { pages } = get('notulen-a4');
    expect(Math.round(pages[0].width)).toBe(595);
    expect(Math.round(pages[0].height)).toBe(842);
    const landscape = pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThanOrEqual(2);
    for (const p of landscape) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
  });

  it('prints F4 (215 x 330 mm) when asked', () => {
    const { pages } = get('notulen-f4');
    // LibreOffice stores page sizes in 1/100 mm, so the PDF can be off by a fraction of a point.
    expect(Math.abs(pages[0].width - 609.4)).toBeLessThan(1);
    expect(Math.abs(pages[0].height - 935.4)).toBeLessThan(1);
  });

  it('starts every lampiran on its own page, headed by its label', () => {
    for (const name of ['notulen-a4', 'notulen-f4', 'notulen-empty', 'notulen-unicode']) {
      const { pages } = get(name);
      const starts = ['I', 'II', 'III'].map((code) => pages.findIndex((p) => new RegExp(`^Lampiran ${code}\\s+: Notulen`).test(firstLine(p))));
      expect(starts.every((i) => i > 0), `${name}: ${starts}`).toBe(true);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      // The notulen ends (with its signatures) on the page before Lampiran I.
      expect(pages[starts[0] - 1].text).toContain('Notulis,');
      expect(pages[starts[0] - 1].text).not.toMatch(/Lampiran I\s+: Notulen/);
    }
  });

  it('keeps each kop surat line on one line, with a logo and without', () => {
    for (const name of ['notulen-a4', 'notulen-f4']) {
      const lines = get(name).pages[0].text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
      // Too long for one line at a size not below the address: two whole lines.
      const whole = lines.includes('DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK');
      expect(whole || (lines.includes('DINAS PEMBERDAYAAN PEREMPUAN') && lines.includes('DAN PERLINDUNGAN ANAK')), name).toBe(true);
      expect(lines, name).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
    }
  });

  it('prints the Indonesian date, time zone, rupiah amounts and grouped NIP', () => {
    const { text } = get('notulen-a4');
    expect(text).toContain('Selasa, 26 November 2024');
    expect(text).toContain('09.00 WITA s.d. 12.00 WITA');
    expect(text).toContain('Rp1.250.000.000,00');
    expect(text).toContain('19800101 200501 1 001');
    expect(text).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
  });

  it('keeps the signature blocks side by side and together on one page', () => {
    const { pages } = get('notulen-a4');
    const page = pages.find((p) => p.text.includes('NIP. 19800101 200501 1 001'))!;
    expect(page.text).toMatch(/Mengetahui,\s+Sampit, 26 November 2024/);
    expect(page.text).toMatch(/Pimpinan Rapat,\s+Notulis,/);
    expect(page.text).toMatch(/NIP\. 19800101 200501 1 001\s+NIP\. 19900315 201503 2 002/);
  });

  it('repeats the table header on every page of a long daftar hadir', () => {
    const { pages } = get('notulen-150');
    const attendancePages = pages.filter((p) => /Peserta \d+\b/.test(p.text));
    expect(attendancePages.length).toBeGreaterThan(3);
    for (const p of attendancePages) expect(p.text).toMatch(/No\s+Nama\s+Jabatan\s+Instansi\s+No\./);
    expect(get('notulen-150').text).toContain('150 orang, daftar hadir terlampir');
    expect(get('notulen-150').text).toMatch(/Peserta 150\b/);
  });

  it('opens unusual text, a 20,000-character note and an empty meeting', () => {
    expect(get('notulen-unicode').text).toContain('Catatan <b> & "kutip"');
    expect(get('notulen-unicode').text).toContain('中文');
    expect(get('notulen-long').text).toContain('AKHIR-CATATAN');
    expect(get('notulen-long').pages.length).toBeGreaterThan(4);
    expect(get('notulen-empty').text).toMatch(/PEMBUKAAN\s+-/);
  });

  it('prints the blank daftar hadir with 40 numbered rows over pages with the header repeated', () => {
    const { pages, text } = get('daftar-hadir');
    expect(text).toContain('DAFTAR HADIR');
    expect(text).toContain('Selasa, 26 November 2024, pukul 09.00 WITA s.d. 12.00 WITA');
    expect(text).toMatch(/\b40\s+40\./);
    // The blank sheet asks civil servants for their NIP under the name (Profil daerah may hide it).
    for (const p of pages) expect(p.text).toMatch(/No\s+Nama \/ NIP\s+Jabatan/);
  });
});
