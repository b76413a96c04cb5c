import { useRef, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { deliver, readFileBase64 } from '../export/download';

/**
 * The year's template to fill in (.xlsx) and the import of a filled one. A refused file lists
 * every row/column message the core found; nothing is imported until every cell is valid.
 */
export function ScoreFiles({ year, onImported }: { year: number; onImported(): void }) {
  const importer = useApiMutation('score.import');
  const notice = useNotice();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<null | 'export' | 'import'>(null);
  const [problems, setProblems] = useState<{ title: string; lines: string[] } | null>(null);

  async function exportTemplate() {
    if (busy) return;
    setBusy('export');
    try {
      const message = await deliver(await api.call('score.exportTemplate', { year }));
      if (message) notice('success', message);
    } catch (e) {
      notice('error', (e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file || busy) return;
    setBusy('import');
    setProblems(null);
    try {
      const result = await importer.call({ year, base64: await readFileBase64(file) });
      onImported();
      notice('success', `Nilai tahun ${result.year} diimpor: ${result.written} nilai tersimpan${result.cleared > 0 ? `, ${result.cleared} dikosongkan` : ''}.`);
    } catch (e) {
      const lines = e instanceof ApiCallError ? e.fields.map((f) => f.message) : [];
      setProblems({ title: `Berkas "${file.name}" tidak diimpor; tidak ada nilai yang diubah. ${lines.length > 0 ? 'Perbaiki isian berikut lalu impor lagi:' : (e as Error).message}`, lines });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <button type="button" aria-disabled={busy !== null} onClick={() => void exportTemplate()}>
        {busy === 'export' ? 'Menyusun templat…' : 'Unduh templat .xlsx'}
      </button>
      <label className="button file-button">
        {busy === 'import' ? 'Mengimpor…' : 'Impor nilai .xlsx'}
        <input ref={input} type="file" className="visually-hidden" aria-label="Impor nilai dari berkas .xlsx"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
      {problems && (
        <div className="import-problems notice-error" role="alert" data-testid="import-problems">
          <p>{problems.title}</p>
          {problems.lines.length > 0 && <ul>{problems.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
          <button type="button" className="small-button" onClick={() => setProblems(null)}>Tutup</button>
        </div>
      )}
    </>
  );
}
