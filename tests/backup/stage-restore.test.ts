import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { createBackend } from '../../src-main/core/backend';
import { cleanDataFolderLeftovers } from '../../src-main/core/backup/leftovers';
import { discardStaged, stageRestore } from '../../src-main/core/backup/restore';
import { backupStorePath } from '../../src-main/core/backup/evidence-store';
import { evidenceFiles, storedPath } from '../../src-main/core/evidence/file-store';
import type { EvidenceFiles } from '../../src-main/core/backup/evidence-manifest';
import type { BackupInfo } from '../../shared/api/backup';
import type { Evidence } from '../../shared/api/evidence';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { resultData } from '../support/closing-backends';
import { b64, jpegBytes, pdfBytes } from '../support/evidence-files';
import { backupZip, partsOf } from '../support/hostile-backup';
import { strictLog } from '../support/strict-log';

// stageRestore on its own (the first, checking half of a restore, which changes nothing): what it
// reports as it goes, which evidence files it fetches and counts, the names it stages under, and
// how a backup of format 1 (no files) or with files listed as absent is staged.

let zip: string;
let store: string;
let evidence: Evidence[];
/** A title longer than any message shows. */
const LONG_TITLE = `Foto kegiatan forum anak ${'dan dokumentasi pendukung lainnya '.repeat(8)}`.trim();

beforeAll(async () => {
  const source = tempDir('rakor-stage-source-');
  const b = createBackend({ dataDir: source, runtime: 'cli', log: strictLog() });
  try {
    evidence = [];
    for (const [fileName, bytes, title] of [
      ['foto.jpg', jpegBytes(), LONG_TITLE],
      ['perda.pdf', pdfBytes('Perda '.repeat(2000)), 'Perda KLA'],
    ] as const) {
      evidence.push(await resultData<Evidence>(b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName, base64: b64(bytes), evidenceDate: '2025-03-10', title })));
    }
    const info = await resultData<BackupInfo>(b.invoke('backup.create', {}));
    zip = info.file;
    store = path.dirname(zip);
  } finally {
    b.close();
  }
}, 60_000);

