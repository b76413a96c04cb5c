import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../support/field-messages';
import { agencyRecapOps } from '../../shared/api/agency-recap';
import { DOCUMENTATION_MAX_PHOTOS, documentationInput, evidenceAttachInput, evidenceFileName, packageFileName } from '../../shared/api/evidence';
import { xlsxBase64 } from '../../shared/api/xlsx';
import { AppError } from '../../shared/errors';

// Boundary tables for the refinements of the evidence, spreadsheet and rekap inputs, written by
// hand: each row is a value and the messages the contract must give for it (none: taken).

const BAD_NAME = 'Nama berkas tidak valid: jangan memakai garis miring, "..", atau karakter kendali.';
const OWNER = 'Pilih satu tempat lampiran: indikator dan tahun evaluasi, rapat, atau RTL.';
const EMPTY = 'Berkas kosong (0 byte) tidak dapat dilampirkan.';

describe('evidence file name', () => {
  it('takes a plain name and refuses paths, "..", control characters and blanks', () => {
    const rows: [string, string[]][] = [
      ['Foto rakor 1.jpg', []],
      ['SK Gugus Tugas (2025).pdf', []],
      ['.hidden', []],
      ['a'.repeat(200), []],
      ['a'.repeat(201), ['Terlalu panjang (maksimal 200 karakter).']],
      ['', [BAD_NAME]],
      ['   ', [BAD_NAME]],
      ['.', [BAD_NAME]],
      ['..', [BAD_NAME]],
      ['../etc/passwd', [BAD_NAME]],
      ['foto..jpg', [BAD_NAME]],
      ['folder/foto.jpg', [BAD_NAME]],
      ['folder\\foto.jpg', [BAD_NAME]],
      ['foto\u0000.jpg', [BAD_NAME]],
      ['foto\u001f.jpg', [BAD_NAME]],
      ['foto\u007f.jpg', [BAD_NAME]],
      ['foto\n.jpg', [BAD_NAME]],
    ];
    for (const [value, messages] of rows) expect(fieldMessages(evidenceFileName, value, ''), JSON.stringify(value)).toEqual(messages);
  });
});

describe('paket data dukung file name', () => {
  it('names the year, as the save dialog suggests it and the screen tells it', () => {
    expect(packageFileName(2024)).toBe('Paket data dukung 2024.zip');
    expect(packageFileName(2031)).toBe('Paket data dukung 2031.zip');
  });
});

describe('evidence attach input', () => {
  const file = { fileName: 'foto.jpg', evidenceDate: '2025-03-04', bytes: new Uint8Array([1, 2, 3]) };

  it('belongs to exactly one owner: an indicator with its year, a rakor, or an RTL', () => {
    const rows: [Record<string, number>, string[]][] = [
      [{ indicatorId: 5, evaluationYear: 2025 }, []],
      [{ meetingId: 7 }, []],
      [{ actionItemId: 9 }, []],
      [{}, [OWNER]],
      [{ indicatorId: 5 }, [OWNER]],
      [{ evaluationYear: 2025 }, [OWNER]],
      [{ indicatorId: 5, evaluationYear: 2025, meetingId: 7 }, [OWNER]],
      [{ meetingId: 7, actionItemId: 9 }, [OWNER]],
      [{ indicatorId: 5, evaluationYear: 2025, actionItemId: 9 }, [OWNER]],
      [{ meetingId: 7, evaluationYear: 2025 }, [OWNER]],
      [{ actionItemId: 9, indicatorId: 5 }, [OWNER]],
    ];
    for (const [owner, messages] of rows) {
      expect(fieldMessages(evidenceAttachInput, { ...file, ...owner }, 'indicatorId'), JSON.stringify(owner)).toEqual(messages);
    }
  });

  it('carries the file as bytes or as base64, never both and never neither', () => {
    const owner = { meetingId: 7, fileName: 'foto.jpg', evidenceDate: '2025-03-04' };
    expect(evidenceAttachInput.safeParse({ ...owner, bytes: new Uint8Array([1]) }).success).toBe(true);
    expect(evidenceAttachInput.safeParse({ ...owner, base64: 'AAAA' }).success).toBe(true);
    expect(fieldMessages(evidenceAttachInput, owner, 'base64')).toEqual([EMPTY]);
    expect(fieldMessages(evidenceAttachInput, { ...owner, base64: '' }, 'base64')).toEqual([EMPTY]);
    expect(fieldMessages(evidenceAttachInput, { ...owner, base64: 'AAAA', bytes: new Uint8Array([1]) }, 'bytes')).toEqual([
      'Isian belum benar. Periksa kolom yang ditandai.',
    ]);
    expect(fieldMessages(evidenceAttachInput, { ...owner, bytes: [1, 2, 3] }, 'bytes')).not.toEqual([]);
  });
});

