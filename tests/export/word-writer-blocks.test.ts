import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { renderDocx, rightSignerTable } from '../../src-main/core/export/docx-render';
import { textWidth, type DocBlock, type DocModel, type Letterhead, type Signer } from '../../shared/document';
import { docxParts, paragraphTexts } from '../support/docx-read';
import { photoPng } from '../support/photos';

// The Word writer's blocks as Word reads them (document.xml, header and core properties of the
// .docx it writes): the meeting-info table, the signature blocks a printed notulen is signed on,
// pictures and the kop surat's logo. What is checked is what a user sees or relies on: text and
// its place, a block that never splits over two pages, a picture that keeps its proportions.

const WIDTH = textWidth('A4');
const pngUrl = (w: number, h: number) => `data:image/png;base64,${photoPng(w, h).toString('base64')}`;

function model(blocks: DocBlock[], extra: Partial<DocModel> = {}): DocModel {
  return { paper: 'A4', font: 'Arial', size: 24, title: 'Notulen Rakor', letterhead: null, sections: [{ orientation: 'portrait', blocks }], ...extra };
}

async function documentXml(blocks: DocBlock[], extra: Partial<DocModel> = {}): Promise<Map<string, string>> {
  return docxParts(await renderDocx(model(blocks, extra)));
}

/** The balanced <w:tbl> … </w:tbl> starting at `at` (nested tables inside). */
function tableAt(xml: string, at: number): string {
  let depth = 0;
  const re = /<w:tbl>|<\/w:tbl>/g;
  re.lastIndex = at;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    depth += m[0] === '<w:tbl>' ? 1 : -1;
    if (depth === 0) return xml.slice(at, re.lastIndex);
  }
  throw new Error('unbalanced table');
}

/** The pieces of a body or cell content: each table whole (nested tables inside), or one paragraph. */
function topLevel(body: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < body.length) {
    const piece = body.startsWith('<w:tbl>', at) ? tableAt(body, at) : body.slice(at, body.indexOf('</w:p>', at) + 6);
    if (piece === '') throw new Error(`not a paragraph or table at ${at}`);
    pieces.push(piece);
    at += piece.length;
  }
  return pieces;
}

const bodyOf = (xml: string) => topLevel(xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('<w:sectPr')));
/** What a cell holds, without its properties. */
const cellContent = (cell: string) => topLevel(cell.replace(/^<w:tc>(<w:tcPr>.*?<\/w:tcPr>)?/, '').replace(/<\/w:tc>$/, ''));
/** The tables nested in the signature block's cell: one per row of signers. */
const signerTables = (outer: string) => cellContent(cellsOf(rowsOf(outer)[0])[0]).filter((x) => x.startsWith('<w:tbl>'));

