import path from 'node:path';
import type { SaveDialogOptions } from 'electron';

// The native save dialog's options for a file the app writes: its title and file type follow the
// suggested name's extension, and it starts in the user's Documents.

interface Kind {
  title: string;
  filter: { name: string; extensions: string[] };
}
const WORD: Kind = { title: 'Simpan dokumen Word', filter: { name: 'Dokumen Word', extensions: ['docx'] } };
const BY_EXTENSION: Record<string, Kind> = {
  pdf: { title: 'Simpan dokumen PDF', filter: { name: 'Dokumen PDF', extensions: ['pdf'] } },
  zip: { title: 'Simpan arsip ZIP', filter: { name: 'Arsip ZIP', extensions: ['zip'] } },
  docx: WORD,
};

export function saveDialogOptions(suggestedName: string, documentsFolder: string): SaveDialogOptions {
  // A Word document unless the name says otherwise: every other document the app writes is one.
  const kind = BY_EXTENSION[path.extname(suggestedName).slice(1).toLowerCase()] ?? WORD;
  return {
    title: kind.title,
    defaultPath: path.join(documentsFolder, suggestedName),
    filters: [kind.filter],
    // Windows and macOS ask before replacing a file on their own; GTK's dialog on Linux only
    // when told to. A notulen already signed and sent must not be replaced by a slip of the mouse.
    properties: ['showOverwriteConfirmation'],
  };
}
