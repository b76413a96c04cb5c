import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocBlock, ParagraphBlock } from '../../shared/document';
import { loadMinutesData, type MinutesData } from '../../src-main/core/export/minutes-data';
import { minutesModel, renderMinutes, type MinutesOptions } from '../../src-main/core/export/minutes-document';
import { clusterLine, meetingInfoTable, minutesTitle, titleParagraphs } from '../../src-main/core/export/meeting-info';
import { closingSection, mentionsClosingTime, minutesBody, subItemLabel } from '../../src-main/core/export/minutes-body';
import { docStyle } from '../../src-main/core/export/style';
import { createMeetingFixture } from '../support/meeting-fixture';
import { docxParts, docxText } from '../support/docx-read';

// What a reader of the notulen sees, block by block: the title and the line of clusters under
// it, the rows of the label table, sections A-F with their numbering and empty-state texts, the
// closing time, and which Lampiran follow in which order. Built from a real rakor (SQLite
// fixture) read by loadMinutesData, then varied field by field; the .docx is read back once.

let base: MinutesData;
beforeAll(() => {
  const f = createMeetingFixture({ attendees: 3, actions: 2, budgetLines: 2, earlierActions: 1 });
  base = loadMinutesData(f.db, f.meetingId);
  f.close();
  fs.rmSync(f.dir, { recursive: true, force: true });
});

type Parts = Partial<Omit<MinutesData, 'meeting'>> & { meeting?: Partial<MinutesData['meeting']> };

/** The fixture's rakor with some fields replaced. */
function data(parts: Parts = {}): MinutesData {
  const { meeting, ...rest } = parts;
  const copy = structuredClone(base);
  return { ...copy, ...rest, meeting: { ...copy.meeting, ...meeting } };
}

/** A rakor with nothing typed in the body: every section empty. */
function bare(parts: Parts = {}): MinutesData {
  return data({
    agenda: [], reviews: [], earlierActions: [], decisions: [], actions: [], budget: [], ...parts,
    meeting: { openingNotes: '', closingNotes: '', endTime: null, ...parts.meeting },
  });
}

/** Each block as a reader would name it: a paragraph's text, a table by its first header. */
function describeBlock(b: DocBlock): string {
  if (typeof b !== 'object' || b === null) return `?${String(b)}`;
  switch (b.kind) {
    case 'paragraph': return b.text;
    case 'table': return `[tabel ${b.columns.map((c) => c.header).join('|')}: ${b.rows.length} baris]`;
    case 'labelTable': return '[tabel keterangan]';
    case 'signatures': return `[tanda tangan: ${b.lead.map(describeBlock).join(' / ')}]`;
    case 'image': return '[foto]';
    default: return `?${JSON.stringify(b)}`;
  }
}

function body(d: MinutesData, lampiran: MinutesOptions['lampiran'] = []): string[] {
  return minutesBody(d, { style: docStyle(d.profile), width: 9000, lampiran: lampiran ?? [] }).map(describeBlock);
}
function infoRows(d: MinutesData): [string, string[]][] {
  return meetingInfoTable(d, 9000).rows.map((r) => [r.label, r.lines]);
}

const EMPTY_BODY = [
  'A.\tPEMBUKAAN', '-',
  'B.\tPEMBAHASAN', '-',
  'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA', '-',
  'D.\tKESIMPULAN / KEPUTUSAN', '-',
  'E.\tRENCANA TINDAK LANJUT', '-',
];

