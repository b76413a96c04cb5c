import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/core/backend';
import { saveError, writeExportFile } from '../../src-main/core/export/save-file';
import { createMeetingFixture, tempDataDir } from '../support/meeting-fixture';
import { docxText } from '../support/docx-read';
import { strictLog } from '../support/strict-log';

// The export operations through the real backend: validation, names, base64, the save hook.

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function backendWithMeeting(options: Partial<BackendOptions> = {}, invitedAgencies?: number): { backend: Backend; meetingId: number } {
  const fixture = createMeetingFixture({ attendees: 8, invitedAgencies });
  fixture.close();
  dirs.push(fixture.dir);
  const backend = createBackend({ dataDir: fixture.dir, runtime: 'cli', log: strictLog(), ...options });
  backends.push(backend);
  return { backend, meetingId: fixture.meetingId };
}

function bytesOf(data: unknown): Uint8Array {
  return new Uint8Array(Buffer.from((data as { base64: string }).base64, 'base64'));
}

describe('export operations', () => {
  it('export.minutes answers a named .docx as base64, with all lampiran by default', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const result = await backend.invoke('export.minutes', { meetingId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as { fileName: string; base64: string };
    expect(data.fileName).toBe('Notulen Rakor KLA Klaster III 2024-11-26.docx');
    const bytes = bytesOf(data);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    const text = await docxText(bytes);
    expect(text).toContain('Lampiran I\t:');
    expect(text).toContain('Lampiran III\t:');
    const none = await backend.invoke('export.minutes', { meetingId, lampiran: [], paper: 'F4' });
    expect(none.ok && (await docxText(bytesOf(none.data))).includes('Lampiran I')).toBe(false);
  });

  it('refuses an unknown lampiran, a paper size and a meeting that do not exist', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const bad = await backend.invoke('export.minutes', { meetingId, lampiran: ['V'], paper: 'Letter' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['lampiran.0', 'paper']);
    }
    const missing = await backend.invoke('export.minutes', { meetingId: 9999 });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('export.attendanceSheet gives the blank sheet with the chosen number of rows', async () => {
    const { backend, meetingId } = backendWithMeeting();
    const result = await backend.invoke('export.attendanceSheet', { meetingId, rows: 12 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.data as { fileName: string }).fileName).toBe('Daftar Hadir Rakor KLA Klaster III 2024-11-26.docx');
    const text = await docxText(bytesOf(result.data));
    expect(text).toMatch(/\n12\n/);
    expect(text).not.toMatch(/\n13\n/);
    const tooMany = await backend.invoke('export.attendanceSheet', { meetingId, rows: 301 });
    expect(tooMany.ok ? '' : tooMany.error.fields?.[0].message).toBe('Jumlah baris harus antara 1 dan 300.');
  });

  it('export.attendanceSheet without a number gives a row per invited agency plus ten spare rows', async () => {
    const { backend, meetingId } = backendWithMeeting({}, 44);
    const ws = await backend.invoke('meeting.get', { id: meetingId });
    const invited = ws.ok ? (ws.data as { invitedAgencyIds: number[] }).invitedAgencyIds.length : 0;
    expect(invited).toBeGreaterThan(30);
    const result = await backend.invoke('export.attendanceSheet', { meetingId });
    expect(result.ok).toBe(true);
    const text = await docxText(bytesOf(result.ok ? result.data : null));
    expect(text).toMatch(new RegExp(`\\n${invited + 10}\\n`));
    expect(text).not.toMatch(new RegExp(`\\n${invited + 11}\\n`));
  });

  it('file.save without a desktop hook says saving needs the desktop app', async () => {
    const { backend } = backendWithMeeting();
    const result = await backend.invoke('file.save', { fileName: 'Notulen.docx', dataBase64: 'UEsDBA==' });
    expect(result).toEqual({ ok: false, error: { code: 'IO', message: expect.stringContaining('hanya tersedia di aplikasi desktop') } });
  });

  it('file.save hands the bytes to the hook and maps its write errors to Indonesian', async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    let fail: string | null = null;
    const { backend } = backendWithMeeting({
      saveFile: async (name, bytes) => {
        if (fail) throw Object.assign(new Error(`${fail}: denied`), { code: fail });
        saved.push({ name, bytes });
        return { saved: true, path: `C:\\Users\\staf\\Documents\\${name}` };
      },
    });
    const ok = await backend.invoke('file.save', { fileName: 'Notulen Rakor.docx', dataBase64: 'UEsDBA==' });
    expect(ok).toEqual({ ok: true, data: { saved: true, path: 'C:\\Users\\staf\\Documents\\Notulen Rakor.docx' } });
    expect([...saved[0].bytes]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    fail = 'EBUSY';
    const busy = await backend.invoke('file.save', { fileName: 'Notulen Rakor.docx', dataBase64: 'UEsDBA==' });
    expect(busy.ok ? '' : busy.error.message).toContain('file sedang dibuka di aplikasi lain, misalnya Word; tutup dulu lalu ulangi');
    fail = 'EROFS';
    const readOnly = await backend.invoke('file.save', { fileName: 'Notulen Rakor.docx', dataBase64: 'UEsDBA==' });
    expect(readOnly.ok ? '' : readOnly.error.message).toContain('folder tidak dapat ditulisi');
    const badName = await backend.invoke('file.save', { fileName: 'a/b.docx', dataBase64: 'not base64!' });
    expect(badName.ok ? [] : badName.error.fields?.map((f) => f.path).sort()).toEqual(['dataBase64', 'fileName']);
  });
});

describe('write errors', () => {
  it('maps EBUSY, EPERM, EACCES, EROFS and disk full to what the user can do', () => {
    const err = (code: string) => saveError(Object.assign(new Error(code), { code }));
    expect(err('EBUSY').message).toContain('file sedang dibuka di aplikasi lain');
    for (const code of ['EPERM', 'EACCES', 'EROFS']) expect(err(code).message).toContain('folder tidak dapat ditulisi');
    expect(err('ENOSPC').message).toContain('ruang penyimpanan penuh');
    expect(err('EWHATEVER')).toMatchObject({ code: 'IO', message: expect.stringContaining('EWHATEVER') });
  });

  it('writeExportFile writes the file, and reports a missing folder plainly', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    await writeExportFile(path.join(dir, 'a.docx'), new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(path.join(dir, 'a.docx'))]).toEqual([1, 2, 3]);
    await expect(writeExportFile(path.join(dir, 'tidak-ada', 'a.docx'), new Uint8Array([1]))).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('folder tujuan tidak ditemukan'),
    });
    await expect(writeExportFile(dir, new Uint8Array([1]))).rejects.toMatchObject({ message: expect.stringContaining('folder tidak dapat ditulisi') });
  });
});
