import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { CRASH_ENV, EVIDENCE_STEPS } from '../../src-main/core/crash-point';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { tempDir } from '../support/backup-helpers';
import { bundleChild, runChild } from '../support/child-bundle';
import { b64, pngBytes } from '../support/evidence-files';
import { strictLog } from '../support/strict-log';

// Issue 13: an attach killed (SIGKILL) at every step leaves the whole attachment or nothing.
// The child runs the real backend and kills itself at the named step; then the backend starts
// again on that folder: no row without its intact file, no temporary file left, and attaching
// the same bytes again works (and reuses a file that was already renamed into place).

let child: Awaited<ReturnType<typeof bundleChild>>;
let template: string;
let meetingId: number;
beforeAll(async () => {
  child = await bundleChild('tests/support/evidence-child.ts', 'evidence-child');
  template = tempDir('rakor-evidence-crash-');
  const b = createBackend({ dataDir: template, runtime: 'cli', log: strictLog() });
  const m = await b.invoke('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  if (!m.ok) throw new Error(m.error.message);
  meetingId = (m.data as { id: number }).id;
  b.close();
}, 60_000);
afterAll(() => child?.remove());

const bytes = pngBytes(Buffer.from('foto dokumentasi rakor klaster III'));
const hash = sha256Of(bytes);

function inspect(dir: string) {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
  const rows = backend.db.prepare(`SELECT sha256 FROM evidence`).all() as { sha256: string }[];
  const temps = fs.existsSync(path.join(dir, 'files')) ? fs.readdirSync(path.join(dir, 'files')).filter((n) => n.startsWith('.')) : [];
  return { backend, rows, temps };
}

describe('attach killed at every step', () => {
  for (const step of EVIDENCE_STEPS) {
    it(`after a kill at ${step} the attachment is whole or absent`, async () => {
      const dir = tempDir('rakor-evidence-case-');
      fs.cpSync(template, dir, { recursive: true });
      const run = await runChild(child.file, ['attach', dir, String(meetingId), b64(bytes)], { [CRASH_ENV]: step });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const found = inspect(dir);
      try {
        // Every step is before COMMIT: the row is gone with the transaction.
        expect(found.rows).toEqual([]);
        expect(found.temps).toEqual([]);
        expect(await found.backend.invoke('evidence.verify', {})).toEqual({ ok: true, data: [] });
        // Renamed into place before the kill: an invisible orphan, reused by the next attach.
        expect(listStoredHashes(dir)).toEqual(step === 'evidence:temp-written' ? [] : [hash]);
        const again = await found.backend.invoke('evidence.attach', { meetingId, fileName: 'foto.png', base64: b64(bytes), evidenceDate: '2025-03-10' });
        expect(again.ok).toBe(true);
        expect(fs.readFileSync(storedPath(dir, hash)).equals(bytes)).toBe(true);
      } finally {
        found.backend.close();
      }
    }, 60_000);
  }

  it('without a kill the attachment is complete', async () => {
    const dir = tempDir('rakor-evidence-case-');
    fs.cpSync(template, dir, { recursive: true });
    const run = await runChild(child.file, ['attach', dir, String(meetingId), b64(bytes)]);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const found = inspect(dir);
    try {
      expect(found.rows).toEqual([{ sha256: hash }]);
      expect(found.temps).toEqual([]);
      expect(fs.readFileSync(storedPath(dir, hash)).equals(bytes)).toBe(true);
    } finally {
      found.backend.close();
    }
  }, 60_000);
});