describe('the title and the line under it', () => {
  it('reads "NOTULEN RAPAT ..." unless the title already starts with rapat, rakor or notulen', () => {
    expect(minutesTitle('Koordinasi Gugus Tugas KLA')).toBe('NOTULEN RAPAT KOORDINASI GUGUS TUGAS KLA');
    expect(minutesTitle('  Rakor KLA Klaster III  ')).toBe('NOTULEN RAKOR KLA KLASTER III');
    // "rapat" in the middle of the title does not count.
    expect(minutesTitle('Evaluasi rapat bulanan')).toBe('NOTULEN RAPAT EVALUASI RAPAT BULANAN');
  });

  it('names each cluster once, never repeating its label, and the title under it only lists what the title does not name', () => {
    expect(clusterLine([
      { code: 'I', name: '  Hak Sipil dan Kebebasan  ' },
      { code: 'II', name: 'Klaster II Lingkungan Keluarga' },
      { code: 'KL', name: 'lembaga' },
      { code: 'III', name: '' },
      { code: 'IV', name: 'KLASTER IV' },
    ])).toBe('Klaster I Hak Sipil dan Kebebasan; Klaster II Lingkungan Keluarga; Kelembagaan; Klaster III; Klaster IV');

    const titled = (title: string, clusters: MinutesData['clusters'], revision = 1) =>
      titleParagraphs(data({ meeting: { title, revision }, clusters }), docStyle(base.profile)).map((p) => p.text);
    expect(titled('Rakor KLA Klaster III', [{ code: 'III', name: 'Kesehatan Dasar' }, { code: 'I', name: 'Hak Sipil' }]))
      .toEqual(['NOTULEN RAKOR KLA KLASTER III', 'Klaster I Hak Sipil']);
    expect(titled('Rakor Gugus Tugas', [{ code: 'KL', name: 'Kelembagaan' }], 3))
      .toEqual(['NOTULEN RAKOR GUGUS TUGAS', 'Kelembagaan', 'Revisi ke-3']);
    expect(titled('Rakor Kelembagaan', [{ code: 'KL', name: 'Kelembagaan' }], 2)).toEqual(['NOTULEN RAKOR KELEMBAGAAN', 'Revisi ke-2']);
  });
});

describe('the label table under the title', () => {
  it('prints date, time, place, chair, notulis, attendees and a single agenda item as written', () => {
    const d = data({
      meeting: { date: '2024-11-26', startTime: '09:00', endTime: '12:15', timeZone: 'WITA', place: ' Aula Bappeda ' },
      agenda: [{ title: '  Paparan Dinkes  ', notes: '' }],
    });
    d.meeting.chair = { ...d.meeting.chair, name: 'Drs. H. Budi ', position: ' Sekretaris Daerah' };
    d.meeting.notulis = { ...d.meeting.notulis, name: ' Siti Rahmah ' };
    expect(infoRows(d)).toEqual([
      ['Hari/Tanggal', ['Selasa, 26 November 2024']],
      ['Waktu', ['09.00 WITA s.d. 12.15 WITA']],
      ['Tempat', ['Aula Bappeda']],
      ['Pimpinan Rapat', ['Drs. H. Budi, Sekretaris Daerah']],
      ['Notulis', ['Siti Rahmah']],
      ['Peserta', ['3 orang, daftar hadir terlampir']],
      ['Acara', ['Paparan Dinkes']],
    ]);
  });

  it('numbers several agenda items, skips blank ones, and leaves out a row with nothing entered', () => {
    const d = data({
      meeting: { date: '2025-01-06', startTime: '08:30', endTime: null, timeZone: 'WIT', place: '  ' },
      agenda: [{ title: ' Pembukaan ', notes: '' }, { title: '   ', notes: '' }, { title: 'Paparan indikator', notes: '' }],
      attendees: [],
    });
    d.meeting.chair = { ...d.meeting.chair, name: '', position: 'Bupati' };
    d.meeting.notulis = { ...d.meeting.notulis, name: '  ' };
    expect(infoRows(d)).toEqual([
      ['Hari/Tanggal', ['Senin, 6 Januari 2025']],
      ['Waktu', ['08.30 WIT s.d. selesai']],
      ['Pimpinan Rapat', ['Bupati']],
      ['Acara', ['1. Pembukaan', '2. Paparan indikator']],
    ]);
  });
});

