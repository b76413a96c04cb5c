/**
 * A test's or hook's own time limit, for the few that need more than the default. A mutation
 * run caps it (`RAKOR_TEST_TIME_CAP`, set in vitest.mutation.config.ts): a mutant that leaves a
 * promise unanswered (the evidence group commit, a backup stream) would otherwise hold its
 * runner for the full one to three minutes these limits allow under `npm test`'s load.
 */
export function timeLimit(ms: number): number {
  const cap = Number(process.env.RAKOR_TEST_TIME_CAP);
  return cap > 0 ? Math.min(ms, cap) : ms;
}
