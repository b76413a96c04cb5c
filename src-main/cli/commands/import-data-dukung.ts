import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { MAX_EVIDENCE_BYTES } from '../../../shared/api/evidence';
import { formatBytes, todayIso } from '../../../shared/format';
import { dataDirFromArgs } from '../../core/data-dir';
import { sha256Of } from '../../core/evidence/file-store';
import { withWriter } from '../reader';
import { numberOption, requireOption } from './export-args';

// Bulk import for IT staff: FOLDER holds one subfolder per indicator, named by its number
// ("05", "5", "21a" for a Klaster V sub-item); every file in it becomes data dukung of that
// indicator in the year. What was imported and what was skipped (and why) is printed; a file
// already attached to the same indicator and year (same content) is skipped, so a second run
// after fixing a few files imports only those.

const FOLDER_NAME = /^0*(\d{1,2})([a-z])?$/i;

export const importDataDukungCommand: CliCommand = {
  name: 'import-data-dukung',
  summary: 'Impor data dukung dari folder: subfolder per nomor indikator (05/, 21a/), setiap berkas dilampirkan ke indikator itu pada tahun evaluasi.',
  usage: 'import-data-dukung FOLDER --year 2024 --data-dir D',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, year: { type: 'string' } } });
    const year = numberOption(requireOption(values.year, 'year')) as number;
    if (positionals.length !== 1) throw new AppError('VALIDATION', 'Sebutkan satu folder yang akan diimpor.');
    const root = path.resolve(positionals[0]);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new AppError('NOT_FOUND', `Folder tidak ditemukan: ${root}`);

    const imported: string[] = [];
    const skipped: string[] = [];
    await withWriter(dataDirFromArgs(argv), async (call) => {
      const ref = await call('reference.get', { year });
      const indicators = new Map(ref.clusters.flatMap((c) => c.indicators).map((i) => [i.number, i]));
      for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const where = entry.name;
        if (!entry.isDirectory()) {
          skipped.push(`${where}: berkas di luar subfolder indikator`);
          continue;
        }
        const match = FOLDER_NAME.exec(entry.name);
        const indicator = match ? indicators.get(Number(match[1])) : undefined;
        if (!match || !indicator) {
          skipped.push(`${where}/: bukan nomor indikator tahun ${year}`);
          continue;
        }
        const sub = match[2]?.toLowerCase();
        if (sub && !indicator.subIndicators.some((s) => s.code.toLowerCase() === `${indicator.number}${sub}` || s.code.toLowerCase() === sub)) {
          skipped.push(`${where}/: indikator ${indicator.number} tidak punya sub-indikator ${indicator.number}${sub}`);
          continue;
        }
        const existing = new Set((await call('evidence.list', { indicatorId: indicator.id, evaluationYear: year })).map((e) => e.sha256));
        const folder = path.join(root, entry.name);
        for (const file of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const label = `${entry.name}/${file.name}`;
          if (!file.isFile()) {
            skipped.push(`${label}: bukan berkas biasa (subfolder tidak dibaca)`);
            continue;
          }
          const full = path.join(folder, file.name);
          const stat = fs.statSync(full);
          // Refused before it is read: a 2 GB video never reaches memory.
          if (stat.size > MAX_EVIDENCE_BYTES) {
            skipped.push(`${label}: ${t('evidence.tooLarge', { size: formatBytes(stat.size), max: formatBytes(MAX_EVIDENCE_BYTES) })}`);
            continue;
          }
          const bytes = fs.readFileSync(full);
          if (existing.has(sha256Of(bytes))) {
            skipped.push(`${label}: sudah ada pada indikator ${indicator.number} tahun ${year}`);
            continue;
          }
          try {
            const e = await call('evidence.attach', {
              indicatorId: indicator.id,
              evaluationYear: year,
              fileName: file.name,
              base64: bytes.toString('base64'),
              title: path.parse(file.name).name,
              evidenceDate: todayIso('WIB', stat.mtime),
              notes: sub ? `Sub-indikator ${indicator.number}${sub}` : '',
            });
            existing.add(e.sha256);
            imported.push(`${label} -> indikator ${indicator.number} (${formatBytes(e.sizeBytes)})`);
          } catch (error) {
            skipped.push(`${label}: ${error instanceof Error ? error.message.split('\n').join(' ') : String(error)}`);
          }
        }
      }
    });
    console.log(`Diimpor (${imported.length}):`);
    for (const line of imported) console.log(`  ${line}`);
    console.log(`Dilewati (${skipped.length}):`);
    for (const line of skipped) console.log(`  ${line}`);
    return 0;
  },
};
