import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { renderAttendanceSheet } from '../../src-main/core/export/attendance-sheet';
import { attendanceFileName, minutesFileName } from '../../src-main/core/export/file-name';
import { kopLines } from '../../src-main/core/export/letterhead';
import { textWidth } from '../../src-main/core/export/page-setup';
import { fittingSize } from '../../src-main/core/export/text-width';
import { createBackend } from '../../src-main/core/backend';
import { createMeetingFixture, SEEDED_PEOPLE, type Fixture, type FixtureOptions } from '../support/meeting-fixture';
import { docxHtml, docxParts, docxText, xmlText } from '../support/docx-read';

// Issue 10: what a Kabid would otherwise fix in Word before signing. Each test reads the .docx
// back (mammoth for the text, the package XML for headers, styles and properties).

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) {
    f.close();
    fs.rmSync(f.dir, { recursive: true, force: true });
  }
});

async function notulen(options: FixtureOptions = {}, render: Parameters<typeof renderMinutes>[1] = { lampiran: ['I', 'II', 'III'] }) {
  const f = createMeetingFixture(options);
  fixtures.push(f);
  const data = loadMinutesData(f.db, f.meetingId);
  const bytes = await renderMinutes(data, render);
  return { f, data, bytes, text: await docxText(bytes), parts: docxParts(bytes) };
}

/** The header part a section's <w:headerReference w:type=...> points to. */
function headerOf(parts: Map<string, string>, relId: string): string {
  const rels = parts.get('word/_rels/document.xml.rels')!;
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)?.[1];
  return parts.get(`word/${target}`)!;
}

