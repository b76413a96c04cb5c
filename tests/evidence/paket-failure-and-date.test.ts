import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { writeEvidencePackage } from '../../src-main/core/evidence/package';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { tempDir } from '../support/backup-helpers';
import { openHandlesOn } from '../support/open-handles';
import { b64, pdfBytes } from '../support/evidence-files';

// A paket data dukung that cannot be finished leaves nothing half-written: no temporary file, no
// open handle, and an earlier package of the same name untouched. The checklist is dated by the
// region's calendar, not UTC's.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => {
  vi.useRealTimers();
  t.close();
});

async function oneFile() {
  const ref = await t.call('reference.get', { year: 2024 });
  const indicatorId = ref.clusters[0].indicators[0].id;
  await t.call('evidence.attach', { indicatorId, evaluationYear: 2024, fileName: 'Perda KLA.pdf', base64: b64(pdfBytes('perda')), evidenceDate: '2024-03-01' });
}

describe('paket data dukung that fails', () => {
  it('stops at a damaged notulen snapshot and keeps the earlier package', async () => {
    await oneFile();
    const m = await t.call('meeting.create', { title: 'Rakor Gugus Tugas', clusterCodes: ['KL'], date: '2024-04-02', startTime: '09:00' });
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    t.backend.db.prepare(`UPDATE meeting_snapshot SET minutes_json = '{rusak' WHERE meeting_id = ?`).run(m.id);
    const dir = tempDir('rakor-paket-');
    const out = path.join(dir, 'paket 2024.zip');
    fs.writeFileSync(out, 'paket sebelumnya');

    await expect(writeEvidencePackage(t.backend.db, t.dir, 2024, out)).rejects.toThrow(SyntaxError);
    expect(fs.readdirSync(dir)).toEqual(['paket 2024.zip']);
    expect(fs.readFileSync(out, 'utf8')).toBe('paket sebelumnya');
    expect(openHandlesOn(out)).toEqual([]);
  });

  it('cannot replace a folder of the same name, and leaves no temporary file', async () => {
    await oneFile();
    const dir = tempDir('rakor-paket-');
    const out = path.join(dir, 'paket 2024.zip');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'isi.txt'), 'milik pengguna');

    // Linux says EISDIR for a rename onto a folder: the user reads it in Indonesian.
    await expect(writeEvidencePackage(t.backend.db, t.dir, 2024, out)).rejects.toMatchObject({
      name: 'AppError',
      code: 'IO',
      message: 'Berkas tidak dapat disimpan: folder tidak dapat ditulisi. Pilih folder lain (misalnya Dokumen) lalu ulangi.',
    });
    expect(fs.readdirSync(dir)).toEqual(['paket 2024.zip']);
    expect(fs.readdirSync(out)).toEqual(['isi.txt']);
    expect(openHandlesOn(out)).toEqual([]);
  });
  it('says in Indonesian that the folder chosen does not exist, and writes nothing', async () => {
    await oneFile();
    const dir = tempDir('rakor-paket-');
    const out = path.join(dir, 'tidak ada', 'paket 2024.zip');
    await expect(writeEvidencePackage(t.backend.db, t.dir, 2024, out)).rejects.toMatchObject({
      name: 'AppError',
      code: 'IO',
      message: 'Berkas tidak dapat disimpan: folder tujuan tidak ditemukan. Pilih folder lain.',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('paket data dukung checklist date', () => {
  it('is the day in the region (WIB), not in UTC', async () => {
    await oneFile();
    // 23:30 UTC on 31 December is 06:30 WIB on 1 January.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-12-31T23:30:00Z'));
    const out = path.join(tempDir('rakor-paket-'), 'paket 2024.zip');
    await writeEvidencePackage(t.backend.db, t.dir, 2024, out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(out)))['Checklist data dukung 2024.xlsx']) as unknown as ArrayBuffer);
    expect(workbook.title).toBe('Kelengkapan data dukung KLA tahun 2024 (dibuat 1 Januari 2025)');
  });
});
