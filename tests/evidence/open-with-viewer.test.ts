import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { strictLog } from '../support/strict-log';
import { b64, jpegBytes, pdfBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';

// evidence.open hands the system viewer a copy of the verified bytes in a fresh private folder
// under the temp folder, read-only and named after the title with the sniffed extension; never
// the stored file. Where no viewer exists (the browser runtime) it says so.

let dataDir: string;
let tmp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-open-'));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-open-tmp-'));
  // The system temp folder as the viewer copy sees it: fresh, so rakor-kla-lihat/ does not exist yet.
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  for (const d of [dataDir, tmp]) {
    for (const f of fs.readdirSync(d, { recursive: true, withFileTypes: true })) if (f.isDirectory()) fs.chmodSync(path.join(f.parentPath, f.name), 0o700);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

function backendWith(openFile?: (file: string) => Promise<string>) {
  const backend = createBackend({ dataDir, runtime: 'cli', log: strictLog(), openFile });
  const call = async (name: string, input: unknown) => {
    const result = await backend.invoke(name as never, input as never);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.data as never;
  };
  return { backend, call };
}

async function attached(call: ReturnType<typeof backendWith>['call'], fileName: string, bytes: Buffer): Promise<{ id: number; sha256: string }> {
  const meeting: { id: number } = await call('meeting.create', { title: 'Rakor Foto', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
  return call('evidence.attach', { meetingId: meeting.id, fileName, base64: b64(bytes), evidenceDate: '2025-03-10' });
}

describe('evidence.open', () => {
  it('gives the viewer a read-only copy named after the title, in its own private folder, each time a new one', async () => {
    const opened: string[] = [];
    const { backend, call } = backendWith(async (file) => {
      opened.push(file);
      return '';
    });
    try {
      const bytes = jpegBytes();
      const e = await attached(call, 'foto.jpg.exe', bytes);
      expect(await call('evidence.open', { id: e.id })).toEqual({ opened: true });
      expect(await call('evidence.open', { id: e.id })).toEqual({ opened: true });
      expect(opened).toHaveLength(2);
      for (const file of opened) {
        expect(path.basename(file)).toBe('foto.jpg.exe.jpg');
        const folder = path.dirname(file);
        expect(path.dirname(folder)).toBe(path.join(tmp, 'rakor-kla-lihat'));
        expect(path.basename(folder)).toMatch(new RegExp(`^${e.id}-[0-9a-f]{12}$`));
        expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
        expect(fs.statSync(file).mode & 0o777).toBe(0o444);
        expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      }
      expect(opened[0]).not.toBe(opened[1]);
      expect(opened).not.toContain(storedPath(dataDir, e.sha256));
    } finally {
      backend.close();
    }
  });

  it('reports what the viewer said when it could not open the copy (IO, in Indonesian)', async () => {
    const { backend, call } = backendWith(async () => 'No application is registered as handling this file');
    try {
      const e = await attached(call, 'perda.pdf', pdfBytes());
      expect(await backend.invoke('evidence.open', { id: e.id })).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'IO',
          message: 'Berkas tidak dapat dibuka dengan penampil sistem (No application is registered as handling this file). Coba Simpan salinan, lalu buka dari folder.',
        }),
      });
    } finally {
      backend.close();
    }
  });

  it('without a system viewer (the browser runtime) refuses with IO and points to Unduh, writing no copy', async () => {
    const { backend, call } = backendWith();
    try {
      const e = await attached(call, 'perda.pdf', pdfBytes());
      expect(await backend.invoke('evidence.open', { id: e.id })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'IO', message: 'Membuka berkas dengan penampil sistem hanya tersedia di aplikasi desktop. Di peramban, gunakan Unduh.' }),
      });
      expect(fs.existsSync(path.join(tmp, 'rakor-kla-lihat'))).toBe(false);
    } finally {
      backend.close();
    }
  });

  it('never opens an altered stored file: IO naming it, and the viewer is not called', async () => {
    const opened: string[] = [];
    const { backend, call } = backendWith(async (file) => {
      opened.push(file);
      return '';
    });
    try {
      const e = await attached(call, 'perda.pdf', pdfBytes());
      fs.chmodSync(storedPath(dataDir, e.sha256), 0o644);
      fs.writeFileSync(storedPath(dataDir, e.sha256), 'diubah');
      expect(await backend.invoke('evidence.open', { id: e.id })).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'IO',
          message: 'Berkas data dukung berubah di disk (isi tidak cocok dengan sidik SHA-256): perda.pdf. Pulihkan dari cadangan.',
        }),
      });
      expect(opened).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
