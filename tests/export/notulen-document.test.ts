import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { renderAttendanceSheet } from '../../src-main/core/export/attendance-sheet';
import { minutesFileName } from '../../src-main/core/export/file-name';
import { safeFileName } from '../../shared/file-name';
import { createMeetingFixture, type Fixture, type FixtureOptions } from '../support/meeting-fixture';
import { docxFiles, docxHtml, docxParts, docxText, xmlText } from '../support/docx-read';

// The notulen read back with mammoth (body, tables) and from the package (headers, sections).

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) {
    f.close();
    fs.rmSync(f.dir, { recursive: true, force: true });
  }
});

function fixture(options: FixtureOptions = {}): Fixture {
  const f = createMeetingFixture(options);
  fixtures.push(f);
  return f;
}

async function notulen(options: FixtureOptions = {}, render: Parameters<typeof renderMinutes>[1] = { lampiran: ['I', 'II', 'III'] }) {
  const f = fixture(options);
  const data = loadMinutesData(f.db, f.meetingId);
  const bytes = await renderMinutes(data, render);
  return { f, data, bytes, text: await docxText(bytes), parts: docxParts(bytes) };
}

function headerParts(parts: Map<string, string>): string[] {
  return [...parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
}

describe('notulen (.docx)', () => {
  it('holds the label table, every body section in order and the signature blocks', async () => {
    const { text } = await notulen();
    for (const expected of [
      'NOTULEN RAKOR KLA KLASTER III',
      'Hari/Tanggal', 'Selasa, 26 November 2024',
      'Waktu', '09.00 WITA s.d. 12.00 WITA',
      'Tempat', 'Aula Bappeda Kabupaten Kotawaringin Timur',
      'Pimpinan Rapat', 'Dr. H. Ahmad Fauzi, M.Si., Kepala Bappeda selaku Ketua Gugus Tugas KLA',
      'Notulis', 'Siti Rahmawati, S.Sos.',
      'Peserta', '12 orang, daftar hadir terlampir',
      '1. Pembukaan dan arahan Ketua Gugus Tugas',
      'Rapat ditutup pada pukul 12.00 WITA.',
      'Sampit, 26 November 2024',
      'NIP. 19800101 200501 1 001', 'NIP. 19900315 201503 2 002',
      'Pembina Utama Muda (IV/c)',
    ]) expect(text).toContain(expected);
    const order = ['PEMBUKAAN', 'PEMBAHASAN', 'TINDAK LANJUT HASIL RAPAT SEBELUMNYA', 'KESIMPULAN / KEPUTUSAN', 'RENCANA TINDAK LANJUT', 'PENUTUP', 'Pimpinan Rapat,', 'Notulis,'];
    const positions = order.map((s) => text.lastIndexOf(s) >= 0 ? text.indexOf(s, text.indexOf('A.\tPEMBUKAAN')) : -1);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The absent invitee is neither counted nor listed.
    expect(text).not.toContain('Tidak Hadir');
  });

  it('discusses weak indicators first with capaian, permasalahan, rekomendasi and penanggung jawab', async () => {
    const { text } = await notulen();
    const weak = text.indexOf('Indikator 14 (Klaster III)');
    const strong = text.indexOf('Indikator 11 (Klaster III)');
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(weak);
    expect(text.slice(weak, strong)).toMatch(/perlu perhatian[\s\S]*Capaian\t:\tCapaian indikator 14[\s\S]*Nilai: 43,00[\s\S]*Permasalahan\t:\tData indikator 14 belum lengkap\.[\s\S]*Rekomendasi\t:[\s\S]*Penanggung jawab\t:\t\S/);
  });

  it('numbers the decisions and lists earlier RTLs and this rakor\'s RTLs in tables', async () => {
    const { text, bytes } = await notulen();
    expect(text).toMatch(/1\.\tDinkes memperbarui data stunting[\s\S]*2\.\tBappeda memasukkan kegiatan/);
    const { html } = await docxHtml(bytes);
    expect(html).toContain('RTL sebelumnya ke-1: sosialisasi ASI eksklusif');
    expect(html).toMatch(/<td><p>Selesai<\/p><\/td>/);
    expect(html).toContain('Tindak lanjut ke-4: pendampingan');
    expect(html).toContain('31 Desember 2024');
  });

  it('puts the kop surat with the logo in the first-page header only', async () => {
    const { parts, bytes } = await notulen();
    const doc = parts.get('word/document.xml')!;
    const headers = headerParts(parts);
    expect(headers.length).toBeGreaterThanOrEqual(2);
    const withLetterhead = headers.filter((h) => xmlText(parts.get(h)!).includes('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'));
    expect(withLetterhead).toHaveLength(1);
    const letterhead = xmlText(parts.get(withLetterhead[0])!);
    // The office name does not fit at 14 pt next to the logo: two lines, never below the address size.
    expect(letterhead.split('\n')).toEqual([
      'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR',
      'DINAS PEMBERDAYAAN PEREMPUAN',
      'DAN PERLINDUNGAN ANAK',
      'Jalan Jenderal Sudirman Km. 5,5 Sampit 74322',
      'Telepon (0531) 21234, Pos-el dp3a@kotimkab.go.id',
      'Laman dp3a.kotimkab.go.id',
    ]);
    // The thick rule under it, and the logo picture.
    expect(parts.get(withLetterhead[0])).toMatch(/<w:bottom w:val="thickThinSmallGap"/);
    expect(parts.get(withLetterhead[0])).toContain('<pic:pic');
    expect(docxFiles(bytes).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    // Referenced as the first-page header of the first section, which has a distinct title page.
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const relId = new RegExp(`Id="(rId\\d+)"[^>]*Target="${withLetterhead[0].replace('word/', '')}"`).exec(rels)?.[1]
      ?? new RegExp(`Target="${withLetterhead[0].replace('word/', '')}"[^>]*Id="(rId\\d+)"`).exec(rels)?.[1];
    expect(doc).toContain(`<w:headerReference w:type="first" r:id="${relId}"/>`);
    expect(doc).toContain('<w:titlePg/>');
    // Page numbers in the other headers ("- 2 -" at the top), none in footers.
    expect(headers.some((k) => parts.get(k)!.includes('PAGE'))).toBe(true);
    expect(doc).not.toContain('<w:footerReference');
  });

  it('builds the kop surat without a logo and falls back to the region name without lines', async () => {
    const f = fixture({ withLogo: false });
    f.db.prepare(`UPDATE region_profile SET letterhead_lines = '[]'`).run();
    const bytes = await renderMinutes(loadMinutesData(f.db, f.meetingId));
    const parts = docxParts(bytes);
    const texts = headerParts(parts).map((h) => xmlText(parts.get(h)!));
    expect(texts).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
    expect(docxFiles(bytes).some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('sets paper, font and margins from the profile, or the paper chosen at export', async () => {
    const a4 = await notulen({}, {});
    const doc = a4.parts.get('word/document.xml')!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="\d+" w:right="1417" w:bottom="1417" w:left="1701"/);
    const styles = a4.parts.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(styles).toContain('<w:sz w:val="24"/>');
    const f4 = await notulen({}, { paper: 'F4', lampiran: ['II'] });
    const f4doc = f4.parts.get('word/document.xml')!;
    expect(f4doc).toContain('<w:pgSz w:w="12189" w:h="18709" w:orient="portrait"/>');
    // The RTL matrix is landscape: the long side across.
    expect(f4doc).toContain('<w:pgSz w:w="18709" w:h="12189" w:orient="landscape"/>');
    const profileF4 = fixture({ paper: 'F4' });
    const fromProfile = docxParts(await renderMinutes(loadMinutesData(profileF4.db, profileF4.meetingId))).get('word/document.xml')!;
    expect(fromProfile).toContain('w:w="12189" w:h="18709"');
  });

  it('adds only the chosen lampiran, each in its own section with its heading, in I-II-III order', async () => {
    const all = await notulen({}, { lampiran: ['III', 'I', 'II'] });
    const sections = (all.parts.get('word/document.xml')!.match(/<w:sectPr/g) ?? []).length;
    expect(sections).toBe(4);
    const i1 = all.text.indexOf('Lampiran I\t: Notulen Rakor KLA Klaster III');
    const i2 = all.text.indexOf('Lampiran II\t: Notulen Rakor KLA Klaster III');
    const i3 = all.text.indexOf('Lampiran III\t: Notulen Rakor KLA Klaster III');
    expect(i1).toBeGreaterThan(0);
    expect(i2).toBeGreaterThan(i1);
    expect(i3).toBeGreaterThan(i2);
    expect(all.text).toContain('Tanggal\t: 26 November 2024');
    expect(all.text).toContain('REKAPITULASI ANGGARAN PER INSTANSI');
    expect(all.text).toContain('Rp1.250.000.000,00');

    const onlyII = await notulen({}, { lampiran: ['II'] });
    expect(onlyII.text).toContain('MATRIKS RENCANA TINDAK LANJUT');
    expect(onlyII.text).not.toContain('DAFTAR HADIR');
    expect(onlyII.text).not.toContain('REKAPITULASI ANGGARAN');
    expect(onlyII.text).toContain('Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.');

    const none = await notulen({}, { lampiran: [] });
    expect(none.text).not.toContain('Lampiran I');
    expect((none.parts.get('word/document.xml')!.match(/<w:sectPr/g) ?? []).length).toBe(1);
  });

  it('lists the daftar hadir with zig-zag signature cells and repeats table headers on each page', async () => {
    const { bytes, parts } = await notulen({ attendees: 5 }, { lampiran: ['I'] });
    const { html } = await docxHtml(bytes);
    const table = html.slice(html.indexOf('<table>', html.indexOf('DAFTAR HADIR')));
    const headers = [...table.slice(0, table.indexOf('</thead>')).matchAll(/<th><p>(?:<strong>)?([^<]+)/g)].map((m) => m[1]);
    expect(headers).toEqual(['No', 'Nama', 'Jabatan', 'Instansi', 'No. HP', 'Tanda Tangan']);
    expect(table).toContain('Peserta 5 Nama Lengkap, S.KM.');
    const doc = parts.get('word/document.xml')!;
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<w:cantSplit/>');
    // Odd numbers sign on the left, even ones indented to the right half of the cell.
    const signature = (n: number) => new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:t[^>]*>${n}\\.</w:t>`).exec(doc)?.[0] ?? '';
    expect(signature(1)).not.toMatch(/<w:ind w:left="\d+"/);
    expect(signature(2)).toMatch(/<w:ind w:left="\d+"/);
    expect(signature(3)).not.toMatch(/<w:ind w:left="\d+"/);
  });

  it('says "s.d. selesai" while the end time is unknown and then prints no closing time', async () => {
    const { text } = await notulen({ endTime: null });
    expect(text).toContain('09.00 WITA s.d. selesai');
    expect(text).not.toContain('Rapat ditutup pada pukul');
  });

  it('keeps any Unicode, quotes, markup characters and emoji, and drops characters XML forbids', async () => {
    const tricky = 'Catatan <b>tebal</b> & "kutip" \'tunggal\' “lengkung” — 😀👨‍👩‍👧 ñ é 中文 \u0007bel\u0000';
    const { text, parts } = await notulen({ title: 'Rakor KLA <Klaster> & "III"', openingNotes: tricky, decisions: [tricky], agenda: [{ title: 'Agenda & <x>', notes: tricky }] });
    expect(text).toContain('Catatan <b>tebal</b> & "kutip" \'tunggal\' “lengkung” — 😀👨‍👩‍👧 ñ é 中文 bel');
    expect(text).toContain('NOTULEN RAKOR KLA <KLASTER> & "III"');
    // eslint-disable-next-line no-control-regex -- the test looks for the control characters it pasted
    expect(parts.get('word/document.xml')).not.toMatch(/[\u0000\u0007]/);
  });

  it('keeps the paragraphs of a 20,000-character discussion', async () => {
    const paragraph = (i: number) => `Paragraf ${i}: ${'Dinas Kesehatan menjelaskan langkah percepatan penurunan stunting di desa lokus. '.repeat(4)}`;
    const notes = Array.from({ length: 60 }, (_, i) => paragraph(i + 1)).join('\n\n').slice(0, 20_000);
    expect(notes.length).toBe(20_000);
    const { text, bytes } = await notulen({ agenda: [{ title: 'Pembahasan panjang', notes }] });
    const { html } = await docxHtml(bytes);
    expect(html.match(/<p>Paragraf \d+:/g)?.length).toBeGreaterThanOrEqual(55);
    expect(text).toContain('Paragraf 1: Dinas Kesehatan');
    expect(text).toContain(notes.split('\n').pop()!.trim().slice(-40));
  });

  it('prints "-" for every empty section of a meeting with nothing typed yet', async () => {
    const { text } = await notulen({ empty: true, earlierActions: 0 });
    for (const heading of ['PEMBUKAAN', 'PEMBAHASAN', 'TINDAK LANJUT HASIL RAPAT SEBELUMNYA', 'KESIMPULAN / KEPUTUSAN', 'RENCANA TINDAK LANJUT']) {
      expect(text).toMatch(new RegExp(`${heading}\\n+-\\n`));
    }
    // Empty label rows are left out rather than printed as "-".
    expect(text).not.toMatch(/Tempat\n+:/);
    expect(text).not.toMatch(/Peserta\n+:/);
    expect(text).toContain('(....................................)');
    expect(text).toContain('Lampiran I\t: Notulen');
  });

  it('lists 150 attendees', async () => {
    const { bytes, text } = await notulen({ attendees: 150 }, { lampiran: ['I'] });
    expect(text).toContain('150 orang, daftar hadir terlampir');
    const { html } = await docxHtml(bytes);
    const rows = html.slice(html.indexOf('DAFTAR HADIR')).match(/<tr>/g)?.length;
    expect(rows).toBe(151);
  });

  it('reads the meeting in a fixed number of queries, however many rows it has', () => {
    const count = (options: FixtureOptions) => {
      const f = fixture(options);
      // Count executions, not prepare() calls: a per-row loop over one prepared statement would
      // pass a prepare() count.
      const prepare = f.db.prepare.bind(f.db);
      let n = 0;
      (f.db as { prepare: typeof f.db.prepare }).prepare = ((sql: string) => {
        const statement = prepare(sql);
        for (const method of ['run', 'get', 'all', 'iterate'] as const) {
          const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
          (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => { n += 1; return original(...args); };
        }
        return statement;
      }) as typeof f.db.prepare;
      loadMinutesData(f.db, f.meetingId);
      return n;
    };
    const small = count({ attendees: 2, actions: 1, budgetLines: 1 });
    expect(small).toBeGreaterThan(5);
    expect(count({ attendees: 150, actions: 200, budgetLines: 150, earlierActions: 20 })).toBe(small);
  });
});

describe('blank daftar hadir (.docx)', () => {
  it('carries title, date, time and place and the chosen number of empty numbered rows', async () => {
    const f = fixture();
    const bytes = await renderAttendanceSheet(loadMinutesData(f.db, f.meetingId), { rows: 25, paper: 'F4' });
    const text = await docxText(bytes);
    expect(text).toContain('DAFTAR HADIR');
    expect(text).toContain('Rakor KLA Klaster III');
    expect(text).toContain('Selasa, 26 November 2024, pukul 09.00 WITA s.d. 12.00 WITA');
    expect(text).toContain('Tempat: Aula Bappeda Kabupaten Kotawaringin Timur');
    expect(text).not.toContain('Peserta 1');
    const { html } = await docxHtml(bytes);
    expect(html.match(/<tr>/g)?.length).toBe(26);
    expect(html).toContain('<td><p>25</p></td>');
    expect(docxParts(bytes).get('word/document.xml')).toContain('w:w="12189" w:h="18709"');
  });
});

describe('file names', () => {
  it('names the notulen after the meeting and date, safe for Windows', () => {
    expect(minutesFileName('Rakor KLA Klaster III', '2024-11-26')).toBe('Notulen Rakor KLA Klaster III 2024-11-26.docx');
    expect(minutesFileName('Notulen rapat: "A/B" <x>? |*', '2024-11-26')).toBe('Notulen rapat A B x 2024-11-26.docx');
    expect(safeFileName('CON', 'docx')).toBe('_CON.docx');
    expect(safeFileName('...', 'docx')).toBe('Dokumen.docx');
    expect(safeFileName('Rapat. ', 'docx')).toBe('Rapat.docx');
    const long = safeFileName('😀'.repeat(300), 'docx');
    expect(Array.from(long).length).toBe(155);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
