// Names of data dukung files outside the app: the folders and files inside the paket data dukung,
// and the name a file is downloaded or opened under. (Whole document names: shared/file-name.ts.)

/** A folder or file name any Windows, macOS or Linux accepts; `fallback` when nothing is left. */
export function safeName(text: string, max = 80, fallback = 'tanpa nama'): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code point (a cut between the halves of an emoji left a broken character in the
  // entry name), then drop the dots and spaces Windows strips from a name's end: a cut can end on
  // one, and a folder named "… 1." does not open in Explorer.
  const chars = Array.from(clean);
  const cut = chars.length > max ? chars.slice(0, max).join('') : clean;
  return cut.replace(/[. ]+$/, '') || fallback;
}
