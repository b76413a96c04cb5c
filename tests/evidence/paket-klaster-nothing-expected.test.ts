import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { writeEvidencePackage } from '../../src-main/core/evidence/package';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { tempDir } from '../support/backup-helpers';
import { b64, pdfBytes } from '../support/evidence-files';

// The list of expected items lives in a table (evidence_expectation) a region may trim. A klaster
// left with nothing expected is complete in the checklist's summary, as on the Kelengkapan
// screen, not a division by zero; its files are still packed and listed under "Lainnya".

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('paket data dukung checklist, a klaster with nothing expected', () => {
  it('counts it complete and still lists its files', async () => {
    const ref = await t.call('reference.get', { year: 2024 });
    const perda = ref.clusters[0].indicators[0];
    await t.call('evidence.attach', { indicatorId: perda.id, evaluationYear: 2024, fileName: 'Perda KLA.pdf', base64: b64(pdfBytes('perda')), evidenceDate: '2024-03-01' });
    // Klaster KL is indicators 1 to 3.
    t.backend.db.prepare(`DELETE FROM evidence_expectation WHERE indicator_number <= 3`).run();
    const out = path.join(tempDir('rakor-paket-'), 'paket 2024.zip');
    await writeEvidencePackage(t.backend.db, t.dir, 2024, out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(out)))['Checklist data dukung 2024.xlsx']) as unknown as ArrayBuffer);
    expect((workbook.getWorksheet('Per klaster')!.getRow(2).values as unknown[]).slice(1)).toEqual(['KL', 'Kelembagaan', 0, 0, 1]);
    expect((workbook.getWorksheet('Kelengkapan')!.getRow(2).values as unknown[]).slice(1)).toEqual([
      'KL', 1, 'Peraturan Daerah (Perda) tentang KLA', 'Lainnya', 'Ada',
      'Klaster KL - Kelembagaan/Indikator 01 - Peraturan Daerah (Perda) tentang KLA/01 Perda KLA.pdf',
    ]);
  });
});
