import { Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';

// Turning what users typed into Word paragraphs. Anything may arrive: emoji, "<b>", control
// characters pasted from other programs, 20,000-character discussions with blank lines.

// XML 1.0 forbids these; a single one makes Word refuse the whole file.
// eslint-disable-next-line no-control-regex -- matching the characters XML 1.0 forbids is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const DASH = '-';

export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(XML_INVALID, '').replace(/\t/g, ' ');
}

/**
 * Lines of a typed note, one paragraph each. Blank lines are dropped: paragraph spacing already
 * separates them, and an empty paragraph would only push text to the next page.
 */
export function linesOf(text: string | null | undefined): string[] {
  return cleanText(text)
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ ...options, text: cleanText(text) });
}

/** Paragraphs of a note; a single "-" paragraph when it is empty, so no section is left bare. */
export function noteParagraphs(text: string | null | undefined, options: IParagraphOptions = {}): Paragraph[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [new Paragraph({ ...options, children: [new TextRun(DASH)] })];
  return lines.map((line) => new Paragraph({ ...options, children: [new TextRun(line)] }));
}

/** Multi-line text inside a table cell: one paragraph per line, "-" when empty. */
export function cellParagraphs(text: string | null | undefined, options: IParagraphOptions = {}, runOptions: Omit<IRunOptions, 'text'> = {}): Paragraph[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [new Paragraph({ ...options, children: [new TextRun({ ...runOptions, text: DASH })] })];
  return lines.map((line) => new Paragraph({ ...options, children: [new TextRun({ ...runOptions, text: line })] }));
}
