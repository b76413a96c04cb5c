import fsp from 'node:fs/promises';
import path from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import type { Db } from '../db/database';
import type { Evidence } from '../../../shared/api/evidence';
import { EVIDENCE_MEDIA_TYPES } from '../../../shared/api/evidence';
import { formatDate } from '../../../shared/format';
import { newWorkbook, styleHeader } from '../xlsx/workbook';
import { completeness } from './completeness';
import { sha256Async, storedPath } from './file-store';
import { fsyncDirAsync } from '../backup/durable';
import { regionToday } from '../db/clock';
import { loadMinutesData } from '../export/minutes-data';
import { renderMinutes } from '../export/minutes-document';
import { saveError } from '../export/save-file';
import { minutesFileName } from '../export/file-name';
import { safeName } from './names';
import { freeName } from '../../../shared/file-name';

// Paket data dukung: one evaluation year's evidence as a zip laid out by klaster and indicator
// ("Klaster I - Hak Sipil dan Kebebasan/Indikator 04 - …/01 Judul.pdf") with a checklist .xlsx of
// what is present and missing. Files are streamed into the zip one at a time (no compression:
// PDFs and photos are compressed already), each verified against its hash first: a missing or
// altered file is not packed and is listed as a problem. The notulen of that year's rakor go in
// too, as .docx, rendered exactly as "Unduh notulen" renders them (a closed meeting from the
// snapshot signed at closing, never from rows edited since).

export interface PackageResult {
  files: number;
  bytes: number;
  problems: string[];
  checklistName: string;
  /** How many notulen (.docx) are in the package. */
  minutes: number;
}

/** The folder of the year's notulen inside the package. */
export const minutesFolder = (year: number) => `Notulen rakor ${year}`;

const IN_YEAR = `FROM meeting WHERE date >= ? AND date < ?`;
const YEAR_MEETINGS = `SELECT id ${IN_YEAR} ORDER BY date, start_time, id`;
const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;
const yearMeetingCount = (db: Db, year: number) =>
  (db.prepare(`SELECT count(*) AS n ${IN_YEAR}`).get(...yearRange(year)) as { n: number }).n;

