import { t } from '../../shared/messages';

// Points as typed on the Indikator KLA screen: "45,5" or "45.5", 0..1000, empty for none.

export const pointsProblem = (v: string) => {
  const s = v.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^\d+(\.\d+)?$/.test(s) && Number(s) <= 1000 ? undefined : t('field.points');
};
export const toPoints = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(',', '.')));
export const showPoints = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
