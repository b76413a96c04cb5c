import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../support/field-messages';
import { backupFile, backupFolder, isRecoveryOp } from '../../shared/api/backup';
import { subActivityCode } from '../../shared/api/budget-line';
import { contract, isOpName, isReadOp } from '../../shared/api/contract';
import { meetingCreateInput, meetingPatchInput } from '../../shared/api/meeting';
import { regionProfileInput } from '../../shared/api/region-profile';

// Boundary tables for the refinements inside the API schemas, written by hand: each row is a
// value and whether the contract must take it. Only the field under test is looked at, so
// fields added to an operation later do not change these answers.

describe('backup paths', () => {
  it('take a .zip path, in any case, that is not blank and has no NUL', () => {
    const rows: [string, string[]][] = [
      ['D:\\Cadangan\\rakor-kla-20250101-090000.zip', []],
      ['/media/flashdisk/CADANGAN.ZIP', []],
      ['   ', ['Wajib diisi.', 'Berkas cadangan harus berakhiran .zip.']],
      ['', ['Wajib diisi.', 'Berkas cadangan harus berakhiran .zip.']],
      ['a\0.zip', ['Wajib diisi.']],
      ['cadangan.zip.txt', ['Berkas cadangan harus berakhiran .zip.']],
      ['zip', ['Berkas cadangan harus berakhiran .zip.']],
    ];
    for (const [value, messages] of rows) expect(fieldMessages(backupFile, value, ''), JSON.stringify(value)).toEqual(messages);
    expect(fieldMessages(backupFolder, '/media/flashdisk', '')).toEqual([]);
    expect(fieldMessages(backupFolder, '', '')).toEqual([]);
    expect(fieldMessages(backupFolder, '/media/\0', '')).toEqual(['Nama folder tidak valid.']);
  });

  it('let only the recovery screen run while the database waits for recovery', () => {
    expect(isRecoveryOp('backup.recovery.status')).toBe(true);
    expect(isRecoveryOp('backup.recovery.startFresh')).toBe(true);
    expect(isRecoveryOp('meeting.create')).toBe(false);
    expect(isRecoveryOp('')).toBe(false);
  });
});

describe('the contract', () => {
  it('knows its operation names, and only strings are names', () => {
    expect(isOpName('agency.list')).toBe(true);
    expect(isOpName('agency.lists')).toBe(false);
    expect(isOpName('hasOwnProperty')).toBe(false);
    // Property lookup would turn these into the string "agency.list".
    expect(isOpName(['agency.list'])).toBe(false);
    expect(isOpName({ toString: () => 'agency.list' })).toBe(false);
    expect(isOpName(undefined)).toBe(false);
  });

  it('marks reads and writes', () => {
    expect(isReadOp('agency.list')).toBe(true);
    expect(isReadOp('meeting.get')).toBe(true);
    expect(isReadOp('agency.create')).toBe(false);
    expect(isReadOp('meeting.close')).toBe(false);
  });
});

describe('budget sub-activity code', () => {
  it('is the dotted nomenclature code, X for a digit not yet known, or empty', () => {
    const rows: [string, boolean][] = [
      ['2.08.06.2.01.0001', true], ['12.08', true], ['2024', true], ['2.08.XX.2.01.000x', true], [' 2.08 ', true], ['', true], ['7', true],
      ['2..08', false], ['.2.08', false], ['2.08.', false], ['2.08a', false], ['a2.08', false], ['2,08', false], ['2.0 8', false], ['2.a', false],
    ];
    for (const [value, ok] of rows) expect(subActivityCode.safeParse(value).success, value).toBe(ok);
    expect(fieldMessages(subActivityCode, '2..08', '')).toEqual(['Kode sub kegiatan berupa angka dipisah titik, misalnya 2.08.06.2.01.0001.']);
  });
});

