import type { exportOps } from '../../../shared/api/export';
import type { OpParsed } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { loadMinutesData, type MinutesData } from './minutes-data';
import { documentationPhotos, type StoredFileReader } from './lampiran-documentation';
import type { LampiranCode } from '../../../shared/api/export';
import type { Paper } from '../../../shared/types';
import { minutesModel, renderMinutes } from './minutes-document';
import { attendanceSheetModel, renderAttendanceSheet } from './attendance-sheet';
import { attendanceFileName, minutesFileName, pdfFileName } from './file-name';
import { saveError } from './save-file';
import { TRACKER_DOCX_MAX } from '../../../shared/api/export';
import { formatNumber } from '../../../shared/format';
import { regionToday } from '../db/clock';
import { getProfile } from '../region-profile/repository';
import { trackAll } from '../tracker/tracker';
import { trackerFilterText } from '../tracker/filter-text';
import { renderTrackerDocument } from './tracker-document';
import { exportTrackerWorkbook, trackerFileName } from './tracker-workbook';

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * `readStored` gives the verified bytes of a stored evidence file by hash (the backend hands in
 * the evidence store's reader, so this feature does not depend on that one).
 */
export function exportHandlers(ctx: CoreContext, readStored: StoredFileReader): HandlersOf<typeof exportOps> {
  const { db } = ctx;
  // The notulen's options with its Lampiran Dokumentasi photos read, only when that lampiran is asked for.
  const minutesOptions = (data: MinutesData, paper: Paper | undefined, lampiran: readonly LampiranCode[]) => ({
    paper,
    lampiran,
    photos: lampiran.includes('IV') ? documentationPhotos(data.documentation, readStored) : [],
  });
  return {
    // Async because packing the zip awaits; the data itself is read in one snapshot first.
    'export.minutes': asyncHandler(async ({ meetingId, paper, lampiran }: OpParsed<'export.minutes'>) => {
      const data = loadMinutesData(db, meetingId);
      const bytes = await renderMinutes(data, minutesOptions(data, paper, lampiran));
      return { fileName: minutesFileName(data.meeting.title, data.meeting.date, paper ?? data.profile.paper), base64: base64(bytes) };
    }),
    'export.attendanceSheet': asyncHandler(async ({ meetingId, rows, paper }: OpParsed<'export.attendanceSheet'>) => {
      const data = loadMinutesData(db, meetingId);
      const bytes = await renderAttendanceSheet(data, { paper, rows });
      return { fileName: attendanceFileName(data.meeting.title, data.meeting.date, paper ?? data.profile.paper), base64: base64(bytes) };
    }),
    'export.preview': ({ meetingId, document, paper, lampiran, rows }: OpParsed<'export.preview'>) => {
      const data = loadMinutesData(db, meetingId);
      return document === 'daftarHadir' ? attendanceSheetModel(data, { paper, rows }) : minutesModel(data, minutesOptions(data, paper, lampiran));
    },
    'export.pdf': asyncHandler(async (request: OpParsed<'export.pdf'>) => {
      if (!ctx.printPdf || !ctx.saveFile) throw AppError.of('IO', 'export.pdfUnavailable');
      const data = loadMinutesData(db, request.meetingId);
      const bytes = await ctx.printPdf(request);
      const docxName = request.document === 'daftarHadir'
        ? attendanceFileName(data.meeting.title, data.meeting.date, request.paper ?? data.profile.paper)
        : minutesFileName(data.meeting.title, data.meeting.date, request.paper ?? data.profile.paper);
      try {
        return await ctx.saveFile(pdfFileName(docxName), bytes);
      } catch (error) {
        throw saveError(error);
      }
    }),
    // The list is read in one go (one snapshot), then packed.
    'export.tracker': asyncHandler(async ({ format, paper, ...filter }: OpParsed<'export.tracker'>) => {
      const { rows } = trackAll(db, filter);
      const today = regionToday(db);
      const filterText = trackerFilterText(db, filter);
      if (format === 'xlsx') return exportTrackerWorkbook(rows, filterText, today);
      if (rows.length > TRACKER_DOCX_MAX) {
        throw AppError.of('VALIDATION', 'export.trackerTooMany', { count: formatNumber(rows.length), max: formatNumber(TRACKER_DOCX_MAX) });
      }
      const bytes = await renderTrackerDocument({ profile: getProfile(db), rows, filterText, today, paper });
      return { fileName: trackerFileName(today, 'docx'), base64: base64(bytes) };
    }),
    'file.save': asyncHandler(async ({ fileName, dataBase64 }: OpParsed<'file.save'>) => {
      if (!ctx.saveFile) throw AppError.of('IO', 'export.saveUnavailable');
      try {
        return await ctx.saveFile(fileName, new Uint8Array(Buffer.from(dataBase64, 'base64')));
      } catch (error) {
        throw saveError(error);
      }
    }),
  };
}
