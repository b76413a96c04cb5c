import { useId, useState } from 'react';
import { BLANK_ROWS, LAMPIRAN_CODES, LAMPIRAN_LABEL, type LampiranCode } from '../../shared/api/export';
import type { Paper } from '../../shared/types';
import { api } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { deliver } from './download';
import { navigate } from '../router';
import { previewPath } from '../../shared/preview-route';

// Word documents of one rakor: the notulen with the lampiran the user ticks, and the blank
// daftar hadir to print before the meeting. In the desktop app the file goes through the save
// dialog ('file.save'); in the browser it is downloaded.

type Busy = null | 'notulen' | 'daftarHadir';
type Outcome = { kind: 'success' | 'error'; text: string } | null;

const LEGEND = { fontWeight: 600, fontSize: '.92rem', marginBottom: '.3rem' } as const;
const FIELDSET = { border: 'none', padding: 0, margin: '0 0 1rem' } as const;
const PAPER_LABEL: Record<Paper, string> = { A4: 'A4 (210 × 297 mm)', F4: 'F4 / Folio (215 × 330 mm)' };

export function ExportPanel({ meetingId }: { meetingId: number }) {
  const ids = useId();
  const [lampiran, setLampiran] = useState<LampiranCode[]>([...LAMPIRAN_CODES]);
  // Empty = automatic (the core sizes the sheet from the invitations).
  const [rows, setRows] = useState<string>('');
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // The paper defaults to the region profile's; the user may switch for this export only.
  const profile = useApiQuery('regionProfile.get', {});
  const [chosenPaper, setPaper] = useState<Paper | null>(null);
  const paper = chosenPaper ?? profile.data?.paper ?? (profile.error ? 'A4' : null);

  const rowCount = Number(rows);
  const rowsValid = rows.trim() === '' || (/^\d+$/.test(rows.trim()) && rowCount >= BLANK_ROWS.min && rowCount <= BLANK_ROWS.max);

  function toggle(code: LampiranCode, on: boolean) {
    setLampiran((list) => LAMPIRAN_CODES.filter((c) => (c === code ? on : list.includes(c))));
  }

  // While a document is put together its button stays enabled (aria-disabled, ignored clicks): a
  // disabled button would drop the focus to the page body (issue 15). The status line announces it.
  // The documents are reads, but asked for on a click and never shown again: called directly, not cached.
  async function run(kind: Exclude<Busy, null>) {
    if (busy) return;
    setBusy(kind);
    setOutcome(null);
    try {
      const file = kind === 'notulen'
        ? await api.call('export.minutes', { meetingId, paper: paper ?? undefined, lampiran })
        : await api.call('export.attendanceSheet', { meetingId, paper: paper ?? undefined, ...(rows.trim() === '' ? {} : { rows: rowCount }) });
      const message = await deliver(file);
      if (message) setOutcome({ kind: 'success', text: message });
    } catch (error) {
      const e = error as Error & { fields?: { message: string }[] };
      const details = e.fields?.length ? ` ${e.fields.map((f) => f.message).join(' ')}` : '';
      setOutcome({ kind: 'error', text: `${e.message || 'Dokumen gagal disusun.'}${details}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card export-panel" aria-labelledby={`${ids}-title`} aria-busy={busy !== null}>
      <h2 id={`${ids}-title`} className="section-title">Ekspor dokumen Word dan PDF</h2>

      <fieldset className="field" style={FIELDSET} disabled={busy !== null}>
        <legend style={LEGEND}>Ukuran kertas</legend>
        {(['A4', 'F4'] as const).map((p) => (
          <label key={p} className="checkbox" style={{ fontWeight: 400 }}>
            {/* width auto: the app's stylesheet stretches text inputs, and radios with them. */}
            <input type="radio" style={{ width: 'auto' }} name={`${ids}-paper`} value={p} checked={paper === p} onChange={() => setPaper(p)} /> {PAPER_LABEL[p]}
          </label>
        ))}
      </fieldset>

      <fieldset className="field" style={FIELDSET} disabled={busy !== null}>
        <legend style={LEGEND}>Lampiran notulen</legend>
        {LAMPIRAN_CODES.map((code) => (
          <label key={code} className="checkbox" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={lampiran.includes(code)} onChange={(e) => toggle(code, e.target.checked)} /> {LAMPIRAN_LABEL[code]}
          </label>
        ))}
      </fieldset>

      <div className="form-actions">
        <button type="button" className="primary" disabled={paper === null} aria-disabled={busy !== null} onClick={() => void run('notulen')}>
          {busy === 'notulen' ? 'Menyusun dokumen…' : 'Unduh notulen (.docx)'}
        </button>
        <button type="button" disabled={paper === null} onClick={() => navigate(previewPath({ meetingId, document: 'notulen', paper: paper ?? undefined, lampiran }))}>
          Pratinjau dan PDF notulen
        </button>
      </div>

      <div className={`field${rowsValid ? '' : ' has-error'}`}>
        <label htmlFor={`${ids}-rows`}>Jumlah baris daftar hadir kosong</label>
        <input
          id={`${ids}-rows`}
          type="number"
          inputMode="numeric"
          style={{ maxWidth: '8rem' }}
          min={BLANK_ROWS.min}
          max={BLANK_ROWS.max}
          value={rows}
          placeholder="otomatis"
          disabled={busy !== null}
          aria-invalid={!rowsValid}
          aria-describedby={`${ids}-rows-note`}
          onChange={(e) => setRows(e.target.value)}
        />
        <div id={`${ids}-rows-note`} className={rowsValid ? 'field-hint' : 'field-error'} role={rowsValid ? undefined : 'alert'}>
          {rowsValid
            ? `Untuk dicetak sebelum rapat dan ditandatangani peserta. Kosongkan agar otomatis: jumlah instansi yang diundang + 10, paling sedikit ${BLANK_ROWS.default}.`
            : `Jumlah baris harus antara ${BLANK_ROWS.min} dan ${BLANK_ROWS.max}.`}
        </div>
      </div>
      <div className="form-actions">
        <button type="button" disabled={paper === null || !rowsValid} aria-disabled={busy !== null} onClick={() => void run('daftarHadir')}>
          {busy === 'daftarHadir' ? 'Menyusun dokumen…' : 'Unduh daftar hadir kosong (.docx)'}
        </button>
        <button type="button" disabled={paper === null || !rowsValid}
          onClick={() => navigate(previewPath({ meetingId, document: 'daftarHadir', paper: paper ?? undefined, lampiran, ...(rows.trim() === '' ? {} : { rows: rowCount }) }))}>
          Pratinjau dan PDF daftar hadir
        </button>
      </div>

      <div role="status" aria-live="polite">
        {busy && <p className="muted">Menyusun dokumen…</p>}
        {outcome?.kind === 'success' && <p className="notice notice-success">{outcome.text}</p>}
      </div>
      {outcome?.kind === 'error' && <p className="notice notice-error" role="alert">{outcome.text}</p>}
    </section>
  );
}
