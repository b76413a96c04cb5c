import type { Db } from '../db/database';
import { SCORE_STAGES, SCORE_STAGE_SHORT, type ScoreStage } from '../../../shared/kla';
import { cellMessage, rangeProblem, readCellNumber } from '../../../shared/cell-number';
import type { ScoreImportResult, ScoreRow } from '../../../shared/api/score';
import type { ExportedFile } from '../../../shared/api/export';
import { cellText, locateColumns, newWorkbook, readWorkbook, refuseIfProblems, requireSheet, styleHeader, toExportedFile } from '../xlsx/workbook';
import { safeFileName } from '../../../shared/file-name';
import { awardYearOf, loadYearScores } from './repository';

// The score template: one row per indicator and sub-indicator with the year's scores as real
// numbers, to fill in and import back. Rows are matched by the "No" column ("21", "21a"), so the
// user may sort or delete rows; columns by their heading.

export const SCORE_SHEET = 'Nilai';
const FIXED_HEADERS = ['No', 'Klaster', 'Indikator', 'Poin maks.'] as const;
export const SCORE_HEADERS = [...FIXED_HEADERS, ...SCORE_STAGES.map((s) => SCORE_STAGE_SHORT[s])];
const HEADER_ROW = 3;
const SCORE_FORMAT = '0.00';

export function scoreTemplateFileName(year: number): string {
  return safeFileName(`Nilai Evaluasi KLA ${year}`, 'xlsx');
}

export async function exportScoreTemplate(db: Db, year: number): Promise<ExportedFile> {
  const { rows } = loadYearScores(db, year);
  const own = ownScores(db, year);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(SCORE_SHEET);
  sheet.getCell('A1').value = `Nilai Evaluasi KLA tahun ${year} (penghargaan ${awardYearOf(db, year)})`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value =
    'Isi nilai per tahap (EM = evaluasi mandiri, VA = verifikasi administrasi provinsi, Pusat = verifikasi pusat, Akhir = verifikasi lapangan). Sel kosong = belum ada nilai. Jangan ubah kolom No.';
  sheet.getRow(HEADER_ROW).values = SCORE_HEADERS;
  styleHeader(sheet, HEADER_ROW);
  sheet.columns = [{ width: 6 }, { width: 12 }, { width: 60 }, { width: 11 }, ...SCORE_STAGES.map(() => ({ width: 10 }))];
  for (const r of rows) {
    // An indicator row shows only what was entered for the indicator itself; its sub-items'
    // sum is derived, and writing it back would freeze it as the indicator's own score.
    const scores = r.subIndicatorId === null ? own.get(r.indicatorId) : r.scores;
    const row = sheet.addRow([r.label, clusterName(r), r.name, r.maxPoints, ...SCORE_STAGES.map((s) => scores?.[s] ?? null)]);
    row.getCell(4).numFmt = SCORE_FORMAT;
    SCORE_STAGES.forEach((_, i) => (row.getCell(5 + i).numFmt = SCORE_FORMAT));
    row.getCell(3).alignment = { wrapText: true, vertical: 'top', indent: r.subIndicatorId === null ? 0 : 1 };
    if (r.subIndicatorId === null) row.getCell(3).font = { bold: true };
  }
  return toExportedFile(workbook, scoreTemplateFileName(year));
}

function clusterName(r: ScoreRow): string {
  return r.clusterCode === 'KL' ? 'Kelembagaan' : `Klaster ${r.clusterCode}`;
}

/** Scores entered for indicators themselves (not derived from sub-items). */
function ownScores(db: Db, year: number): Map<number, Partial<Record<ScoreStage, number>>> {
  const map = new Map<number, Partial<Record<ScoreStage, number>>>();
  for (const r of db.prepare(`SELECT indicator_id AS id, stage, score FROM indicator_score WHERE year = ?`).all(year) as { id: number; stage: ScoreStage; score: number }[]) {
    map.set(r.id, { ...map.get(r.id), [r.stage]: r.score });
  }
  return map;
}

interface ParsedScore {
  row: ScoreRow;
  scores: Record<ScoreStage, number | null>;
}

/** Reads and checks every cell; throws with all problems, or returns the rows to write. */
export async function parseScoreFile(db: Db, year: number, base64: string): Promise<ParsedScore[]> {
  const sheet = requireSheet(await readWorkbook(base64), SCORE_SHEET, true);
  const { headerRow, column } = locateColumns(sheet, SCORE_HEADERS);
  const byLabel = new Map(loadYearScores(db, year).rows.map((r) => [r.label.toLowerCase(), r]));
  const problems: string[] = [];
  const parsed: ParsedScore[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const label = cellText(row.getCell(column.get('No')!).value).replace(/\s+/g, '');
    const stageCells = SCORE_STAGES.map((s) => row.getCell(column.get(SCORE_STAGE_SHORT[s])!).value);
    if (label === '') {
      // A blank row, or a total row someone added: fine as long as it holds no score.
      if (stageCells.some((v) => readCellNumber(v).ok && (readCellNumber(v) as { value: number | null }).value !== null)) {
        problems.push(cellMessage(r, 'No', 'kosong, padahal baris ini berisi nilai'));
      }
      continue;
    }
    const target = byLabel.get(label.toLowerCase());
    if (!target) {
      problems.push(cellMessage(r, 'No', `indikator "${label}" tidak ada di set indikator tahun ${year}`));
      continue;
    }
    if (seen.has(label.toLowerCase())) {
      problems.push(cellMessage(r, 'No', `indikator ${label} sudah ada di baris ${seen.get(label.toLowerCase())}`));
      continue;
    }
    seen.set(label.toLowerCase(), r);
    const scores = { EM: null, VA: null, PUSAT: null, FINAL: null } as Record<ScoreStage, number | null>;
    SCORE_STAGES.forEach((stage, i) => {
      const read = readCellNumber(stageCells[i]);
      const heading = SCORE_STAGE_SHORT[stage];
      if (!read.ok) return problems.push(cellMessage(r, heading, read.reason));
      if (read.value === null) return;
      const problem = rangeProblem(read.value, target.maxPoints);
      if (problem) return problems.push(cellMessage(r, heading, problem));
      scores[stage] = read.value;
    });
    parsed.push({ row: target, scores });
  }
  refuseIfProblems(problems);
  return parsed;
}

/**
 * Writes what the file says for the rows it lists: a number sets the score, a blank removes it.
 * Runs inside the caller's transaction, so the file lands whole or not at all.
 */
export function writeScores(db: Db, year: number, parsed: ParsedScore[]): ScoreImportResult {
  let written = 0;
  let cleared = 0;
  const statements = {
    indicator: {
      del: db.prepare(`DELETE FROM indicator_score WHERE year = ? AND indicator_id = ? AND stage = ?`),
      put: db.prepare(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET score = excluded.score`),
    },
    sub: {
      del: db.prepare(`DELETE FROM sub_indicator_score WHERE year = ? AND sub_indicator_id = ? AND stage = ?`),
      put: db.prepare(`INSERT INTO sub_indicator_score (year, sub_indicator_id, stage, score) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET score = excluded.score`),
    },
  };
  for (const { row, scores } of parsed) {
    const [s, key] = row.subIndicatorId === null ? [statements.indicator, row.indicatorId] : [statements.sub, row.subIndicatorId];
    for (const stage of SCORE_STAGES) {
      const value = scores[stage];
      if (value === null) cleared += s.del.run(year, key, stage).changes;
      else {
        s.put.run(year, key, stage, value);
        written++;
      }
    }
  }
  return { year, written, cleared };
}
