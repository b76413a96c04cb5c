import type { Db } from '../db/database';
import type { ClusterCompleteness, Completeness, IndicatorCompleteness } from '../../../shared/api/evidence';
import { referenceYearFor } from '../reference/repository';

// Kelengkapan: per indicator of the year's reference set, the evidence the instrument expects
// (evidence_expectation, by indicator number, editable) and how many files claim each item.

interface IndicatorRow {
  indicatorId: number;
  clusterCode: string;
  clusterName: string;
  number: number;
  name: string;
}

export function completeness(db: Db, year: number): Completeness {
  const referenceYear = referenceYearFor(db, year);
  const indicators = db
    .prepare(
      `SELECT i.id AS indicatorId, c.code AS clusterCode, c.name AS clusterName, i.number, i.name
       FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ? ORDER BY c.position, i.number`,
    )
    .all(referenceYear) as IndicatorRow[];
  const expected = db.prepare(`SELECT id, indicator_number AS n, title FROM evidence_expectation ORDER BY indicator_number, position`).all() as { id: number; n: number; title: string }[];
  const present = new Map(
    (db
      .prepare(`SELECT indicator_id AS i, expectation_id AS e, count(*) AS n FROM evidence WHERE evaluation_year = ? AND expectation_id IS NOT NULL GROUP BY indicator_id, expectation_id`)
      .all(year) as { i: number; e: number; n: number }[]).map((r) => [`${r.i}:${r.e}`, r.n]),
  );
  const files = new Map(
    (db.prepare(`SELECT indicator_id AS i, count(*) AS n FROM evidence WHERE evaluation_year = ? GROUP BY indicator_id`).all(year) as { i: number; n: number }[]).map((r) => [r.i, r.n]),
  );
  const result: IndicatorCompleteness[] = indicators.map((ind) => {
    const items = expected.filter((e) => e.n === ind.number).map((e) => ({ id: e.id, title: e.title, present: present.get(`${ind.indicatorId}:${e.id}`) ?? 0 }));
    return {
      indicatorId: ind.indicatorId,
      clusterCode: ind.clusterCode,
      number: ind.number,
      name: ind.name,
      expected: items,
      presentCount: items.filter((i) => i.present > 0).length,
      missing: items.filter((i) => i.present === 0).map((i) => i.title),
      fileCount: files.get(ind.indicatorId) ?? 0,
    };
  });
  const clusters: ClusterCompleteness[] = [];
  for (const ind of indicators) {
    if (!clusters.some((c) => c.code === ind.clusterCode)) clusters.push({ code: ind.clusterCode, name: ind.clusterName, expectedCount: 0, presentCount: 0, ratio: 1 });
  }
  for (const r of result) {
    const cluster = clusters.find((c) => c.code === r.clusterCode)!;
    cluster.expectedCount += r.expected.length;
    cluster.presentCount += r.presentCount;
  }
  for (const c of clusters) c.ratio = c.expectedCount === 0 ? 1 : c.presentCount / c.expectedCount;
  return { year, referenceYear, indicators: result, clusters };
}
