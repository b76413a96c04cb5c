import type { systemOps } from '../../../shared/api/system';
import type { CoreContext, HandlersOf } from '../handler-types';
import { schemaVersionOf } from '../db/database';
import { listReferenceYears } from '../reference/repository';

export function systemHandlers(ctx: CoreContext): HandlersOf<typeof systemOps> {
  return {
    'system.info': () => ({
      appVersion: ctx.appVersion,
      schemaVersion: schemaVersionOf(ctx.db),
      dataDir: ctx.dataDir,
      runtime: ctx.runtime,
      evaluationYears: listReferenceYears(ctx.db),
    }),
  };
}