describe('Lampiran Dokumentasi choice', () => {
  const photos = (ids: number[]) => ids.map((evidenceId) => ({ evidenceId, caption: '' }));

  it(`takes no photo up to ${DOCUMENTATION_MAX_PHOTOS} different ones, each once`, () => {
    expect(DOCUMENTATION_MAX_PHOTOS).toBe(12);
    const rows: [number[], string[]][] = [
      [[], []],
      [[3], []],
      [Array.from({ length: 12 }, (_, i) => i + 1), []],
      [Array.from({ length: 13 }, (_, i) => i + 1), ['Lampiran Dokumentasi memuat paling banyak 12 foto. Kurangi foto yang dipilih.']],
      [[3, 4, 3], ['Foto yang sama dipilih dua kali untuk lampiran Dokumentasi.']],
    ];
    for (const [ids, messages] of rows) {
      expect(fieldMessages(documentationInput, { meetingId: 1, photos: photos(ids) }, 'photos'), JSON.stringify(ids)).toEqual(messages);
    }
  });
});

describe('uploaded spreadsheet (base64)', () => {
  it('takes padded base64 only', () => {
    const rows: [string, string[]][] = [
      ['UEsDBA==', []],
      ['UEsDBAoA', []],
      ['ab+/', []],
      ['', ['Isi berkas tidak valid.']],
      ['UEsDBA=', ['Isi berkas tidak valid.']],
      ['UEsDB', ['Isi berkas tidak valid.']],
      ['UEsD BA=', ['Isi berkas tidak valid.']],
      ['UEsD-A==', ['Isi berkas tidak valid.']],
      ['UE==sDBA', ['Isi berkas tidak valid.']],
      ['UEs===', ['Isi berkas tidak valid.']],
    ];
    for (const [value, messages] of rows) expect(fieldMessages(xlsxBase64, value, ''), JSON.stringify(value)).toEqual(messages);
  });
});

describe('surat rekap per instansi', () => {
  it('is for one agency or for all of them, not both and not neither', () => {
    const input = agencyRecapOps['export.agencyRecap'].input;
    const ONE_OR_ALL = 'Pilih satu instansi atau semua instansi (tidak keduanya).';
    expect(fieldMessages(input, { agencyId: 3 }, 'agencyId')).toEqual([]);
    expect(fieldMessages(input, { all: true, year: 2025 }, 'agencyId')).toEqual([]);
    expect(fieldMessages(input, {}, 'agencyId')).toEqual([ONE_OR_ALL]);
    expect(fieldMessages(input, { agencyId: 3, all: true }, 'agencyId')).toEqual([ONE_OR_ALL]);
  });
});

describe('errors sent to the renderer', () => {
  it('carry fields and the current row only when there are any', () => {
    expect(new AppError('VALIDATION', 'x').toApiError()).toEqual({ code: 'VALIDATION', message: 'x' });
    const withFields = new AppError('VALIDATION', 'x', [{ path: 'title', message: 'Wajib diisi.' }]);
    expect(withFields.toApiError()).toEqual({ code: 'VALIDATION', message: 'x', fields: [{ path: 'title', message: 'Wajib diisi.' }] });
    expect(new AppError('VALIDATION', 'x', []).toApiError()).toEqual({ code: 'VALIDATION', message: 'x' });
    expect('current' in new AppError('VALIDATION', 'x').toApiError()).toBe(false);
    // STALE carries the row as stored now, even a row that is now null (deleted).
    expect(new AppError('STALE', 'y', undefined, { id: 4, title: 'Baru' }).toApiError()).toEqual({ code: 'STALE', message: 'y', current: { id: 4, title: 'Baru' } });
    expect(new AppError('STALE', 'y', undefined, null).toApiError()).toEqual({ code: 'STALE', message: 'y', current: null });
  });
});
