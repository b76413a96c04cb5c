import type ExcelJS from 'exceljs';
import type { Db } from '../db/database';
import type { EvaluationYear } from '../../../shared/types';
import type { ExportedFile } from '../../../shared/api/export';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { cellMessage, formatPlain, rangeProblem, readCellNumber } from '../../../shared/cell-number';
import { cellText, locateColumns, newWorkbook, readWorkbook, refuseIfProblems, requireSheet, styleHeader, toExportedFile } from '../xlsx/workbook';
import { safeFileName } from '../../../shared/file-name';
import { getEvaluationYear } from './repository';
import { linkWrittenNames, setUsualAgencyIds, usualAgenciesText } from './usual-agencies';

// A year's reference set (the ministry's instrument) as a workbook: sheet "Indikator" with one
// row per indicator and per sub-indicator, sheet "Predikat" with the bands. Importing creates or
// replaces that year's own set; a set that meetings or scores already point at may only change
// its wording, points and bands, never its structure (that would orphan what was discussed).

export const INDICATOR_SHEET = 'Indikator';
export const BAND_SHEET = 'Predikat';
export const INDICATOR_HEADERS = ['Kode klaster', 'Klaster', 'No', 'Sub', 'Nama', 'Instansi terkait', 'Poin maks.'] as const;
export const BAND_HEADERS = ['Predikat', 'Nilai min.', 'Nilai maks.'] as const;
const POINT_FORMAT = '0.00';

export function referenceFileName(year: number): string {
  return safeFileName(`Indikator KLA ${year}`, 'xlsx');
}

export async function exportReference(db: Db, year: number): Promise<ExportedFile> {
  const set = getEvaluationYear(db, year);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(INDICATOR_SHEET);
  sheet.addRow([...INDICATOR_HEADERS]);
  styleHeader(sheet, 1);
  sheet.columns = [{ width: 13 }, { width: 45 }, { width: 6 }, { width: 6 }, { width: 70 }, { width: 30 }, { width: 11 }];
  for (const c of set.clusters) {
    for (const i of c.indicators) {
      // The linked agencies by name, then any text still unmatched: a re-import links them again.
      sheet.addRow([c.code, c.name, i.number, '', i.name, usualAgenciesText(db, i.id, i.usualAgencies), i.maxPoints]).getCell(7).numFmt = POINT_FORMAT;
      for (const s of i.subIndicators) sheet.addRow([c.code, c.name, i.number, s.code, s.name, '', s.maxPoints]).getCell(7).numFmt = POINT_FORMAT;
    }
  }
  const bands = workbook.addWorksheet(BAND_SHEET);
  bands.addRow([...BAND_HEADERS]);
  styleHeader(bands, 1);
  bands.columns = [{ width: 14 }, { width: 12 }, { width: 12 }];
  for (const b of set.bands) {
    const row = bands.addRow([b.name, b.minScore, b.maxScore]);
    row.getCell(2).numFmt = POINT_FORMAT;
    row.getCell(3).numFmt = POINT_FORMAT;
  }
  return toExportedFile(workbook, referenceFileName(set.year));
}

interface ParsedSub { code: string; name: string; maxPoints: number | null }
interface ParsedIndicator { number: number; name: string; usualAgencies: string; maxPoints: number | null; subs: ParsedSub[] }
interface ParsedCluster { code: string; name: string; indicators: ParsedIndicator[] }
export interface ParsedReference { clusters: ParsedCluster[]; bands: { name: string; minScore: number; maxScore: number }[] }

function text(problems: string[], row: number, column: string, value: string, max: number, required: boolean): string {
  if (required && value === '') problems.push(cellMessage(row, column, 'wajib diisi'));
  else if (value.length > max) problems.push(cellMessage(row, column, `terlalu panjang (maksimal ${max} karakter)`));
  return value;
}