describe('sections A-F of the body', () => {
  it('prints every section with "-" when nothing was typed', () => {
    expect(body(bare())).toEqual(EMPTY_BODY);
  });

  it('numbers agenda items, leaves out an empty note, and letters the indicator reviews under the item that discusses them', () => {
    const review = base.reviews[0];
    const reviews = [
      { ...review, indicatorNumber: 11, indicatorName: 'Akta kelahiran', achievement: '', score: null, problem: '', recommendation: 'Jemput bola', leadAgencies: [], supportAgencies: [], isWeak: false },
      { ...review, indicatorNumber: 12, indicatorName: 'Forum anak', achievement: 'Terbentuk', score: 712.45, problem: 'Belum aktif', recommendation: '', leadAgencies: ['DP3A'], supportAgencies: [], isWeak: false },
    ];
    const d = bare({
      agenda: [{ title: 'Pembahasan indikator', notes: '' }, { title: 'Lain-lain', notes: 'Tidak ada.' }],
      reviews,
    });
    const code = review.clusterCode === 'KL' ? 'Kelembagaan' : `Klaster ${review.clusterCode}`;
    // Only these items: no second "Pembahasan indikator" item repeating the reviews after the agenda.
    expect(body(d).slice(2, 14)).toEqual([
      'B.\tPEMBAHASAN',
      '1.\tPembahasan indikator',
      `a.\tIndikator 11 (${code}): Akta kelahiran`,
      'Rekomendasi\t:\tJemput bola',
      `b.\tIndikator 12 (${code}): Forum anak`,
      'Capaian\t:\tTerbentuk',
      'Nilai: 712,45',
      'Permasalahan\t:\tBelum aktif',
      'Penanggung jawab\t:\tDP3A',
      '2.\tLain-lain',
      'Tidak ada.',
      'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA',
    ]);
  });

  it('refers an empty "tindak lanjut" agenda item to section C only when section C has rows', () => {
    const agenda = [{ title: 'Tindak lanjut rakor sebelumnya', notes: '' }, { title: 'Tindak lanjut RTL lama', notes: 'Dua RTL selesai.' }];
    const withEarlier = body(bare({ agenda, earlierActions: base.earlierActions }));
    expect(withEarlier.slice(3, 7)).toEqual(['1.\tTindak lanjut rakor sebelumnya', 'Dibahas pada huruf C.', '2.\tTindak lanjut RTL lama', 'Dua RTL selesai.']);
    expect(base.earlierActions.length).toBeGreaterThan(0);
    const withoutEarlier = body(bare({ agenda }));
    expect(withoutEarlier.slice(3, 7)).toEqual(['1.\tTindak lanjut rakor sebelumnya', '2.\tTindak lanjut RTL lama', 'Dua RTL selesai.', 'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA']);
  });

  it('letters sub-items a..z, then aa, ab .. az, ba', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 53].map(subItemLabel)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'bb']);
  });

  it('mentions Lampiran II and IV in the body only when they are attached', () => {
    const d = bare({ actions: base.actions });
    expect(body(d, ['II', 'IV']).slice(-3)).toEqual([
      expect.stringMatching(/^\[tabel No\|Klaster\/Indikator\|Uraian tindak lanjut\|Penanggung jawab\|Target waktu\|Status: 2 baris\]$/),
      'Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.',
      'Dokumentasi kegiatan rapat tercantum dalam Lampiran IV.',
    ]);
    expect(body(d, ['I', 'III']).slice(-2)).toEqual(['E.\tRENCANA TINDAK LANJUT', expect.stringMatching(/^\[tabel No\|/)]);
  });
});

