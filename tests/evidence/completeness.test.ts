import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { b64, pdfBytes } from '../support/evidence-files';

// Kelengkapan: per indicator the expected items (seeded per indicator number, editable) and
// which have a file; per klaster the share of expected items present.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('evidence.completeness', () => {
  it('counts expected, present and missing items per indicator and per klaster', async () => {
    const ref = await t.call('reference.get', { year: 2024 });
    const kl = ref.clusters.find((c) => c.code === 'KL')!;
    const [ind1, ind2] = kl.indicators;
    expect([ind1.number, ind2.number]).toEqual([1, 2]);
    const expected1 = await t.call('evidence.expectations', { indicatorNumber: 1 });
    const expected2 = await t.call('evidence.expectations', { indicatorNumber: 2 });
    expect(expected1.map((e) => e.title)).toEqual(['Perda tentang Kabupaten/Kota Layak Anak', 'SK atau Perkada pelaksanaan KLA']);
    expect(expected2.map((e) => e.title)).toContain('SK Gugus Tugas KLA');

    const attach = (indicatorId: number, expectationId: number | undefined, text: string, year = 2024) =>
      t.call('evidence.attach', { indicatorId, evaluationYear: year, expectationId, fileName: `${text}.pdf`, base64: b64(pdfBytes(text)), evidenceDate: '2024-05-01' });
    await attach(ind1.id, expected1[0].id, 'perda');
    await attach(ind1.id, expected1[0].id, 'perda-salinan');
    await attach(ind2.id, expected2[0].id, 'sk-gt');
    await attach(ind2.id, undefined, 'lain-lain');
    // Another year's file does not count for 2024.
    await attach(ind2.id, expected2[1].id, 'rad-2025', 2025);

    const c = await t.call('evidence.completeness', { year: 2024 });
    const row1 = c.indicators.find((i) => i.indicatorId === ind1.id)!;
    const row2 = c.indicators.find((i) => i.indicatorId === ind2.id)!;
    expect(row1).toMatchObject({ number: 1, presentCount: 1, missing: ['SK atau Perkada pelaksanaan KLA'], fileCount: 2 });
    expect(row1.expected.map((e) => e.present)).toEqual([2, 0]);
    expect(row2).toMatchObject({ presentCount: 1, fileCount: 2 });
    expect(row2.missing).toHaveLength(expected2.length - 1);

    const klaster = c.clusters.find((x) => x.code === 'KL')!;
    const klExpected = kl.indicators.reduce((n, i) => n + c.indicators.find((r) => r.indicatorId === i.id)!.expected.length, 0);
    expect(klaster).toMatchObject({ expectedCount: klExpected, presentCount: 2 });
    expect(klaster.ratio).toBeCloseTo(2 / klExpected);
    expect(c.clusters.find((x) => x.code === 'III')).toMatchObject({ presentCount: 0, ratio: 0 });
    // Every indicator of the set is listed with at least one expected item.
    expect(c.indicators.length).toBe(ref.clusters.reduce((n, cl) => n + cl.indicators.length, 0));
    expect(c.indicators.every((i) => i.expected.length > 0)).toBe(true);
  });

  it('an expected item of another indicator cannot be claimed', async () => {
    const ref = await t.call('reference.get', { year: 2024 });
    const ind1 = ref.clusters[0].indicators[0];
    const [ofTwo] = await t.call('evidence.expectations', { indicatorNumber: 2 });
    const error = await t.fail('evidence.attach', { indicatorId: ind1.id, evaluationYear: 2024, expectationId: ofTwo.id, fileName: 'x.pdf', base64: b64(pdfBytes()), evidenceDate: '2024-05-01' });
    expect(error.message).toContain('indikator lain');
  });
});