function points(problems: string[], row: number, column: string, raw: ExcelJS.CellValue, required: boolean): number | null {
  const read = readCellNumber(raw);
  if (!read.ok) return problems.push(cellMessage(row, column, read.reason)), null;
  if (read.value === null) {
    if (required) problems.push(cellMessage(row, column, 'wajib diisi'));
    return null;
  }
  const problem = rangeProblem(read.value, null);
  if (problem) return problems.push(cellMessage(row, column, problem)), null;
  return read.value;
}

export async function parseReferenceFile(base64: string): Promise<ParsedReference> {
  const workbook = await readWorkbook(base64);
  const sheet = requireSheet(workbook, INDICATOR_SHEET);
  const { headerRow, column: col } = locateColumns(sheet, INDICATOR_HEADERS);
  const problems: string[] = [];
  const clusters: ParsedCluster[] = [];
  const indicators = new Map<number, { indicator: ParsedIndicator; row: number }>();
  const subRows = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (h: (typeof INDICATOR_HEADERS)[number]) => row.getCell(col.get(h)!).value;
    if (INDICATOR_HEADERS.every((h) => cellText(get(h)) === '')) continue;
    const code = text(problems, r, 'Kode klaster', cellText(get('Kode klaster')).toUpperCase(), 10, true);
    const clusterName = text(problems, r, 'Klaster', cellText(get('Klaster')), 200, true);
    const noText = cellText(get('No'));
    const number = /^\d{1,3}$/.test(noText) && Number(noText) > 0 ? Number(noText) : null;
    if (number === null) problems.push(cellMessage(r, 'No', noText === '' ? 'wajib diisi' : `"${noText}" bukan nomor indikator`));
    const subCode = cellText(get('Sub')).toLowerCase();
    const badSub = subCode !== '' && !/^[a-z0-9]{1,10}$/.test(subCode);
    if (badSub) problems.push(cellMessage(r, 'Sub', `"${subCode}" bukan kode sub-indikator (mis. a, b, c)`));
    const name = text(problems, r, 'Nama', cellText(get('Nama')), 500, true);
    const agencies = text(problems, r, 'Instansi terkait', cellText(get('Instansi terkait')), 300, false);
    const maxPoints = points(problems, r, 'Poin maks.', get('Poin maks.'), false);
    // The row's place in the structure is only checked once its keys are readable.
    if (number === null || code === '' || badSub) continue;
    let cluster = clusters.find((c) => c.code === code);
    if (!cluster) clusters.push((cluster = { code, name: clusterName, indicators: [] }));
    else if (clusterName !== '' && cluster.name !== clusterName) problems.push(cellMessage(r, 'Klaster', `nama klaster ${code} berbeda dengan baris sebelumnya ("${cluster.name}")`));
    const known = indicators.get(number);
    if (subCode === '') {
      if (known) problems.push(cellMessage(r, 'No', `indikator ${number} sudah ada di baris ${known.row}`));
      else {
        const indicator = { number, name, usualAgencies: agencies, maxPoints, subs: [] };
        indicators.set(number, { indicator, row: r });
        cluster.indicators.push(indicator);
      }
    } else if (!known) {
      problems.push(cellMessage(r, 'No', `sub-indikator ${number}${subCode} muncul sebelum baris indikator ${number}`));
    } else if (!cluster.indicators.includes(known.indicator)) {
      problems.push(cellMessage(r, 'Kode klaster', `indikator ${number} ada di klaster lain`));
    } else if (subRows.has(`${number}${subCode}`)) {
      problems.push(cellMessage(r, 'Sub', `sub-indikator ${number}${subCode} sudah ada di baris ${subRows.get(`${number}${subCode}`)}`));
    } else {
      subRows.set(`${number}${subCode}`, r);
      known.indicator.subs.push({ code: subCode, name, maxPoints });
    }
  }
  if (clusters.length === 0 && problems.length === 0) problems.push(t('reference.empty'));

  const bandSheet = requireSheet(workbook, BAND_SHEET);
  const { headerRow: bandHeaderRow, column: bcol } = locateColumns(bandSheet, BAND_HEADERS);
  const bands: ParsedReference['bands'] = [];
  const bandRows: number[] = [];
  for (let r = bandHeaderRow + 1; r <= bandSheet.rowCount; r++) {
    const row = bandSheet.getRow(r);
    const get = (h: (typeof BAND_HEADERS)[number]) => row.getCell(bcol.get(h)!).value;
    if (BAND_HEADERS.every((h) => cellText(get(h)) === '')) continue;
    const name = text(problems, r, 'Predikat', cellText(get('Predikat')), 40, true);
    const minScore = points(problems, r, 'Nilai min.', get('Nilai min.'), true);
    const maxScore = points(problems, r, 'Nilai maks.', get('Nilai maks.'), true);
    if (minScore === null || maxScore === null || name === '') continue;
    if (minScore > maxScore) problems.push(cellMessage(r, 'Nilai min.', `${formatPlain(minScore)} lebih besar dari nilai maks. ${formatPlain(maxScore)}`));
    const dup = bands.findIndex((b) => b.name.toLowerCase() === name.toLowerCase());
    if (dup >= 0) problems.push(cellMessage(r, 'Predikat', `${name} sudah ada di baris ${bandRows[dup]}`));
    const overlap = bands.findIndex((b) => minScore <= b.maxScore && maxScore >= b.minScore);
    if (overlap >= 0) problems.push(cellMessage(r, 'Nilai min.', `rentang tumpang tindih dengan ${bands[overlap].name} (baris ${bandRows[overlap]})`));
    bands.push({ name, minScore, maxScore });
    bandRows.push(r);
  }
  refuseIfProblems(problems);
  return { clusters, bands };
}

