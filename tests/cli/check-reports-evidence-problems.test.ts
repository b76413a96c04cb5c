import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openTestBackend, klasterIII } from '../support/meeting-helpers';
import { b64, pdfBytes, pngBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { t as msg } from '../../shared/messages';

// Issue 13: `check` reports a data dukung file altered or removed on disk (exit 1, each file
// named), while the app holds the folder: check only reads. evidence.verify's own report of the
// same damage is tested in-process in tests/evidence/check-detects-missing-and-altered.test.ts.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('check command and data dukung on disk', () => {
  it('passes on good files and names an altered and a missing one', async () => {
    const t = openTestBackend();
    const { meeting } = await klasterIII(t);
    const goodBytes = pdfBytes('Notulen bertanda tangan');
    const altered = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.pdf', title: 'Notulen bertanda tangan', base64: b64(goodBytes), evidenceDate: '2025-03-12' });
    const missing = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', title: 'Foto rakor', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    const clean = cli('check', '--data-dir', t.dir, '--json');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout).evidenceProblems).toEqual([]);

    const changed = Buffer.from(goodBytes);
    changed[changed.length - 2] ^= 1;
    fs.writeFileSync(storedPath(t.dir, altered.sha256), changed);
    fs.rmSync(storedPath(t.dir, missing.sha256));

    const text = cli('check', '--data-dir', t.dir);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Data dukung  : 2 masalah');
    expect(text.stdout).toContain(msg('evidence.fileAltered', { name: 'Notulen bertanda tangan (notulen.pdf)' }));
    expect(text.stdout).toContain(msg('evidence.fileMissing', { name: 'Foto rakor (foto.png)' }));
    expect(text.stdout).toContain('Hasil: ADA MASALAH');
    const json = JSON.parse(cli('check', '--data-dir', t.dir, '--json').stdout);
    expect(json.ok).toBe(false);
    expect(json.evidenceProblems.map((p: { id: number; problem: string }) => [p.id, p.problem])).toEqual([[altered.id, 'altered'], [missing.id, 'missing']]);
    t.close();
  }, 120_000);
});
