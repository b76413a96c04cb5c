import type { indicatorReviewOps } from '../../../shared/api/indicator-review';
import type { CoreContext, HandlersOf } from '../handler-types';
import { upsertReview } from './repository';

export function indicatorReviewHandlers({ db }: CoreContext): HandlersOf<typeof indicatorReviewOps> {
  return {
    'indicatorReview.upsert': (input) => upsertReview(db, input),
  };
}
