import { useState } from 'react';
import { useApiMutation } from '../api/useApi';
import { errorMessageOf } from '../hooks/useAutosave';

/** The award year of an evaluation year (the 2025 award uses the 2024 evaluation): saved on leaving the field. */
export function AwardYearField({ year, awardYear }: { year: number; awardYear: number }) {
  const mutation = useApiMutation('score.setAwardYear');
  const [text, setText] = useState(String(awardYear));
  const [error, setError] = useState<string>();
  async function save() {
    if (text.trim() === String(awardYear)) return;
    const next = text.trim() === '' ? null : Number(text.trim());
    if (next !== null && (!/^\d{4}$/.test(text.trim()) || next < year)) {
      setError(`Tahun penghargaan diisi 4 angka, tidak sebelum ${year}.`);
      return;
    }
    try {
      await mutation.call({ year, awardYear: next });
      setError(undefined);
    } catch (e) {
      setError(errorMessageOf(e, 'awardYear'));
    }
  }
  return (
    <div className={`field narrow-field${error ? ' has-error' : ''}`}>
      <label htmlFor="award-year">Tahun penghargaan</label>
      <input id="award-year" inputMode="numeric" value={text} aria-invalid={Boolean(error)} onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()} onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}
