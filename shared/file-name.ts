// File names that Windows accepts: no \ / : * ? " < > |, no control character or lone surrogate,
// no trailing dot or space, no reserved device names (CON, PRN, AUX, NUL, COM1..9, LPT1..9), and
// short enough for deep folders. Every document and workbook the app writes is named through it.

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_STEM = 150;
// eslint-disable-next-line no-control-regex -- strips control characters from a file name on purpose
const CONTROL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Windows-safe characters; spaces collapsed but not trimmed (a suffix keeps its leading space). */
function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '')
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ');
}

/**
 * `suffix` (the date, " (F4)") is kept whole when a long stem is cut: two documents of one
 * meeting that differ only there (A4 and F4, two dates) must never get the same name.
 */
export function safeFileName(stem: string, extension: string, suffix = ''): string {
  const tail = Array.from(cleanText(suffix));
  // Cut by code point: slicing UTF-16 could leave half an emoji.
  const head = Array.from(cleanText(stem).trim()).slice(0, Math.max(0, MAX_STEM - tail.length));
  let name = `${head.join('').trimEnd()}${tail.join('')}`.trim();
  name = name.replace(/[. ]+$/, '');
  if (name === '') name = 'Dokumen';
  if (RESERVED.test(name)) name = `_${name}`;
  return `${name}.${extension}`;
}

/** `name` with a copy number before its extension: "Paket 2024.zip", 2 → "Paket 2024 (2).zip". */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/**
 * The first of `name`, "name (2)", "name (3)", … that `isTaken` does not claim: a file written
 * beside one of the same name never replaces it (a folder typed in browser mode has no dialog to
 * ask), and two notulen of the same title and date in one zip stay apart.
 */
export function freeName(name: string, isTaken: (candidate: string) => boolean): string {
  let candidate = name;
  for (let n = 2; isTaken(candidate); n++) candidate = numberedName(name, n);
  return candidate;
}