describe('F. Penutup and the closing time', () => {
  const closing = (closingNotes: string, endTime: string | null) =>
    closingSection(bare({ meeting: { closingNotes, endTime, timeZone: 'WIB' } })).paragraphs.map((p) => p.text);

  it('adds "Rapat ditutup pada pukul ..." unless the note already says when the meeting closed', () => {
    expect(closing('Terima kasih.', '12:15')).toEqual(['F.\tPENUTUP', 'Terima kasih.', 'Rapat ditutup pada pukul 12.15 WIB.']);
    expect(closing('', '09:05')).toEqual(['F.\tPENUTUP', 'Rapat ditutup pada pukul 09.05 WIB.']);
    expect(closing('Rapat selesai 12.15 WIB.', '12:15')).toEqual(['F.\tPENUTUP', 'Rapat selesai 12.15 WIB.']);
    expect(closing('Rapat ditutup jam dua belas.', '12:15')).toEqual(['F.\tPENUTUP', 'Rapat ditutup jam dua belas.']);
    // A closing word without a time, or a time without a closing word, is not the closing time.
    expect(closing('Rapat selesai dengan tertib.', '12:15')).toEqual(['F.\tPENUTUP', 'Rapat selesai dengan tertib.', 'Rapat ditutup pada pukul 12.15 WIB.']);
    expect(closing('Istirahat pukul 10.00.', '12:15')).toEqual(['F.\tPENUTUP', 'Istirahat pukul 10.00.', 'Rapat ditutup pada pukul 12.15 WIB.']);
    // No end time: only what was typed, or nothing under the heading.
    expect(closing('Terima kasih.', null)).toEqual(['F.\tPENUTUP', 'Terima kasih.']);
    expect(closing('', null)).toEqual(['F.\tPENUTUP']);
  });

  it('recognises a typed closing time written with one or two digits and a dot or a colon', () => {
    expect(['ditutup 12.15', 'selesai 9:30', 'berakhir pukul sembilan', 'Menutup rapat 12:05'].map(mentionsClosingTime)).toEqual([true, true, true, true]);
    expect(['ditutup 12-15', 'selesai 123.15', 'selesai 12.1', 'ditutup', '12.15', 'selesai ab.cd'].map(mentionsClosingTime)).toEqual([false, false, false, false, false, false]);
  });

  it('keeps a closing of up to 600 characters with the signatures, a longer one before them', () => {
    const shortAt = (closingNotes: string, endTime: string | null) => closingSection(bare({ meeting: { closingNotes, endTime } })).short;
    expect(shortAt('x'.repeat(600), null)).toBe(true);
    expect(shortAt('x'.repeat(601), null)).toBe(false);
    // Blank typed text does not count towards the length.
    expect(shortAt(' '.repeat(580), '12:00')).toBe(true);

    const main = (closingNotes: string) => minutesModel(bare({ meeting: { closingNotes } })).sections[0].blocks.map(describeBlock).slice(-2);
    expect(main('Terima kasih.')).toEqual(['-', '[tanda tangan: F.\tPENUTUP / Terima kasih.]']);
    const long = 'y'.repeat(700);
    expect(main(long)).toEqual([long, '[tanda tangan: ]']);
  });
});