/** Every meeting held in `year` as its notulen .docx: entry name and bytes, by date. */
async function* yearMinutes(db: Db, year: number): AsyncGenerator<{ entry: string; bytes: Uint8Array }> {
  const meetings = db.prepare(YEAR_MEETINGS).all(...yearRange(year)) as { id: number }[];
  const taken = new Set<string>();
  for (const { id } of meetings) {
    const data = loadMinutesData(db, id);
    // Compared without letter case: Windows and macOS would unzip two such names onto one file.
    const unique = freeName(minutesFileName(data.meeting.title, data.meeting.date), (candidate) => taken.has(candidate.toLowerCase()));
    taken.add(unique.toLowerCase());
    yield { entry: `${minutesFolder(year)}/${unique}`, bytes: await renderMinutes(data) };
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

interface PlannedFile {
  entry: string;
  evidence: Evidence;
}

function planEntries(db: Db, year: number) {
  const c = completeness(db, year);
  const clusterNames = new Map(c.clusters.map((x) => [x.code, x.name]));
  const byIndicator = db
    .prepare(
      `SELECT id, sha256, size_bytes AS sizeBytes, media_type AS mediaType, original_name AS originalName, title, evidence_date AS evidenceDate,
              notes, indicator_id AS indicatorId, evaluation_year AS evaluationYear, expectation_id AS expectationId
       FROM evidence WHERE evaluation_year = ? ORDER BY indicator_id, evidence_date, id`,
    )
    .all(year) as Evidence[];
  const planned: PlannedFile[] = [];
  for (const indicator of c.indicators) {
    const folder = `Klaster ${indicator.clusterCode} - ${safeName(clusterNames.get(indicator.clusterCode) ?? '')}/Indikator ${pad2(indicator.number)} - ${safeName(indicator.name, 60)}`;
    byIndicator
      .filter((e) => e.indicatorId === indicator.indicatorId)
      .forEach((e, i) => {
        const ext = EVIDENCE_MEDIA_TYPES[e.mediaType];
        // The leading number alone keeps names in a folder apart, in any letter case: it ends at
        // the first space, and a safeName never starts with one.
        const name = `${pad2(i + 1)} ${safeName(e.title.replace(new RegExp(`\\.${ext}$`, 'i'), ''), 70)}.${ext}`;
        planned.push({ entry: `${folder}/${name}`, evidence: e });
      });
  }
  return { c, planned };
}

async function checklist(year: number, today: string, plan: ReturnType<typeof planEntries>, missingFiles: Set<number>): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Kelengkapan');
  sheet.columns = [
    { header: 'Klaster', key: 'klaster', width: 9 },
    { header: 'No.', key: 'no', width: 6 },
    { header: 'Indikator', key: 'indikator', width: 45 },
    { header: 'Data dukung', key: 'item', width: 45 },
    { header: 'Status', key: 'status', width: 12 },
    { header: 'Berkas dalam paket', key: 'berkas', width: 60 },
  ];
  styleHeader(sheet, 1);
  const entriesOf = (filter: (e: Evidence) => boolean) =>
    plan.planned.filter((p) => filter(p.evidence) && !missingFiles.has(p.evidence.id)).map((p) => p.entry).join('\n');
  // Items present per klaster, counted from the rows above: an item whose only file is missing or
  // altered on disk is "Belum ada" there, so the summary must not count it (the app's Kelengkapan
  // counts claims; the package's checklist counts what the package holds). As in the app, a
  // klaster with nothing expected is complete.
  const present = new Map<string, number>();
  for (const ind of plan.c.indicators) {
    for (const item of ind.expected) {
      const files = entriesOf((e) => e.indicatorId === ind.indicatorId && e.expectationId === item.id);
      if (files) present.set(ind.clusterCode, (present.get(ind.clusterCode) ?? 0) + 1);
      sheet.addRow({ klaster: ind.clusterCode, no: ind.number, indikator: ind.name, item: item.title, status: files ? 'Ada' : 'Belum ada', berkas: files });
    }
    const others = entriesOf((e) => e.indicatorId === ind.indicatorId && e.expectationId === null);
    if (others) sheet.addRow({ klaster: ind.clusterCode, no: ind.number, indikator: ind.name, item: 'Lainnya', status: 'Ada', berkas: others });
  }
  sheet.getColumn('berkas').alignment = { wrapText: true, vertical: 'top' };
  const summary = workbook.addWorksheet('Per klaster');
  summary.columns = [
    { header: 'Klaster', key: 'code', width: 9 },
    { header: 'Nama', key: 'name', width: 40 },
    { header: 'Diharapkan', key: 'expected', width: 12 },
    { header: 'Ada', key: 'present', width: 8 },
    { header: 'Kelengkapan', key: 'ratio', width: 13 },
  ];
  styleHeader(summary, 1);
  for (const k of plan.c.clusters) {
    const n = present.get(k.code) ?? 0;
    summary.addRow({ code: k.code, name: k.name, expected: k.expectedCount, present: n, ratio: k.expectedCount === 0 ? 1 : n / k.expectedCount });
  }
  summary.getColumn('ratio').numFmt = '0.0%';
  workbook.title = `Kelengkapan data dukung KLA tahun ${year} (dibuat ${formatDate(today)})`;
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** How far the writing is: entries of the zip done (evidence files, notulen, checklist) of all. */
export interface PackageProgress {
  done: number;
  total: number;
}

/** The stored bytes if present and intact, read and hashed on the thread pool; else why not. */
async function readIntactAsync(dataDir: string, sha256: string): Promise<Buffer | 'missing' | 'altered'> {
  let data: Buffer;
  try {
    data = await fsp.readFile(storedPath(dataDir, sha256));
  } catch {
    return 'missing';
  }
  return (await sha256Async(data)) === sha256 ? data : 'altered';
}

/**
 * Writes the year's package to `outFile` (through a temporary name beside it, renamed when
 * complete). Missing or altered files are left out and named in `problems`.
 *
 * A year's package can be gigabytes: every file is read, hashed and written with async calls
 * (libuv's thread pool), one at a time, so the app's main thread keeps answering between them
 * (other screens, the progress query) and at most one stored file is in memory.
 */
export async function writeEvidencePackage(db: Db, dataDir: string, year: number, outFile: string, onProgress?: (progress: PackageProgress) => void): Promise<PackageResult> {
  const plan = planEntries(db, year);
  const meetings = yearMeetingCount(db, year);
  const total = plan.planned.length + meetings + 1;
  let done = 0;
  const step = () => onProgress?.({ done: ++done, total });
  onProgress?.({ done, total });
  const temp = `${outFile}.sebagian`;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(temp, 'w');
  } catch (error) {
    throw saveError(error);
  }
  const problems: string[] = [];
  const missing = new Set<number>();
  let bytes = 0;
  let failed: Error | null = null;
  // fflate hands chunks over synchronously; they are queued and written after each entry.
  const pending: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else pending.push(chunk);
  });
  const flush = async () => {
    while (pending.length > 0) await handle.write(pending.shift() as Uint8Array);
  };
  const add = async (name: string, data: Uint8Array) => {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
    await flush();
    step();
  };
  try {
    for (const { entry, evidence } of plan.planned) {
      const data = await readIntactAsync(dataDir, evidence.sha256);
      if (typeof data === 'string') {
        problems.push(`${entry}: ${data === 'altered' ? 'berkas berubah di disk' : 'berkas hilang'} (${evidence.originalName})`);
        missing.add(evidence.id);
        step();
        continue;
      }
      await add(entry, data);
      bytes += data.length;
    }
    let minutes = 0;
    for await (const doc of yearMinutes(db, year)) {
      await add(doc.entry, doc.bytes);
      minutes++;
    }
    const checklistName = `Checklist data dukung ${year}.xlsx`;
    // The day in the region, not UTC's: a package made at 06:30 WIB is dated that day.
    await add(checklistName, await checklist(year, regionToday(db), plan, missing));
    zip.end();
    await flush();
    if (failed) throw failed;
    await handle.sync();
    await handle.close();
    await fsp.rename(temp, outFile);
    await fsyncDirAsync(path.dirname(outFile));
    return { files: plan.planned.length - missing.size, bytes, problems, checklistName, minutes };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(temp, { force: true });
    // What the system refused (a full or FAT32 drive, a folder in the way) in the user's words;
    // anything else (a damaged notulen snapshot) as it is.
    throw typeof (error as { code?: unknown })?.code === 'string' ? saveError(error) : error;
  }
}
