import { useApiQuery } from '../api/useApi';

/**
 * The reference set (klaster, indikator, predikat) in force for an evaluation year. One cached
 * query per year, shared by every screen that needs it (home, new meeting, klaster picker, Indikator KLA).
 */
export function useReference(year: number) {
  return useApiQuery('reference.get', { year });
}
