import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src-main/cli/commands';
import { createMeetingFixture } from '../support/meeting-fixture';
import { docxParts, docxText } from '../support/docx-read';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const f = createMeetingFixture({ attendees: 4 });
  f.close();
  dirs.push(f.dir);
  return f;
}

const command = (name: string) => COMMANDS.find((c) => c.name === name)!;

describe('CLI export commands', () => {
  it('are registered', () => {
    expect(command('export-notulen').usage).toContain('--lampiran I,II,III');
    expect(command('export-daftar-hadir').usage).toContain('--rows 40');
  });

  it('export-notulen writes the notulen with the chosen paper and lampiran', async () => {
    const f = setup();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = path.join(f.dir, 'notulen.docx');
    const code = await command('export-notulen').run(['--data-dir', f.dir, '--meeting', String(f.meetingId), '--out', out, '--paper', 'F4', '--lampiran', 'I,III']);
    expect(code).toBe(0);
    expect(log.mock.calls[0][0]).toContain('Notulen disimpan');
    const bytes = new Uint8Array(fs.readFileSync(out));
    const text = await docxText(bytes);
    expect(text).toContain('Lampiran I\t:');
    expect(text).not.toContain('MATRIKS RENCANA TINDAK LANJUT');
    expect(text).toContain('Lampiran III\t:');
    expect(docxParts(bytes).get('word/document.xml')).toContain('w:w="12189" w:h="18709"');
  });

  it('export-daftar-hadir writes the blank sheet, and refuses bad options in Indonesian', async () => {
    const f = setup();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = path.join(f.dir, 'daftar.docx');
    expect(await command('export-daftar-hadir').run(['--data-dir', f.dir, '--meeting', String(f.meetingId), '--out', out, '--rows', '7'])).toBe(0);
    expect(await docxText(new Uint8Array(fs.readFileSync(out)))).toMatch(/\n7\n/);
    await expect(command('export-daftar-hadir').run(['--data-dir', f.dir, '--meeting', String(f.meetingId), '--out', out, '--rows', 'x'])).rejects.toThrow(/Jumlah baris harus antara 1 dan 300/);
    await expect(command('export-notulen').run(['--data-dir', f.dir, '--meeting', String(f.meetingId)])).rejects.toThrow('Opsi --out wajib diisi.');
    await expect(command('export-notulen').run(['--data-dir', f.dir, '--meeting', String(f.meetingId), '--out', path.join(f.dir, 'no', 'x.docx')])).rejects.toThrow(/folder tujuan tidak ditemukan/);
  });
});
