import type { reviewOps } from '../../../shared/api/review';
import type { CoreContext, HandlersOf } from '../handler-types';
import { upsertReview } from './repository';

export function reviewHandlers({ db }: CoreContext): HandlersOf<typeof reviewOps> {
  return {
    'review.upsert': (input) => upsertReview(db, input),
  };
}
