import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { seedDemo } from '../../src-main/core/demo/seed-demo';
import { minutesFolder, writeEvidencePackage } from '../../src-main/core/evidence/package';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { tempDir } from '../support/backup-helpers';
import { docxText } from '../support/docx-read';
import { backendsClosedAfterEach } from '../support/closing-backends';
import { timeLimit } from '../support/time-limit';

// Issue 13 item 5: the paket data dukung carries the notulen of that year's rakor as .docx, the
// same document "Unduh notulen" gives; a closed rakor's from the snapshot signed at closing, so a
// row changed behind it afterwards does not show.

const backend = backendsClosedAfterEach();

describe('paket data dukung with the notulen of the year', () => {
  it('packs one .docx per rakor of the year, closed ones from their snapshot', async () => {
    const dir = tempDir();
    const b = backend(dir);
    seedDemo(b.db);
    const meetings = b.db.prepare(`SELECT id, title, date, status FROM meeting ORDER BY date`).all() as { id: number; title: string; date: string; status: string }[];
    const of2025 = meetings.filter((m) => m.date.startsWith('2025-'));
    const of2026 = meetings.filter((m) => m.date.startsWith('2026-'));
    expect(of2025.length).toBeGreaterThan(1);
    expect(of2026.some((m) => m.status !== 'selesai')).toBe(true);
    // Behind a closed meeting's back: its live place changes, its signed notulen must not.
    const closed = of2025.find((m) => m.status === 'selesai')!;
    b.db.prepare(`UPDATE meeting SET place = 'Tempat yang diubah kemudian' WHERE id = ?`).run(closed.id);

    for (const [year, expected] of [[2025, of2025], [2026, of2026]] as const) {
      const out = path.join(tempDir('rakor-paket-'), `paket ${year}.zip`);
      const result = await writeEvidencePackage(b.db, dir, year, out);
      expect(result.minutes).toBe(expected.length);
      const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
      const notulen = Object.keys(entries).filter((n) => n.startsWith(`${minutesFolder(year)}/`)).sort();
      expect(notulen).toHaveLength(expected.length);
      expect(notulen.every((n) => n.endsWith('.docx'))).toBe(true);
      for (const m of expected) {
        const entry = notulen.find((n) => n.includes(m.date))!;
        expect(entry, m.title).toBeDefined();
        const text = await docxText(entries[entry]);
        // Byte for byte the text of the notulen the meeting's own export gives.
        expect(text).toBe(await docxText(await renderMinutes(loadMinutesData(b.db, m.id))));
        if (m.id === closed.id) expect(text).not.toContain('Tempat yang diubah kemudian');
      }
    }
    // A year without rakor: no notulen folder.
    const empty = path.join(tempDir('rakor-paket-'), 'paket 2019.zip');
    expect((await writeEvidencePackage(b.db, dir, 2019, empty)).minutes).toBe(0);
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(empty)))).some((n) => n.startsWith('Notulen'))).toBe(false);
  }, timeLimit(120_000));
});