function sections(doc: string): string[] {
  return [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

/**
 * Paragraphs a reader reads as prose: everything but the cells of data tables (set in the
 * "TabelRakor" styles), where "Belum" or "Dilaporkan pada rakor berikutnya." rightly repeat.
 */
function proseParagraphs(doc: string): string[] {
  return doc.split('</w:p>').filter((p) => !p.includes('<w:pStyle w:val="TabelRakor')).map((p) => xmlText(`${p}</w:p>`)).filter((t) => t.trim() !== '');
}

describe('page numbers (tata naskah dinas)', () => {
  it('prints "- n -" at the top centre, none on the kop page, continued through the lampiran, no footers', async () => {
    for (const paper of ['A4', 'F4'] as const) {
      const { parts } = await notulen({}, { paper, lampiran: ['I', 'II', 'III'] });
      const doc = parts.get('word/document.xml')!;
      const secs = sections(doc);
      expect(secs).toHaveLength(4);
      expect(doc).not.toContain('<w:footerReference');
      expect([...parts.keys()].filter((k) => /footer/.test(k))).toEqual([]);
      secs.forEach((sec, i) => {
        const defaultId = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(sec)?.[1];
        expect(defaultId, `section ${i}`).toBeDefined();
        const header = headerOf(parts, defaultId!);
        expect(header).toMatch(/<w:jc w:val="center"\/>/);
        expect(header).toMatch(/<w:t[^>]*>- <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> -<\/w:t>/);
        // Lampiran continue the count: no restart.
        expect(sec).not.toMatch(/<w:pgNumType[^>]*w:start/);
      });
      // Only the first section has a distinct first page, and it shows the kop (no number).
      expect(secs[0]).toContain('<w:titlePg/>');
      for (const sec of secs.slice(1)) expect(sec).not.toContain('<w:titlePg/>');
      const firstId = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(secs[0])![1];
      const kop = headerOf(parts, firstId);
      expect(xmlText(kop)).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
      expect(kop).not.toContain('PAGE');
    }
  });

  it('numbers the blank daftar hadir the same way', async () => {
    const f = createMeetingFixture();
    fixtures.push(f);
    const parts = docxParts(await renderAttendanceSheet(loadMinutesData(f.db, f.meetingId), { rows: 60 }));
    const doc = parts.get('word/document.xml')!;
    expect(doc).not.toContain('<w:footerReference');
    expect(doc).toContain('<w:titlePg/>');
    const defaultId = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(doc)![1];
    expect(headerOf(parts, defaultId)).toContain('PAGE');
  });
});

describe('text of the notulen', () => {
  it('names each cluster once: "Kelembagaan; Klaster I Hak Sipil dan Kebebasan"', async () => {
    const { text, data } = await notulen({ clusterCodes: ['KL', 'I'] });
    const klasterI = data.clusters.find((c) => c.code === 'I')!.name;
    expect(text).not.toContain('Kelembagaan: Kelembagaan');
    expect(text).not.toMatch(/Klaster I: /);
    expect(text).toContain(`Kelembagaan; Klaster I ${klasterI}`.replace('Klaster I Klaster I', 'Klaster I'));
  });

  it('does not add "Rapat ditutup pada pukul" after a closing time the notulis typed', async () => {
    const { text } = await notulen({ closingNotes: 'Rapat ditutup oleh Ketua Gugus Tugas pukul 12.15 WITA.' });
    expect(text).toContain('Rapat ditutup oleh Ketua Gugus Tugas pukul 12.15 WITA.');
    expect(text).not.toContain('Rapat ditutup pada pukul');
    // Without a typed time the sentence is still written from the end time.
    const plain = await notulen({ closingNotes: 'Ketua mengucapkan terima kasih.' });
    expect(plain.text).toContain('Rapat ditutup pada pukul 12.00 WITA.');
    const chair = await notulen({ closingNotes: 'Ketua menutup rapat pada jam 12.15 WITA.' });
    expect(chair.text).not.toContain('Rapat ditutup pada pukul');
  });

  it('leaves out empty optional fields instead of printing "-"', async () => {
    const { text } = await notulen({
      place: '',
      agenda: [
        { title: 'Pembukaan', notes: '' },
        { title: 'Tindak lanjut rapat sebelumnya', notes: '' },
        { title: 'Pembahasan indikator', notes: '' },
      ],
      earlierActions: 2,
    });
    expect(text).not.toMatch(/Tempat\n+:/);
    expect(text).not.toMatch(/\t:\t-\n/);
    // No "-" line right under an agenda item; earlier RTLs are pointed to section C.
    expect(text).not.toMatch(/\d\.\t[^\n]+\n+-\n/);
    expect(text).toMatch(/2\.\tTindak lanjut rapat sebelumnya\n+Dibahas pada huruf C\./);
    // Indicators reviewed with no problem written have no Permasalahan line at all.
    expect(text).toMatch(/Indikator 11 \(Klaster III\)[^\n]*\n+Capaian\t:[^\n]*\n+(?:Nilai[^\n]*\n+)?Rekomendasi\t:/);
  });

  it('numbers agenda and indicators in one scheme: indicators are lettered under their agenda item', async () => {
    const { text } = await notulen();
    // Default fixture: agenda 1 and 2 ("Pembahasan capaian indikator ..."), indicators a-f under 2.
    const pembahasan = text.slice(text.indexOf('PEMBAHASAN'), text.indexOf('TINDAK LANJUT HASIL RAPAT SEBELUMNYA'));
    const numbers = [...pembahasan.matchAll(/^([0-9]+|[a-z]+)\.\t/gm)].map((m) => m[1]);
    expect(numbers).toEqual(['1', '2', 'a', 'b', 'c', 'd', 'e', 'f']);
    // Without an agenda item on the indicators they become the next numbered item, not a new "1.".
    const other = await notulen({ agenda: [{ title: 'Arahan Ketua', notes: 'Arahan.' }] });
    const b = other.text.slice(other.text.indexOf('PEMBAHASAN'), other.text.indexOf('TINDAK LANJUT HASIL RAPAT SEBELUMNYA'));
    expect([...b.matchAll(/^([0-9]+|[a-z]+)\.\t/gm)].map((m) => m[1])).toEqual(['1', '2', 'a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('writes months in full in the body RTL table and never justifies numbered lines', async () => {
    const { text, parts } = await notulen({}, { lampiran: [] });
    const e = text.slice(text.indexOf('RENCANA TINDAK LANJUT'), text.indexOf('PENUTUP'));
    expect(e).toContain('31 Desember 2024');
    expect(e).not.toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)\b/);
    const doc = parts.get('word/document.xml')!;
    const numberedParas = doc.split('</w:p>').filter((p) => /<w:t[^>]*>\w+\.\t/.test(p) || /<w:t[^>]*>\w+\.<\/w:t>\s*<\/w:r>\s*<w:r>\s*<w:tab\/>/.test(p));
    const withTab = doc.split('</w:p>').filter((p) => /<w:tab\/>/.test(p) && /<w:t[^>]*>[0-9a-z]{1,2}\./.test(p));
    expect(numberedParas.length + withTab.length).toBeGreaterThan(5);
    for (const p of [...numberedParas, ...withTab]) expect(p).not.toContain('<w:jc w:val="both"/>');
  });
});

describe('daftar hadir', () => {
  it('sizes every column so no seeded jabatan word nor a 13-digit phone number breaks', async () => {
    const { parts, bytes } = await notulen({ attendees: SEEDED_PEOPLE.length, people: SEEDED_PEOPLE }, { lampiran: ['I'] });
    const doc = parts.get('word/document.xml')!;
    const table = doc.slice(doc.lastIndexOf('<w:tbl>'));
    const grid = [...table.slice(0, table.indexOf('</w:tblGrid>')).matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const [, , jabatan, , phone] = grid;
    // At 10 pt (the table size under Arial 12): the widest word must fit between 60-twip margins.
    const fits = (word: string, twips: number) => fittingSize(word, false, 20, twips - 120, 1) >= 20;
    for (const p of SEEDED_PEOPLE) {
      for (const word of p.jobTitle.split(/\s+|(?<=-)/)) expect(fits(word, jabatan), word).toBe(true);
      expect(fits(p.phone, phone), p.phone).toBe(true);
    }
    const { html } = await docxHtml(bytes);
    expect(html).toContain('Kepala Subbagian Perundang-undangan');
  });

  it('numbers "No" 1, 2, 3 in printed order after the list was re-sorted', async () => {
    const { bytes } = await notulen({ attendees: 6, reversePositions: true }, { lampiran: ['I'] });
    const { html } = await docxHtml(bytes);
    const table = html.slice(html.indexOf('DAFTAR HADIR'));
    const rows = [...table.matchAll(/<tr><td><p>(\d+)<\/p><\/td><td><p>Peserta (\d+)/g)];
    expect(rows.map((r) => r[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows.map((r) => r[2])).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('gives the blank sheet a row for every invited agency and spare rows when no number is asked', async () => {
    const f = createMeetingFixture({ invitedAgencies: 44 });
    fixtures.push(f);
    const data = loadMinutesData(f.db, f.meetingId);
    expect(data.invitedAgencies).toBeGreaterThan(30);
    const { html } = await docxHtml(await renderAttendanceSheet(data));
    const rows = (html.match(/<tr>/g)?.length ?? 0) - 1;
    expect(rows).toBe(Math.max(40, data.invitedAgencies + 10));
    // A number asked for still wins.
    const asked = await docxHtml(await renderAttendanceSheet(data, { rows: 12 }));
    expect((asked.html.match(/<tr>/g)?.length ?? 0) - 1).toBe(12);
  });
});

describe('the .docx package', () => {
  it('tags the default run style id-ID and names Rakor KLA as last editor', async () => {
    const { parts } = await notulen();
    const styles = parts.get('word/styles.xml')!;
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(defaults).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="id-ID"/);
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<cp:lastModifiedBy>Rakor KLA</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
    const f = createMeetingFixture();
    fixtures.push(f);
    const sheet = docxParts(await renderAttendanceSheet(loadMinutesData(f.db, f.meetingId)));
    expect(sheet.get('word/styles.xml')).toContain('<w:lang w:val="id-ID"');
    expect(sheet.get('docProps/core.xml')).toContain('<cp:lastModifiedBy>Rakor KLA</cp:lastModifiedBy>');
  });

  it('gives A4 and F4 downloads different file names', async () => {
    expect(minutesFileName('Rakor KLA', '2024-11-26', 'A4')).toBe('Notulen Rakor KLA 2024-11-26.docx');
    expect(minutesFileName('Rakor KLA', '2024-11-26', 'F4')).toBe('Notulen Rakor KLA 2024-11-26 (F4).docx');
    expect(attendanceFileName('Rakor KLA', '2024-11-26', 'F4')).toBe('Daftar Hadir Rakor KLA 2024-11-26 (F4).docx');
    const f = createMeetingFixture();
    f.close();
    const backend = createBackend({ dataDir: f.dir, runtime: 'cli', log: () => undefined });
    try {
      const names: string[] = [];
      for (const paper of ['A4', 'F4'] as const) {
        for (const op of ['export.minutes', 'export.attendanceSheet'] as const) {
          const r = await backend.invoke(op, { meetingId: f.meetingId, paper });
          expect(r.ok).toBe(true);
          names.push((r as { data: { fileName: string } }).data.fileName);
        }
      }
      expect(new Set(names).size).toBe(4);
    } finally {
      backend.close();
      fs.rmSync(f.dir, { recursive: true, force: true });
    }
  });
});

describe('kop surat', () => {
  const LONG_NAMES = [
    'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK',
    'DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK, PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA',
    'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK',
    'BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH',
    'BAPPEDA',
  ];
  it('never sets the office name smaller than the address, and splits it over two equal lines when needed', () => {
    for (const paper of ['A4', 'F4'] as const) {
      for (const withLogo of [true, false]) {
        const width = textWidth(paper) - (withLogo ? 1720 : 0);
        for (const name of LONG_NAMES) {
          const lines = kopLines(['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', name, 'Jalan Jenderal Sudirman Km. 5,5 Sampit 74322', 'Telepon (0531) 21234, Pos-el dp3a@kotimkab.go.id'], 24, width);
          const office = lines.filter((l) => l.bold).slice(1);
          const address = lines.filter((l) => !l.bold);
          expect(office.map((l) => l.text).join(' ')).toBe(name);
          expect(office.length).toBeLessThanOrEqual(2);
          expect(new Set(office.map((l) => l.size)).size).toBe(1);
          for (const o of office) {
            expect(o.size, name).toBeGreaterThanOrEqual(Math.max(...address.map((a) => a.size)));
            // Fits on its line at its size (no wrap).
            expect(fittingSize(o.text, true, o.size, width, 1)).toBe(o.size);
            // No line ends on "DAN".
            expect(o.text).not.toMatch(/\bDAN$/);
          }
        }
      }
    }
  });
});

describe('text quality', () => {
  it('has no English word, placeholder or duplicated sentence in a large notulen', async () => {
    const { parts } = await notulen(
      { attendees: 150, actions: 200, budgetLines: 40, indicators: Array.from({ length: 24 }, (_, i) => i + 1), earlierActions: 5, closingNotes: 'Rapat ditutup pukul 12.00 WITA.' },
      { lampiran: ['I', 'II', 'III'] },
    );
    const xml = [...parts.entries()].filter(([k]) => /^word\/(document|header\d+)\.xml$/.test(k)).map(([, v]) => v);
    const full = xml.map(xmlText).join('\n');
    for (const word of ['null', 'undefined', 'NaN', 'true', 'false', 'Un-named', 'TODO', 'FIXME', 'object Object', 'Invalid Date', 'Infinity', 'Lorem']) {
      expect(full, word).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    expect(full).not.toMatch(/\$\{|\{\{|\}\}/);
    // The notulen itself (each lampiran repeats its own heading on purpose): up to its section end.
    const doc = parts.get('word/document.xml')!;
    const sentences = proseParagraphs(doc.slice(0, doc.indexOf('<w:sectPr')))
      .flatMap((p) => p.split(/(?<=[.!?])\s+/))
      .map((s) => s.trim())
      // Sentences, not titles: an agenda title rightly appears under Acara and as a heading in B.
      .filter((s) => s.split(/\s+/).length >= 4 && /[.!?]$/.test(s));
    const seen = new Set<string>();
    const repeated = sentences.filter((s) => (seen.has(s.toLowerCase()) ? true : (seen.add(s.toLowerCase()), false)));
    expect(repeated).toEqual([]);
    expect(sentences.filter((s) => /ditutup/i.test(s))).toHaveLength(1);
  });
});
