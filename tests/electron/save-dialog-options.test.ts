import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDialogOptions } from '../../src-main/electron/save-dialog';

// The native save dialog's title and file type follow what is saved; every kind asks before
// replacing a file (GTK on Linux does not unless told).

describe('saveDialogOptions', () => {
  it('names the kind of file in the title and the filter, whatever the letter case of its extension', () => {
    const docs = path.join('/home', 'sekretariat', 'Documents');
    expect(saveDialogOptions('Notulen Rakor.docx', docs)).toEqual({
      title: 'Simpan dokumen Word',
      defaultPath: path.join(docs, 'Notulen Rakor.docx'),
      filters: [{ name: 'Dokumen Word', extensions: ['docx'] }],
      properties: ['showOverwriteConfirmation'],
    });
    expect(saveDialogOptions('Notulen Rakor.PDF', docs)).toMatchObject({ title: 'Simpan dokumen PDF', filters: [{ name: 'Dokumen PDF', extensions: ['pdf'] }] });
    expect(saveDialogOptions('Paket data dukung 2025.zip', docs)).toMatchObject({ title: 'Simpan arsip ZIP', filters: [{ name: 'Arsip ZIP', extensions: ['zip'] }] });
    // A name without a known extension is offered as a Word document, as every other document is.
    expect(saveDialogOptions('Rekap.pdf.docx', docs)).toMatchObject({ title: 'Simpan dokumen Word' });
    expect(saveDialogOptions('zip', docs)).toMatchObject({ title: 'Simpan dokumen Word', properties: ['showOverwriteConfirmation'] });
  });
});