describe('file.save', () => {
  const input = contract['file.save'].input;
  it('refuses file names Windows refuses, and data that is not base64', () => {
    for (const name of ['a/b.docx', 'a\\b.docx', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', 'a\u0001b', 'a\u001fb'])
      expect(fieldMessages(input, { fileName: name, dataBase64: '' }, 'fileName'), name).toEqual(['Nama berkas tidak boleh memuat \\ / : * ? " < > |.']);
    expect(fieldMessages(input, { fileName: 'Notulen Rakor 2025-01-01.docx', dataBase64: '' }, 'fileName')).toEqual([]);
    const data: [string, boolean][] = [
      ['', true], ['QUJD', true], ['QUI=', true], ['QQ==', true], ['a+/9', true],
      ['QUJ', false], ['QUJDR', false], ['QQ===', false], ['Q===', false], ['QU=D', false], ['QUJ!', false], ['=QUJ', false], [' QUJD', false],
    ];
    for (const [value, ok] of data)
      expect(fieldMessages(input, { fileName: 'a.docx', dataBase64: value }, 'dataBase64'), value).toEqual(ok ? [] : ['Isi berkas tidak valid.']);
  });
});

describe('evidence.savePackage', () => {
  const input = contract['evidence.savePackage'].input;
  it('takes an evaluation year 2000..2100 and an optional folder of at most 1000 characters without NUL', () => {
    const years: [unknown, boolean][] = [[2000, true], [2100, true], [2024, true], [1999, false], [2101, false], [2024.5, false], ['2024', false], [null, false]];
    for (const [year, ok] of years) expect(fieldMessages(input, { year }, 'year'), String(year)).toEqual(ok ? [] : ['Tahun harus antara 2000 dan 2100.']);
    const folders: [string, string[]][] = [
      ['', []], ['/home/sekretariat/Dokumen', []], ['D:\\Data Dukung', []], ['x'.repeat(1000), []],
      ['x'.repeat(1001), ['Terlalu panjang (maksimal 1000 karakter).']], ['/tmp/\0', ['Lokasi folder tidak valid.']],
    ];
    for (const [folder, messages] of folders) expect(fieldMessages(input, { year: 2024, folder }, 'folder'), folder.slice(0, 40)).toEqual(messages);
  });
});

describe('meeting times', () => {
  const create = { title: 'Rakor', date: '2025-01-01', startTime: '09:00', clusterCodes: ['I'] };
  const endMessage = ['Jam selesai tidak boleh sebelum jam mulai.'];

  it('refuse an end before the start, and accept an equal, later or missing end', () => {
    expect(fieldMessages(meetingCreateInput, { ...create, endTime: '08:59' }, 'endTime')).toEqual(endMessage);
    expect(fieldMessages(meetingCreateInput, { ...create, endTime: '09:00' }, 'endTime')).toEqual([]);
    expect(fieldMessages(meetingCreateInput, { ...create, endTime: '12:00' }, 'endTime')).toEqual([]);
    expect(fieldMessages(meetingCreateInput, { ...create, endTime: null }, 'endTime')).toEqual([]);
    expect(fieldMessages(meetingCreateInput, create, 'endTime')).toEqual([]);
  });

  it('check a patch only when it sends both times', () => {
    expect(fieldMessages(meetingPatchInput, { id: 1, baseRevision: 1, startTime: '10:00', endTime: '09:30' }, 'endTime')).toEqual(endMessage);
    expect(fieldMessages(meetingPatchInput, { id: 1, baseRevision: 1, startTime: '10:00', endTime: '10:30' }, 'endTime')).toEqual([]);
    expect(fieldMessages(meetingPatchInput, { id: 1, baseRevision: 1, endTime: '07:00' }, 'endTime')).toEqual([]);
    expect(fieldMessages(meetingPatchInput, { id: 1, baseRevision: 1, startTime: '23:00' }, 'endTime')).toEqual([]);
  });
});

describe('region profile', () => {
  const logo = (v: string) => fieldMessages(regionProfileInput, { logoDataUrl: v }, 'logoDataUrl');

  it('takes a PNG or JPEG data URL as the logo, or none', () => {
    expect(logo('')).toEqual([]);
    expect(logo('data:image/png;base64,iVBORw0KGgo=')).toEqual([]);
    expect(logo('data:image/jpeg;base64,/9j/4AAQ')).toEqual([]);
    expect(logo('data:image/png;base64,iVBORw0KGgo==')).toEqual([]);
    for (const bad of ['data:image/gif;base64,R0lGOD', 'data:image/png;base64,', 'xdata:image/png;base64,iVBO', 'data:image/png;base64,iVBO=x', 'data:image/png;base64,iV BO', 'https://contoh.id/logo.png'])
      expect(logo(bad), bad).toEqual(['Logo harus gambar PNG atau JPEG, paling besar 1 MB.']);
  });

  it('needs a font', () => {
    expect(fieldMessages(regionProfileInput, { fontFamily: '  ' }, 'fontFamily')).toEqual(['Wajib diisi.']);
    expect(fieldMessages(regionProfileInput, { fontFamily: 'Arial' }, 'fontFamily')).toEqual([]);
  });
});
