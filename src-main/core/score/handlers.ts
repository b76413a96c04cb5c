import type { scoreOps } from '../../../shared/api/score';
import type { OpParsed } from '../../../shared/api/contract';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { listYearScores, projectYear, setAwardYear, setIndicatorScore, setYearScore, yearSummary } from './repository';
import { exportScoreTemplate, parseScoreFile, writeScores } from './workbook';

export function scoreHandlers({ db }: CoreContext): HandlersOf<typeof scoreOps> {
  return {
    'score.list': () => listYearScores(db),
    'score.set': ({ year, stage, total }) => setYearScore(db, year, stage, total),
    'score.summary': ({ year }) => yearSummary(db, year),
    'score.setIndicator': ({ year, stage, indicatorId, subIndicatorId, score }) => {
      setIndicatorScore(db, year, stage, indicatorId, subIndicatorId, score);
      return yearSummary(db, year);
    },
    'score.setAwardYear': ({ year, awardYear }) => {
      setAwardYear(db, year, awardYear);
      return yearSummary(db, year);
    },
    'score.whatIf': ({ year, baseStage, projected }) => projectYear(db, year, projected, baseStage),
    // Async: exceljs packs and unpacks zips with promises. The read happens in one go first.
    'score.exportTemplate': asyncHandler(async ({ year }: OpParsed<'score.exportTemplate'>) => exportScoreTemplate(db, year)),
    'score.import': asyncHandler(async ({ year, base64 }: OpParsed<'score.import'>) => {
      const parsed = await parseScoreFile(db, year, base64);
      // Every cell was valid: write them all in one transaction (all or nothing).
      return db.transaction(() => writeScores(db, year, parsed)).immediate();
    }),
  };
}