/** Direct children of a table's element (rows of a table, cells of a row, content of a cell), nested tables kept whole. */
function children(xml: string, tag: 'w:tr' | 'w:tc'): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  const re = new RegExp(`<w:tbl>|</w:tbl>|<${tag}>|</${tag}>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '<w:tbl>') depth++;
    else if (m[0] === '</w:tbl>') depth--;
    else if (depth === 1 && m[0] === `<${tag}>`) start = m.index;
    else if (depth === 1 && start >= 0) {
      out.push(xml.slice(start, re.lastIndex));
      start = -1;
    }
  }
  return out;
}

const rowsOf = (table: string) => children(table, 'w:tr');
const cellsOf = (row: string) => children(`<w:tbl>${row}</w:tbl>`, 'w:tc');
const gridOf = (table: string) => [...(table.slice(0, table.indexOf('<w:tr>')).matchAll(/<w:gridCol w:w="(\d+)"\/>/g))].map((m) => Number(m[1]));
const paragraphsOf = (xml: string) => xml.split('</w:p>').slice(0, -1);
const keepsWithNext = (p: string) => /<w:keepNext\/>|<w:keepNext w:val="(true|1|on)"\/>/.test(p);
const spacingBefore = (p: string) => Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(p)?.[1] ?? 0);
const textOf = (xml: string) => paragraphTexts(xml).join('\n');
/** Characters outside any text element: Word cannot open a part that has them. */
const strayText = (xml: string) => xml.replace(/<w:(t|instrText)(?:\s[^>]*)?>[^<]*<\/w:\1>/g, '').replace(/<[^>]+>/g, '').trim();
/** Cells that do not end with a paragraph (Word requires one last in every cell). */
const cellsWithoutParagraph = (xml: string) => xml.split('</w:tc>').slice(0, -1).filter((c) => !c.endsWith('</w:p>')).length;

const CHAIR: Signer = { top: ['Sampit, 26 November 2024'], roles: ['Pimpinan Rapat,', 'Kepala Bappeda,'], name: 'Ir. H. Ahmad Yani', rank: 'Pembina (IV/a)', nip: 'NIP. 19700101 199503 1 001' };
// The notulis has no place line (only the chair's block carries it) and has not filled in a name or pangkat.
const NOTULIS: Signer = { top: [], roles: ['Notulis,'], name: '', rank: '', nip: '' };
const HEAD: Signer = { top: ['Mengetahui,'], roles: ['Kepala Dinas,'], name: 'Dra. Rusmini', rank: '', nip: 'NIP. 19700101 199503 2 001' };

const SIGNATURES: DocBlock = {
  kind: 'signatures',
  lead: [{ kind: 'paragraph', text: 'F. Penutup' }],
  closing: 'Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.',
  indent: 567,
  rows: [[CHAIR, NOTULIS], [HEAD]],
};

describe('meeting-info table (label : value)', () => {
  it('sets label, colon and value in three columns, numbered agenda lines hanging under their text', async () => {
    const parts = await documentXml([
      { kind: 'labelTable', widths: [2200, 300, 6287], rows: [{ label: 'Hari/Tanggal', lines: ['Selasa, 26 November 2024'] }, { label: 'Acara', lines: ['1. Pembukaan', '2. Pembahasan capaian indikator klaster III yang panjang'], hanging: true }] },
    ]);
    const [table] = bodyOf(parts.get('word/document.xml') ?? '');
    const rows = rowsOf(table).map((r) => cellsOf(r));
    expect(rows.map((cells) => cells.map((c) => paragraphTexts(c)))).toEqual([
      [['Hari/Tanggal'], [':'], ['Selasa, 26 November 2024']],
      [['Acara'], [':'], ['1. Pembukaan', '2. Pembahasan capaian indikator klaster III yang panjang']],
    ]);
    // Only the numbered lines hang: their second line starts under the text, not under "1.".
    const indents = rows.map((cells) => cells.map((c) => paragraphsOf(c).map((p) => /<w:ind [^>]*\/>/.exec(p)?.[0] ?? '')));
    expect(indents[0].flat()).toEqual(['', '', '']);
    expect(indents[1][0]).toEqual(['']);
    expect(indents[1][1]).toEqual(['']);
    for (const ind of indents[1][2]) {
      const left = Number(/w:left="(\d+)"/.exec(ind)?.[1]);
      expect(left).toBeGreaterThan(0);
      expect(Number(/w:hanging="(\d+)"/.exec(ind)?.[1])).toBe(left);
    }
  });

  it('writes a paragraph\'s line spacing as a multiple of the line, which Word and LibreOffice read alike', async () => {
    const parts = await documentXml([{ kind: 'paragraph', text: 'Isi notulen.', spacing: { line: 360, after: 120 } }]);
    const [p] = bodyOf(parts.get('word/document.xml') ?? '');
    expect(p).toMatch(/<w:spacing [^>]*w:line="360"/);
    expect(p).toMatch(/w:lineRule="auto"/);
    expect(p).toMatch(/w:after="120"/);
  });
});

describe('bordered tables', () => {
  const table = (size: number, text: string): DocBlock => ({ kind: 'table', columns: [{ header: 'Uraian', width: WIDTH }], rows: [[text]], size });

  it('sets each table\'s text at its own size through a style the file defines, one style per table size and none for other blocks', async () => {
    const parts = await documentXml([
      { kind: 'paragraph', text: 'Judul', size: 28 },
      table(18, 'Sembilan poin'),
      { kind: 'labelTable', widths: [2200, 300, 6287], rows: [{ label: 'Tempat', lines: ['Aula'] }] },
      table(20, 'Sepuluh poin'),
      SIGNATURES,
    ]);
    const styles = parts.get('word/styles.xml') ?? '';
    const defined = new Map([...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)].map((m) => [m[1], m[2]]));
    const xml = parts.get('word/document.xml') ?? '';
    for (const [text, halfPoints] of [['Sembilan poin', 18], ['Sepuluh poin', 20]] as const) {
      const paragraph = paragraphsOf(xml).find((p) => paragraphTexts(p).join('') === text) ?? '';
      const id = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1] ?? '';
      expect(defined.get(id), `the style of "${text}"`).toMatch(new RegExp(`<w:sz w:val="${halfPoints}"/>`));
    }
    const tableStyleNames = [...defined.values()].map((body) => /<w:name w:val="([^"]+)"/.exec(body)?.[1] ?? '').filter((name) => name.startsWith('Tabel'));
    expect(tableStyleNames.sort()).toEqual(['Tabel Rakor 10 pt', 'Tabel Rakor 9 pt']);
  });
});

describe('signature blocks of the notulen', () => {
  async function signatureTable() {
    const parts = await documentXml([SIGNATURES]);
    const xml = parts.get('word/document.xml') ?? '';
    const pieces = bodyOf(xml);
    expect(pieces).toHaveLength(1);
    return { xml, outer: pieces[0] };
  }

  it('holds closing sentence and signatures in one row that cannot split, as wide as the text', async () => {
    const { outer } = await signatureTable();
    expect(gridOf(outer)).toEqual([WIDTH]);
    const rows = rowsOf(outer);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^<w:tr><w:trPr><w:cantSplit\/>/);
    const cell = cellsOf(rows[0]);
    expect(cell).toHaveLength(1);
    // The closing sentence starts at the block's indent, like the body paragraphs above it.
    const closing = paragraphsOf(cell[0]).find((p) => paragraphTexts(p).join('') === SIGNATURES.closing) ?? '';
    expect(closing).toContain('<w:ind w:left="567"/>');
  });

  it('prints every signer\'s lines and nothing else, the unsigned notulis on a dotted line', async () => {
    const { xml, outer } = await signatureTable();
    expect(strayText(xml)).toBe('');
    expect(cellsWithoutParagraph(xml)).toBe(0);
    expect(paragraphTexts(outer)).toEqual([
      'F. Penutup', SIGNATURES.closing,
      CHAIR.top[0], ...CHAIR.roles, 'Notulis,', CHAIR.name, '(....................................)', CHAIR.rank, CHAIR.nip,
      'Mengetahui,', 'Kepala Dinas,', 'Dra. Rusmini', HEAD.nip,
    ]);
  });

  it('sets the signer\'s name bold and underlined, the dotted line plain', async () => {
    const { outer } = await signatureTable();
    const run = (text: string) => [...outer.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]).find((r) => r.includes(`>${text}</w:t>`)) ?? '';
    for (const name of [CHAIR.name, HEAD.name]) {
      expect(run(name)).toContain('<w:b/>');
      expect(run(name)).toContain('<w:u w:val="single"/>');
    }
    expect(run('(....................................)')).not.toMatch(/<w:b\/>|<w:u /);
  });

  it('lays two signers side by side and the third centred below, each block as wide as the text and leaving room to sign', async () => {
    const { outer } = await signatureTable();
    const tables = signerTables(outer);
    expect(tables).toHaveLength(2);
    const [pair, lone] = tables;
    for (const t of tables) expect(gridOf(t).reduce((s, w) => s + w, 0)).toBe(WIDTH);
    expect(gridOf(pair)).toHaveLength(2);
    const [left, middle, right] = gridOf(lone);
    expect(left).toBe(right);
    expect(middle).toBeGreaterThan(0);
    // The lone block's text is all in the middle column.
    for (const row of rowsOf(lone)) {
      const cells = cellsOf(row);
      expect(cells).toHaveLength(3);
      expect(paragraphTexts(cells[0]).concat(paragraphTexts(cells[2]))).toEqual([]);
    }
    // Between the jabatan and the name: a blank of at least 1.5 cm to sign and stamp in.
    for (const [t, signerColumns] of [[pair, [0, 1]], [lone, [1]]] as const) {
      const rows = rowsOf(t).map((r) => cellsOf(r));
      const nameRow = rows.findIndex((cells) => cells.some((c) => paragraphTexts(c).some((line) => [CHAIR.name, HEAD.name].includes(line))));
      expect(nameRow).toBeGreaterThan(0);
      const space = rows[nameRow - 1];
      expect(space.map((c) => paragraphTexts(c))).toEqual(space.map(() => []));
      for (const i of signerColumns) expect(spacingBefore(space[i])).toBeGreaterThanOrEqual(850);
    }
  });

  it('keeps every line of a signature block on the page of the next (never a name without its jabatan)', async () => {
    const { outer } = await signatureTable();
    const tables = signerTables(outer);
    for (const t of tables) {
      const rows = rowsOf(t);
      for (const row of rows) expect(row).toMatch(/^<w:tr><w:trPr><w:cantSplit\/>/);
      for (const row of rows.slice(0, -1)) {
        for (const p of paragraphsOf(row)) expect(keepsWithNext(p), paragraphTexts(p).join('') || '(empty)').toBe(true);
      }
    }
    // The signers' text lines themselves keep with the next, the last row's too.
    for (const text of [CHAIR.nip, HEAD.nip]) {
      const p = paragraphsOf(outer).find((x) => paragraphTexts(x).join('') === text) ?? '';
      expect(keepsWithNext(p)).toBe(true);
    }
  });

  it('separates the closing sentence and each row of signers by a blank, and ends the cell on a hairline paragraph', async () => {
    const { outer } = await signatureTable();
    const inside = cellContent(cellsOf(rowsOf(outer)[0])[0]);
    const kinds = inside.map((x) => (x.startsWith('<w:tbl>') ? 'table' : paragraphTexts(x).join('') || 'blank'));
    expect(kinds).toEqual(['F. Penutup', SIGNATURES.closing, 'blank', 'table', 'blank', 'table', 'blank']);
    expect(spacingBefore(inside[2])).toBeGreaterThan(0);
    expect(spacingBefore(inside[4])).toBeGreaterThan(0);
    // Every line rule in the file is one Word knows (an unknown one makes Word repair the file).
    for (const [, rule] of (await documentXml([SIGNATURES])).get('word/document.xml')?.matchAll(/w:lineRule="([^"]*)"/g) ?? []) {
      expect(['auto', 'exact', 'atLeast']).toContain(rule);
    }
  });
});

describe('one signer on the right (a letter)', () => {
  async function letterTable(s: Signer): Promise<{ xml: string; table: string }> {
    const doc = new Document({ sections: [{ children: [rightSignerTable(s, WIDTH)] }] });
    const xml = docxParts(new Uint8Array(await Packer.toBuffer(doc))).get('word/document.xml') ?? '';
    return { xml, table: bodyOf(xml)[0] };
  }

  it('puts the block in the right half, drops the lines the signer has none of, and keeps the rows together', async () => {
    const { xml, table } = await letterTable({ top: [], roles: ['Kepala Bappeda,'], name: 'Ir. H. Ahmad Yani', rank: '', nip: 'NIP. 19700101 199503 1 001' });
    const grid = gridOf(table);
    expect(grid).toHaveLength(2);
    expect(grid.reduce((s, w) => s + w, 0)).toBe(WIDTH);
    expect(grid[1]).toBeLessThanOrEqual(grid[0]);
    const rows = rowsOf(table);
    // Jabatan, room to sign, name, pangkat (empty but kept: it holds its line), NIP: no empty row for the missing place line.
    expect(rows.map((r) => cellsOf(r).map((c) => paragraphTexts(c).join(' ')))).toEqual([
      ['', 'Kepala Bappeda,'], ['', ''], ['', 'Ir. H. Ahmad Yani'], ['', ''], ['', 'NIP. 19700101 199503 1 001'],
    ]);
    expect(spacingBefore(paragraphsOf(cellsOf(rows[1])[1])[0])).toBeGreaterThanOrEqual(850);
    for (const row of rows) expect(row).toMatch(/^<w:tr><w:trPr><w:cantSplit\/>/);
    for (const row of rows.slice(0, -1)) for (const p of paragraphsOf(row)) expect(keepsWithNext(p)).toBe(true);
    expect(strayText(xml)).toBe('');
    expect(cellsWithoutParagraph(xml)).toBe(0);
  });
});

describe('pictures', () => {
  const extentOf = (xml: string) => [.../<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)?.slice(1) ?? []].map(Number);

  it('keeps a photo on the page of its italic caption', async () => {
    const parts = await documentXml([{ kind: 'image', dataUrl: pngUrl(40, 30), width: 4000, height: 3000, caption: 'Foto kegiatan' }]);
    const [picture, caption] = bodyOf(parts.get('word/document.xml') ?? '');
    expect(picture).toContain('<w:drawing>');
    expect(keepsWithNext(picture)).toBe(true);
    expect(paragraphTexts(caption)).toEqual(['Foto kegiatan']);
    expect(caption).toContain('<w:i/>');
    // 4000 x 3000 twips: a 4:3 box.
    const [cx, cy] = extentOf(picture);
    expect(cx / cy).toBeCloseTo(4 / 3, 2);
  });

  it('stores a photo turned a quarter either way in its own unturned box', async () => {
    for (const rotation of [90, 270] as const) {
      const parts = await documentXml([{ kind: 'image', dataUrl: pngUrl(40, 30), width: 3000, height: 4000, caption: 'Potret', rotation }]);
      const [cx, cy] = extentOf(parts.get('word/document.xml') ?? '');
      expect(cx / cy, `rotation ${rotation}`).toBeCloseTo(4 / 3, 2);
      expect(parts.get('word/document.xml')).toContain(`rot="${rotation * 60000}"`);
    }
  });

  it('leaves out a picture whose data is not an image, caption included, and still writes the document', async () => {
    const parts = await documentXml([{ kind: 'paragraph', text: 'Sebelum' }, { kind: 'image', dataUrl: 'data:image/png;base64,AAAA', width: 3000, height: 2000, caption: 'Rusak' }]);
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).not.toContain('<w:drawing>');
    expect(paragraphTexts(xml)).toEqual(['Sebelum']);
  });
});

describe('kop surat and document properties', () => {
  const KOP: Letterhead = { lines: [{ text: 'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', bold: true, size: 28 }], logo: { dataUrl: pngUrl(60, 90), width: 60, height: 90 }, logoColumn: 1500 };

  it('draws the logo with the image\'s own proportions in a header as wide as the text', async () => {
    const parts = await documentXml([{ kind: 'paragraph', text: 'Isi' }], { letterhead: KOP });
    const header = [...parts.entries()].find(([name, xml]) => /^word\/header\d+\.xml$/.test(name) && xml.includes('<w:drawing>'))?.[1] ?? '';
    const [cx, cy] = [.../<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(header)?.slice(1) ?? []].map(Number);
    expect(cx / cy).toBeCloseTo(60 / 90, 2);
    // About 2.4 cm high, as a printed kop's logo (EMU: 360000 per cm).
    expect(cy / 360000).toBeGreaterThan(2);
    expect(cy / 360000).toBeLessThan(3);
    const table = tableAt(header, header.indexOf('<w:tbl>'));
    expect(gridOf(table).reduce((s, w) => s + w, 0)).toBe(WIDTH);
    expect(textOf(header)).toContain('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR');
  });

  it('leaves the first page\'s header blank without a kop surat, holding the one paragraph Word requires of a header', async () => {
    const parts = await documentXml([{ kind: 'paragraph', text: 'Isi' }]);
    const rId = /<w:headerReference w:type="first" r:id="([^"]+)"\/>/.exec(parts.get('word/document.xml') ?? '')?.[1];
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`).exec(parts.get('word/_rels/document.xml.rels') ?? '');
    const header = parts.get(`word/${target?.[1] ?? target?.[2]}`);
    expect(header, 'the first-page header part').toBeDefined();
    expect(header).toMatch(/<w:p[\s>/]/);
    expect(paragraphTexts(header ?? '')).toEqual([]);
  });

  it('writes the description into the file\'s properties when there is one, and none otherwise', async () => {
    const described = (await documentXml([{ kind: 'paragraph', text: 'Isi' }], { description: 'Notulen rakor 26 November 2024' })).get('docProps/core.xml') ?? '';
    expect(described).toContain('<dc:description>Notulen rakor 26 November 2024</dc:description>');
    expect(described).toContain('<dc:title>Notulen Rakor</dc:title>');
    const plain = (await documentXml([{ kind: 'paragraph', text: 'Isi' }])).get('docProps/core.xml') ?? '';
    expect(plain).not.toContain('<dc:description>Notulen');
  });
});
