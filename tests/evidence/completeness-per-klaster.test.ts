import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { backendPerTest } from '../support/backend-per-test';
import { b64, pdfBytes } from '../support/evidence-files';

// Kelengkapan per klaster (evidence/completeness.ts): each klaster of the year's set once, in
// the set's order; a klaster whose indicators the instrument expects nothing for counts as
// complete (100%), not as "0 of 0".

const t = backendPerTest();

/** The 2024 set imported as 2026's with a klaster of the region's own: indicator 25, which no expected item names. */
async function setWithOwnKlaster(): Promise<void> {
  const file = await t.call('reference.exportXlsx', { year: 2024 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  workbook.getWorksheet('Indikator')!.addRow(['VI', 'Klaster daerah', 25, '', 'Inovasi daerah layak anak', '', 10]);
  const base64 = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
  await t.call('reference.importXlsx', { year: 2026, base64 });
}

describe('evidence.completeness per klaster', () => {
  it('lists each klaster once in the set order; a klaster with nothing expected is complete', async () => {
    await setWithOwnKlaster();
    expect(await t.call('evidence.expectations', { indicatorNumber: 25 })).toEqual([]);
    const ref = await t.call('reference.get', { year: 2026 });
    const kl = ref.clusters.find((c) => c.code === 'KL')!;
    const [perda] = await t.call('evidence.expectations', { indicatorNumber: kl.indicators[0].number });
    await t.call('evidence.attach', { indicatorId: kl.indicators[0].id, evaluationYear: 2026, expectationId: perda.id, fileName: 'perda.pdf', base64: b64(pdfBytes()), evidenceDate: '2026-01-05' });

    const c = await t.call('evidence.completeness', { year: 2026 });
    expect(c.referenceYear).toBe(2026);
    expect(c.clusters.map((x) => x.code)).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(c.clusters.find((x) => x.code === 'VI')).toEqual({ code: 'VI', name: 'Klaster daerah', expectedCount: 0, presentCount: 0, ratio: 1 });
    expect(c.indicators.find((i) => i.number === 25)).toMatchObject({ clusterCode: 'VI', expected: [], presentCount: 0, missing: [], fileCount: 0 });
    const klRow = c.clusters[0];
    const klExpected = c.indicators.filter((i) => i.clusterCode === 'KL').reduce((n, i) => n + i.expected.length, 0);
    expect(klRow).toEqual({ code: 'KL', name: kl.name, expectedCount: klExpected, presentCount: 1, ratio: 1 / klExpected });
  });
});
