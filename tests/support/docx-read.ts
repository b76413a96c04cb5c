import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

// Reading exported Word documents back the way a user's software would: mammoth for the body
// and tables, the raw package parts for headers and section settings, LibreOffice for layout.

export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

export async function docxHtml(bytes: Uint8Array): Promise<{ html: string; messages: { type: string; message: string }[] }> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { html: result.value, messages: result.messages as { type: string; message: string }[] };
}

/** Every part of the package, decoded as text where it is XML. */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, data]) => [name, strFromU8(data)]));
}

export function docxFiles(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

/** The text of a WordprocessingML part: its <w:t> runs, one paragraph per line. */
export function xmlText(xml: string): string {
  return unescapeXml(
    xml
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .filter((l) => l !== '')
      .join('\n'),
  );
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a WordprocessingML part as typed: each <w:tab/> a tab, empty ones kept out.
 * Unlike xmlText it keeps the tab after a numbered point's "1." and a head label's name. */
export function paragraphTexts(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:tab\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join(''))
    .filter((l) => l !== '')
    .map(unescapeXml);
}

const runs = (command: string, args: string[]) => !spawnSync(command, args, { stdio: 'ignore' }).error;
/** LibreOffice and poppler (pdfinfo, pdftotext, pdftoppm): the render tests need all of them.
 * A mutation run sets RAKOR_SKIP_RENDER (vitest.mutation.config.ts): a render takes seconds and
 * would run again for every mutant of the code it covers. */
export const HAS_SOFFICE = process.env.RAKOR_SKIP_RENDER !== '1'
  && spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0
  && ['pdfinfo', 'pdftotext', 'pdftoppm'].every((tool) => runs(tool, ['-v']));
export const SOFFICE_SKIP_REASON = 'LibreOffice (soffice) atau poppler-utils tidak terpasang: uji render dokumen Word dilewati. Pasang libreoffice-writer-nogui dan poppler-utils untuk menjalankannya.';

/** Converts .docx files to PDF in one LibreOffice run with its own profile (parallel-safe). */
export function toPdf(docxFiles: string[], outDir: string, timeoutMs = 120_000): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles], {
      stdio: 'pipe',
      timeout: timeoutMs,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return docxFiles.map((f) => {
    const pdf = path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf'));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice tidak menghasilkan ${pdf}`);
    return pdf;
  });
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

export function pdfPages(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return sizes.map((size, i) => ({
    ...size,
    text: execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
  }));
}

export function pdfToPng(pdf: string, outPrefix: string): void {
  // The folder may not exist yet: tests must not depend on another test having made it.
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, outPrefix]);
}

/** The text of every page in one pdftotext run (pages end with a form feed): fast for many PDFs. */
export function pdfPageTexts(pdf: string): string[] {
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  return pages[pages.length - 1].trim() === '' ? pages.slice(0, -1) : pages;
}

export interface DocxCell {
  text: string;
  /** Every run of the cell's text is bold. */
  bold: boolean;
}

/** The tables of a WordprocessingML part, row by row (header rows included), each cell's text
 * with its paragraphs joined by a line break. Nested tables are not expected here. */
export function tableRows(xml: string): DocxCell[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => {
        const runs = [...cell.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => r).filter((r) => /<w:t[\s>]/.test(r));
        return { text: xmlText(cell), bold: runs.length > 0 && runs.every((r) => /<w:b\/>/.test(r)) };
      }),
    ),
  );
}
