import type { boardOps } from '../../../shared/api/board';
import type { CoreContext, HandlersOf } from '../handler-types';
import { indicatorBoard } from './board';
import { indicatorHistory } from './history';

/** Papan indikator: the year per indicator, and one indicator's history across rakor. */
export function boardHandlers({ db }: CoreContext): HandlersOf<typeof boardOps> {
  return {
    'reference.board': ({ year }) => indicatorBoard(db, year),
    'reference.indicatorHistory': ({ indicatorId, year }) => indicatorHistory(db, indicatorId, year),
  };
}
