import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, NODE, ROOT } from '../support/child-bundle';
import { tempDataDir } from '../support/meeting-fixture';

// A save cut short half-way (disk full, a USB stick pulled): the child writes through
// writeExportFile under a real file-size limit (`ulimit -f`, which Node turns into EFBIG after
// the first blocks). The Notulen saved before must stay whole, and no partial file may remain.

let child: { file: string; remove(): void };
const dirs: string[] = [];
beforeAll(async () => {
  child = await bundleChild('tests/support/save-file-child.ts', 'save-file-child');
});
afterAll(() => {
  child?.remove();
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** Runs the child with writes capped at `limitKb` KiB; resolves with what it printed. */
function saveUnderLimit(target: string, size: number, limitKb: number): Promise<{ ok: boolean; name?: string; code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('bash', ['-c', `ulimit -f ${limitKb} && exec "$0" "$@"`, NODE, child.file, target, String(size)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('exit', () => (out ? resolve(JSON.parse(out)) : reject(new Error(`child printed nothing: ${err}`))));
  });
}

describe('a save cut short', () => {
  it('keeps the earlier copy whole and leaves no partial file, with a message in Indonesian', async () => {
    const dir = tempDataDir('rakor-save-');
    dirs.push(dir);
    const target = path.join(dir, 'Notulen Rakor.docx');
    fs.writeFileSync(target, 'salinan sebelumnya');

    const result = await saveUnderLimit(target, 200_000, 16);
    expect(result).toMatchObject({ ok: false, name: 'AppError', code: 'IO', message: 'Berkas tidak dapat disimpan: terlalu besar untuk drive tujuan (flashdisk berformat FAT32 menampung paling besar 4 GB per berkas). Simpan di drive lain.' });
    expect(fs.readFileSync(target, 'utf8')).toBe('salinan sebelumnya');
    expect(fs.readdirSync(dir)).toEqual(['Notulen Rakor.docx']);

    // The same save within the limit replaces the copy with every byte.
    expect(await saveUnderLimit(target, 10_000, 16)).toEqual({ ok: true });
    expect(fs.readFileSync(target)).toEqual(Buffer.alloc(10_000, 7));
    expect(fs.readdirSync(dir)).toEqual(['Notulen Rakor.docx']);
  });
});