/** Stages `file` into a fresh data folder, recording every progress report. */
async function stage(file: string, dataDir = tempDir('rakor-stage-target-'), files: EvidenceFiles = evidenceFiles) {
  const reports: number[] = [];
  const staged = await stageRestore(file, dataDir, { evidence: files, onProgress: (f) => reports.push(f) });
  return { staged, reports, dataDir };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('stageRestore', () => {
  it('fetches every file the data folder lacks, counts them, and reports a rising fraction that ends at 1', async () => {
    const { staged, reports, dataDir } = await stage(zip);
    expect([staged.evidenceFiles, staged.evidenceCopied]).toEqual([2, 2]);
    for (const e of evidence) {
      const at = path.join(staged.stagedEvidence, path.relative(dataDir, storedPath(dataDir, e.sha256)));
      expect(fs.readFileSync(at)).toEqual(fs.readFileSync(backupStorePath(store, e.sha256)));
    }
    // Within 0..1, never going back, ending at 1, with steps inside the checking part and while copying.
    expect(reports.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports[reports.length - 1]).toBe(1);
    const distinct = [...new Set(reports)];
    expect(distinct.length).toBeGreaterThanOrEqual(4);
    // Copying moves the bar in proportion to bytes: the first file copied takes its share of the
    // copying part (from the step before copying to the end), whichever of the two it is.
    const [photo, perda] = evidence;
    expect(photo.sizeBytes * 10).toBeLessThan(perda.sizeBytes);
    const copying = distinct.slice(-3);
    const share = (copying[1] - copying[0]) / (copying[2] - copying[0]);
    const shares = [photo, perda].map((e) => e.sizeBytes / (photo.sizeBytes + perda.sizeBytes));
    expect(shares.some((s) => Math.abs(s - share) < 0.001)).toBe(true);
    // Each copied file is reported while it is copied and again once it is done.
    expect(reports.filter((f) => f === copying[1])).toHaveLength(2);
    discardStaged(staged);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('copies only what the data folder does not already hold intact', async () => {
    const dataDir = tempDir('rakor-stage-target-');
    const [photo, perda] = evidence;
    fs.mkdirSync(path.dirname(storedPath(dataDir, photo.sha256)), { recursive: true });
    fs.copyFileSync(backupStorePath(store, photo.sha256), storedPath(dataDir, photo.sha256));
    // A file under the right name whose bytes differ is fetched again.
    fs.mkdirSync(path.dirname(storedPath(dataDir, perda.sha256)), { recursive: true });
    fs.writeFileSync(storedPath(dataDir, perda.sha256), 'rusak');
    const { staged, reports } = await stage(zip, dataDir);
    expect([staged.evidenceFiles, staged.evidenceCopied]).toEqual([2, 1]);
    expect(fs.existsSync(path.join(staged.stagedEvidence, path.relative(dataDir, storedPath(dataDir, photo.sha256))))).toBe(false);
    expect(fs.existsSync(path.join(staged.stagedEvidence, path.relative(dataDir, storedPath(dataDir, perda.sha256))))).toBe(true);
    expect(reports[reports.length - 1]).toBe(1);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    discardStaged(staged);
  });

  it('works without a progress listener', async () => {
    const dataDir = tempDir('rakor-stage-target-');
    const staged = await stageRestore(zip, dataDir, { evidence: evidenceFiles });
    expect(staged.evidenceCopied).toBe(2);
    discardStaged(staged);
  });

  it('stages under names that start-up removes if the restore is killed before its journal', async () => {
    const { staged, dataDir } = await stage(zip);
    const names = fs.readdirSync(dataDir).sort();
    expect(names).toEqual([path.basename(staged.stagedFile), path.basename(staged.stagedEvidence)].sort());
    expect(cleanDataFolderLeftovers(dataDir).sort()).toEqual(names);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('a backup of format 1 carries no files: none is fetched, the restored database keeps what the folder has', async () => {
    const parts = partsOf(zip);
    const old = path.join(tempDir('rakor-stage-format1-'), 'lama.zip');
    fs.writeFileSync(old, backupZip({ metadata: parts.metadata, database: parts.database }, { formatVersion: 1, manifestSha256: undefined, evidenceFiles: undefined, evidenceBytes: undefined }));
    const { staged, reports } = await stage(old);
    expect([staged.metadata.formatVersion, staged.evidenceFiles, staged.evidenceCopied]).toEqual([1, 2, 0]);
    expect(fs.existsSync(staged.stagedEvidence)).toBe(false);
    expect(reports[reports.length - 1]).toBe(1);
    discardStaged(staged);
  });

  it('a file the manifest lists as absent (missing when the backup was taken) is not fetched, and the restore goes on', async () => {
    const parts = partsOf(zip);
    const manifest = JSON.parse(new TextDecoder().decode(parts.manifest)) as { files: { sha256: string; bytes: number; absent?: true }[] };
    const [photo] = evidence;
    manifest.files = manifest.files.map((f) => (f.sha256 === photo.sha256 ? { ...f, absent: true } : f));
    const folder = tempDir('rakor-stage-absent-');
    fs.cpSync(path.join(store, 'berkas'), path.join(folder, 'berkas'), { recursive: true });
    // The store beside it does not have the photo either.
    fs.rmSync(backupStorePath(folder, photo.sha256));
    const bytes = strToU8(JSON.stringify(manifest));
    const file = path.join(folder, 'absen.zip');
    fs.writeFileSync(file, backupZip({ ...parts, manifest: bytes }, { manifestSha256: crypto.createHash('sha256').update(bytes).digest('hex') }));
    const { staged } = await stage(file);
    expect([staged.evidenceFiles, staged.evidenceCopied]).toEqual([2, 1]);
    discardStaged(staged);
  });

  it('names a missing evidence file by its title, cut to a length a message can show', async () => {
    const folder = tempDir('rakor-stage-missing-');
    fs.copyFileSync(zip, path.join(folder, 'cadangan.zip'));
    fs.cpSync(path.join(store, 'berkas'), path.join(folder, 'berkas'), { recursive: true });
    const [photo] = evidence;
    fs.rmSync(backupStorePath(folder, photo.sha256));
    const dataDir = tempDir('rakor-stage-target-');
    const error = await refusal(stage(path.join(folder, 'cadangan.zip'), dataDir));
    expect(error.code).toBe('INVALID_BACKUP');
    expect(LONG_TITLE.length).toBeGreaterThan(200);
    expect(error.message).not.toContain(LONG_TITLE);
    expect(error.message).toContain(LONG_TITLE.slice(0, 100));
    expect(error.message).toContain(path.join(folder, 'berkas'));
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('names an unexpected entry, cut to a length a message can show', async () => {
    const parts = partsOf(zip);
    const name = `catatan-${'sangat-panjang-'.repeat(20)}.txt`;
    const file = path.join(tempDir('rakor-stage-entry-'), 'asing.zip');
    fs.writeFileSync(file, backupZip(parts, {}, { [name]: strToU8('isi') }));
    const dataDir = tempDir('rakor-stage-target-');
    const error = await refusal(stage(file, dataDir));
    expect(error.code).toBe('INVALID_BACKUP');
    expect(error.message).not.toContain(name);
    expect(error.message).toContain(name.slice(0, 100));
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('any other failure while staging is refused as not a backup, with nothing left behind', async () => {
    const broken: EvidenceFiles = {
      ...evidenceFiles,
      pathOf: () => {
        throw new Error('disk hilang');
      },
    };
    const dataDir = tempDir('rakor-stage-target-');
    const error = await refusal(stage(zip, dataDir, broken));
    expect([error.code, error.message]).toEqual(['INVALID_BACKUP', t('backup.notZip')]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
