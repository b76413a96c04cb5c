import { zipSync } from 'fflate';
import type { agencyRecapOps } from '../../../shared/api/agency-recap';
import type { OpParsed } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { paperSuffix } from '../export/file-name';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { regionToday } from '../db/clock';
import { getProfile } from '../region-profile/repository';
import { agenciesWithRecap, agencyRecap } from './recap';
import { agencyRecapFileName, renderAgencyRecap } from './letter';
import { yearScope } from '../board/year-facts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Rekap per instansi on screen, as a one-page letter, and every agency's letter in one zip. */
export function agencyRecapHandlers({ db }: CoreContext): HandlersOf<typeof agencyRecapOps> {
  return {
    'agency.recap': ({ agencyId, year }) => agencyRecap(db, agencyId, year),
    // Every recap is read first (one consistent view), then the documents are packed (async).
    'export.agencyRecap': asyncHandler(async ({ agencyId, all, year, paper }: OpParsed<'export.agencyRecap'>) => {
      const profile = getProfile(db);
      const date = regionToday(db);
      const { year: y } = yearScope(db, year);
      const ids = agencyId === undefined ? agenciesWithRecap(db, y) : [agencyId];
      if (ids.length === 0) throw AppError.of('NOT_FOUND', 'export.nothingToRecap', { year: y });
      const recaps = ids.map((id) => agencyRecap(db, id, y));
      if (!all) {
        const recap = recaps[0];
        return { fileName: agencyRecapFileName(recap, paper), base64: base64(await renderAgencyRecap(recap, { profile, date, paper })) };
      }
      const files: Record<string, Uint8Array> = {};
      for (const recap of recaps) {
        let name = agencyRecapFileName(recap, paper);
        if (name in files) name = name.replace(/\.docx$/, ` (${recap.agency.id}).docx`);
        files[name] = await renderAgencyRecap(recap, { profile, date, paper });
      }
      // Word files are already deflated inside: storing them again compressed gains little.
      return { fileName: safeFileName(`Rekap KLA ${y} - semua instansi`, 'zip', paperSuffix(paper)), base64: base64(zipSync(files, { level: 1 })) };
    }),
  };
}