describe('the whole notulen model', () => {
  it('is title, label table, sections A-E, then F with the signatures; nothing else when nothing was typed', () => {
    const model = minutesModel(bare({ meeting: { title: 'Rakor KLA Klaster III' }, clusters: [{ code: 'III', name: 'Kesehatan Dasar' }] }), { lampiran: ['IV'] });
    expect(model.sections).toHaveLength(1);
    expect(model.sections[0].blocks.map(describeBlock)).toEqual([
      'NOTULEN RAKOR KLA KLASTER III', '[tabel keterangan]', ...EMPTY_BODY, '[tanda tangan: F.\tPENUTUP]',
    ]);
    expect(model.title).toBe('Notulen Rakor KLA Klaster III');
    expect(model.description).toBe('Notulen rapat koordinasi Gugus Tugas KLA: Klaster III');
  });

  it('describes the document by its clusters, or generally when it has none', () => {
    const described = (clusters: MinutesData['clusters']) => minutesModel(bare({ clusters })).description;
    expect(described([{ code: 'I', name: '' }, { code: 'KL', name: '' }])).toBe('Notulen rapat koordinasi Gugus Tugas KLA: Klaster I, Kelembagaan');
    expect(described([])).toBe('Notulen rapat koordinasi Gugus Tugas KLA');
  });

  it('attaches the chosen Lampiran in I, II, III order, each titled with the rakor, its date and place', () => {
    const d = data({ meeting: { title: '  Rakor KLA Klaster III ', date: '2024-11-26', place: ' Aula Bappeda ' } });
    const model = minutesModel(d, { lampiran: ['III', 'I', 'II', 'IV'] });
    const titles = (i: number) => model.sections[i].blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph' && b.align === 'center').map((b) => b.text);
    expect(model.sections.map((s) => s.orientation)).toEqual(['portrait', 'portrait', 'landscape', 'landscape']);
    const subtitle = ['Rakor KLA Klaster III', 'Selasa, 26 November 2024, Aula Bappeda'];
    expect(titles(1).slice(-3)).toEqual(['DAFTAR HADIR', ...subtitle]);
    expect(titles(2).slice(-3)).toEqual(['MATRIKS RENCANA TINDAK LANJUT', ...subtitle]);
    expect(titles(3).slice(-4)).toEqual(['REKAPITULASI ANGGARAN PER INSTANSI', ...subtitle, 'RINCIAN KEGIATAN DAN ANGGARAN']);
    expect(model.sections[3].blocks.filter((b) => b.kind === 'table')).toHaveLength(2);
    // Without photos Lampiran IV is neither attached nor mentioned.
    expect(model.sections[0].blocks.map(describeBlock)).not.toContain('Dokumentasi kegiatan rapat tercantum dalam Lampiran IV.');
  });

  it('prints Lampiran III without the detail table when no budget was entered, and the place only when there is one', () => {
    const model = minutesModel(data({ meeting: { place: '', date: '2024-11-26' }, budget: [] }), { lampiran: ['III'] });
    const blocks = model.sections[1].blocks.map(describeBlock);
    expect(blocks.filter((t) => t.startsWith('['))).toEqual([expect.stringMatching(/^\[tabel /)]);
    expect(blocks.slice(-4, -1)).toEqual(['REKAPITULASI ANGGARAN PER INSTANSI', base.meeting.title, 'Selasa, 26 November 2024']);
    expect(blocks).not.toContain('RINCIAN KEGIATAN DAN ANGGARAN');
  });
});

describe('the .docx read back', () => {
  it('carries the title, label rows, body and closing as text, and the title and description as document properties', async () => {
    const d = data({
      meeting: { title: 'Koordinasi Gugus Tugas', date: '2024-11-26', startTime: '09:00', endTime: '11:30', timeZone: 'WITA', closingNotes: 'Terima kasih.' },
      clusters: [{ code: 'I', name: 'Hak Sipil dan Kebebasan' }],
      agenda: [{ title: 'Pembukaan', notes: '' }, { title: 'Paparan', notes: 'Stunting turun.' }],
    });
    const bytes = await renderMinutes(d);
    const text = await docxText(bytes);
    const order = ['NOTULEN RAPAT KOORDINASI GUGUS TUGAS', 'Klaster I Hak Sipil dan Kebebasan', 'Selasa, 26 November 2024', '09.00 WITA s.d. 11.30 WITA',
      '1. Pembukaan', '2. Paparan', 'A.', 'PEMBUKAAN', 'PEMBAHASAN', 'Stunting turun.', 'F.', 'PENUTUP', 'Terima kasih.', 'Rapat ditutup pada pukul 11.30 WITA.'];
    let at = -1;
    for (const s of order) {
      const next = text.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    const core = docxParts(bytes).get('docProps/core.xml')!;
    expect(core).toMatch(/<dc:title>Notulen Koordinasi Gugus Tugas<\/dc:title>/);
    expect(core).toMatch(/<dc:description>Notulen rapat koordinasi Gugus Tugas KLA: Klaster I<\/dc:description>/);
  });
});
