import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMinutesData, type MinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { renderAttendanceSheet } from '../../src-main/core/export/attendance-sheet';
import { createMeetingFixture, SEEDED_PEOPLE, tempDataDir, type FixtureOptions } from '../support/meeting-fixture';
import { HAS_SOFFICE, pdfPageTexts, pdfToPng, SOFFICE_SKIP_REASON, toPdf } from '../support/docx-read';

// Issue 10 through LibreOffice's layout: page numbers as tata naskah dinas wants them, the
// closing sentence on the same page as the signatures for every meeting length from 1 to 60
// RTLs on A4 and F4, daftar hadir columns that break no word, and long office names in the kop.
// Every document is built in-process and all are converted in ONE soffice run.

const PNG_DIR = path.resolve(__dirname, '../../.tmp/export-render-layout');
const CHAIR = 'Dr. H. Ahmad Fauzi, M.Si.';
const NOTULIS = 'Siti Rahmawati, S.Sos.';
const SIZES = Array.from({ length: 60 }, (_, i) => i + 1);
const PAPERS = ['A4', 'F4'] as const;
const LONG_OFFICE = 'DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK, PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA';

if (!HAS_SOFFICE) console.warn(SOFFICE_SKIP_REASON);

describe.skipIf(!HAS_SOFFICE)('notulen layout rendered by LibreOffice', () => {
  const work = tempDataDir('rakor-layout-');
  const dirs: string[] = [];
  const pages = new Map<string, string[]>();
  const files: string[] = [];

  function load(options: FixtureOptions, profile?: (db: ReturnType<typeof createMeetingFixture>['db']) => void): MinutesData {
    const f = createMeetingFixture(options);
    dirs.push(f.dir);
    profile?.(f.db);
    try {
      return loadMinutesData(f.db, f.meetingId);
    } finally {
      f.close();
    }
  }

  async function write(name: string, bytes: Promise<Uint8Array>): Promise<void> {
    const file = path.join(work, `${name}.docx`);
    fs.writeFileSync(file, await bytes);
    files.push(file);
  }

  beforeAll(async () => {
    // One meeting with 60 RTLs, cut to each size: the body grows an RTL row at a time.
    const base = load({ actions: 60, earlierActions: 2 });
    for (const paper of PAPERS) {
      for (const n of SIZES) await write(`sig-${paper}-${n}`, renderMinutes({ ...base, actions: base.actions.slice(0, n) }, { paper, lampiran: [] }));
    }
    const all = ['I', 'II', 'III'] as const;
    const small = load({ attendees: 8, actions: 3, people: SEEDED_PEOPLE });
    const large = load({ attendees: 150, actions: 200, budgetLines: 30, people: SEEDED_PEOPLE, indicators: Array.from({ length: 24 }, (_, i) => i + 1) });
    const longKop = load({ attendees: 15, people: SEEDED_PEOPLE }, (db) => {
      db.prepare(`UPDATE region_profile SET letterhead_lines = ?`).run(JSON.stringify(['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', LONG_OFFICE, 'Jalan Jenderal Sudirman Km. 5,5 Sampit 74322', 'Telepon (0531) 21234, Pos-el dp3a@kotimkab.go.id']));
    });
    for (const paper of PAPERS) {
      await write(`small-${paper}`, renderMinutes(small, { paper, lampiran: [...all] }));
      await write(`large-${paper}`, renderMinutes(large, { paper, lampiran: [...all] }));
      await write(`kop-${paper}`, renderMinutes(longKop, { paper, lampiran: ['I'] }));
      await write(`sheet-${paper}`, renderAttendanceSheet(small, { paper, rows: 45 }));
    }
    // ~130 documents in one LibreOffice run: 20 s on an idle machine, much more beside other suites.
    const pdfs = toPdf(files, work, 540_000);
    fs.mkdirSync(PNG_DIR, { recursive: true });
    for (const pdf of pdfs) {
      const name = path.basename(pdf, '.pdf');
      pages.set(name, pdfPageTexts(pdf));
      if (!name.startsWith('sig-')) pdfToPng(pdf, path.join(PNG_DIR, name));
    }
  }, 600_000);

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const lines = (page: string) => page.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');

  it('keeps "Demikian ..." and both signatures on one page for 1 to 60 RTLs, on A4 and F4', () => {
    const failures: string[] = [];
    for (const paper of PAPERS) {
      for (const n of SIZES) {
        const doc = pages.get(`sig-${paper}-${n}`)!;
        const i = doc.findIndex((p) => p.includes('Demikian notulen rapat ini'));
        const page = doc[i] ?? '';
        // A short Penutup travels with them: its heading never stays behind at the foot of a page.
        const together = page.includes(CHAIR) && page.includes(NOTULIS) && /Pimpinan Rapat,\s+Notulis,/.test(page) && /F\.\s+PENUTUP/.test(page);
        if (i < 0 || !together) failures.push(`${paper}/${n} RTL: halaman ${i + 1} dari ${doc.length}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('numbers every page after the kop page "- n -" at the top, lampiran included, and none on page 1', () => {
    for (const name of ['small-A4', 'small-F4', 'large-A4', 'large-F4', 'sheet-A4', 'sheet-F4', 'sig-A4-60']) {
      const doc = pages.get(name)!;
      expect(doc.length, name).toBeGreaterThan(1);
      expect(lines(doc[0]).some((l) => /^- ?\d+ ?-$/.test(l)), `${name} p1`).toBe(false);
      expect(lines(doc[0])[0], name).toMatch(/PEMERINTAH KABUPATEN/);
      // pdftotext may drop the spaces of so short a line: "- 2 -" can come out as "-2-".
      doc.slice(1).forEach((p, i) => expect(lines(p)[0]?.replace(/\s/g, ''), `${name} p${i + 2}`).toBe(`-${i + 2}-`));
      // Nothing numbered at the bottom any more.
      doc.forEach((p, i) => expect(lines(p).at(-1), `${name} p${i + 1}`).not.toMatch(/^- ?\d+ ?-$/));
    }
  });

  it('breaks no jabatan word and no phone number in the daftar hadir', () => {
    for (const name of ['small-A4', 'small-F4', 'large-A4', 'large-F4', 'kop-A4', 'kop-F4']) {
      const text = pages.get(name)!.join('\n');
      for (const p of SEEDED_PEOPLE.slice(0, name.startsWith('small') ? 8 : undefined)) {
        // A break after a hyphen ("Perundang-" / "undangan") is allowed; inside a word it is not.
        for (const word of p.jobTitle.split(/\s+|(?<=-)/)) {
          const end = word.endsWith('-') ? '' : '(\\s|$)';
          expect(text, `${name}: ${word}`).toMatch(new RegExp(`(^|\\s|-)${word.replace(/[-.]/g, '\\$&')}${end}`, 'm'));
        }
        expect(text, `${name}: ${p.phone}`).toContain(p.phone);
      }
    }
  });

  it('sets a long office name on two whole lines of the kop, never broken inside', () => {
    for (const paper of PAPERS) {
      const first = lines(pages.get(`kop-${paper}`)![0]);
      expect(first, paper).toContain('DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK,');
      expect(first, paper).toContain('PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA');
      expect(first, paper).toContain('Jalan Jenderal Sudirman Km. 5,5 Sampit 74322');
    }
  });

  it('renders the large meeting (150 attendees, 200 RTLs) with all lampiran', () => {
    for (const paper of PAPERS) {
      const text = pages.get(`large-${paper}`)!.join('\n');
      expect(text).toContain('150 orang, daftar hadir terlampir');
      expect(text).toMatch(/Lampiran III\s+: Notulen/);
    }
  });
});