/** True when meetings, assignments, budget lines, RTLs or scores point into the year's own set. */
function setInUse(db: Db, year: number): boolean {
  const inSet = `SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ?`;
  return (
    db.prepare(
      `SELECT EXISTS (SELECT 1 FROM meeting_cluster WHERE cluster_id IN (SELECT id FROM cluster WHERE year = ?))
        OR EXISTS (SELECT 1 FROM indicator_review WHERE indicator_id IN (${inSet}))
        OR EXISTS (SELECT 1 FROM action_item WHERE indicator_id IN (${inSet}))
        OR EXISTS (SELECT 1 FROM budget_line WHERE indicator_id IN (${inSet}))
        OR EXISTS (SELECT 1 FROM assignment WHERE indicator_id IN (${inSet}))
        OR EXISTS (SELECT 1 FROM indicator_score WHERE indicator_id IN (${inSet}))
        OR EXISTS (SELECT 1 FROM sub_indicator_score WHERE sub_indicator_id IN (SELECT s.id FROM sub_indicator s WHERE s.indicator_id IN (${inSet})))
        AS used`,
    ).get(year, year, year, year, year, year, year) as { used: number }
  ).used === 1;
}

/** What differs in structure (clusters, indicator numbers, sub codes), for the refusal message. */
function structureDiff(current: EvaluationYear, parsed: ParsedReference): string[] {
  const shape = (clusters: { code: string; indicators: { number: number; subs: string[] }[] }[]) =>
    new Set(clusters.flatMap((c) => [`klaster ${c.code}`, ...c.indicators.flatMap((i) => [`indikator ${i.number} (${c.code})`, ...i.subs.map((s) => `sub-indikator ${i.number}${s}`)])]));
  const before = shape(current.clusters.map((c) => ({ code: c.code, indicators: c.indicators.map((i) => ({ number: i.number, subs: i.subIndicators.map((s) => s.code) })) })));
  const after = shape(parsed.clusters.map((c) => ({ code: c.code, indicators: c.indicators.map((i) => ({ number: i.number, subs: i.subs.map((s) => s.code) })) })));
  return [...[...after].filter((k) => !before.has(k)).map((k) => `${k} baru`), ...[...before].filter((k) => !after.has(k)).map((k) => `${k} hilang`)];
}

function insertSet(db: Db, year: number, parsed: ParsedReference): void {
  const insertCluster = db.prepare(`INSERT INTO cluster (year, code, name, position) VALUES (?, ?, ?, ?)`);
  const insertIndicator = db.prepare(`INSERT INTO indicator (cluster_id, number, name, usual_agencies, max_points) VALUES (?, ?, ?, ?, ?)`);
  const insertSub = db.prepare(`INSERT INTO sub_indicator (indicator_id, code, name, max_points) VALUES (?, ?, ?, ?)`);
  const keepUnmatched = db.prepare(`UPDATE indicator SET usual_agencies = ? WHERE id = ?`);
  parsed.clusters.forEach((c, position) => {
    const clusterId = insertCluster.run(year, c.code, c.name, position).lastInsertRowid;
    for (const i of c.indicators) {
      const indicatorId = Number(insertIndicator.run(clusterId, i.number, i.name, '', i.maxPoints).lastInsertRowid);
      keepUnmatched.run(linkWrittenNames(db, indicatorId, i.usualAgencies), indicatorId);
      for (const s of i.subs) insertSub.run(indicatorId, s.code, s.name, s.maxPoints);
    }
  });
}

function replaceBands(db: Db, year: number, bands: ParsedReference['bands']): void {
  db.prepare(`DELETE FROM predikat_band WHERE year = ?`).run(year);
  const insert = db.prepare(`INSERT INTO predikat_band (year, name, min_score, max_score) VALUES (?, ?, ?, ?)`);
  for (const b of bands) insert.run(year, b.name, b.minScore, b.maxScore);
}

/**
 * Writes a checked file as the year's own set, inside the caller's transaction: a new set, a
 * replaced unused set, or (for a set in use) new wording, points and bands on the same rows.
 */
export function writeReference(db: Db, year: number, parsed: ParsedReference): EvaluationYear {
  const exists = db.prepare(`SELECT notes FROM evaluation_year WHERE year = ?`).get(year) as { notes: string } | undefined;
  if (!exists) {
    db.prepare(`INSERT INTO evaluation_year (year, notes) VALUES (?, ?)`).run(year, `Diimpor dari berkas Excel.`);
    insertSet(db, year, parsed);
  } else if (!setInUse(db, year)) {
    db.prepare(`DELETE FROM cluster WHERE year = ?`).run(year);
    insertSet(db, year, parsed);
  } else {
    const current = getEvaluationYear(db, year);
    const diff = structureDiff(current, parsed);
    if (diff.length > 0) {
      const message = t('reference.inUse', { year, diff: diff.slice(0, 8).join(', ') + (diff.length > 8 ? `, … (${diff.length - 8} lagi)` : '') });
      throw new AppError('CONFLICT', message, [{ path: 'base64', message }]);
    }
    const cluster = db.prepare(`UPDATE cluster SET name = ? WHERE year = ? AND code = ?`);
    const indicator = db.prepare(`UPDATE indicator SET name = ?, usual_agencies = ?, max_points = ? WHERE id = ?`);
    const sub = db.prepare(`UPDATE sub_indicator SET name = ?, max_points = ? WHERE indicator_id = ? AND code = ?`);
    for (const c of parsed.clusters) {
      cluster.run(c.name, year, c.code);
      const currentCluster = current.clusters.find((x) => x.code === c.code)!;
      for (const i of c.indicators) {
        const id = currentCluster.indicators.find((x) => x.number === i.number)!.id;
        // The workbook's names replace the links: linked where they name an agency, else kept as text.
        setUsualAgencyIds(db, id, []);
        indicator.run(i.name, linkWrittenNames(db, id, i.usualAgencies), i.maxPoints, id);
        for (const s of i.subs) sub.run(s.name, s.maxPoints, id, s.code);
      }
    }
  }
  replaceBands(db, year, parsed.bands);
  return getEvaluationYear(db, year);
}
