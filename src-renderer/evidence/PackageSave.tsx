import { useEffect, useState } from 'react';
import type { PackageSaved } from '../../shared/api/evidence';
import { formatBytes, formatNumber } from '../../shared/format';
import { api, ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { isElectron } from '../api/transport';
import { useNotice } from '../components/Notice';
import { usePoll } from '../hooks/usePoll';

// "Simpan paket data dukung {year}" on the Data dukung screen: one .zip of the year's evidence by
// klaster and indicator, with the checklist and the year's notulen, to upload or hand over. The
// desktop app asks where with its save dialog; in the browser the user types a folder (empty =
// the Documents folder the core names). The core writes it; this screen polls its progress.

/**
 * "Menyusun paket: 37 dari 120 berkas", asked every half second while the package of `year` is
 * written; named with its year when the screen shows another. `onEnd` hears when the core says
 * nothing runs any more (a package started before this screen was opened).
 */
function PackageProgress({ year, shownYear, onEnd }: { year: number; shownYear: number; onEnd?: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  usePoll(() => api.call('evidence.packageStatus', {}), (s) => {
    if (s.running?.year === year && s.running.total > 0) setProgress({ done: s.running.done, total: s.running.total });
    else if (!s.running) onEnd?.();
  }, year);
  const what = year === shownYear ? 'Menyusun paket' : `Menyusun paket data dukung ${year}`;
  return (
    <div className="package-progress" role="status">
      <label htmlFor="package-progress-bar">
        {progress ? `${what}: ${formatNumber(progress.done)} dari ${formatNumber(progress.total)} berkas` : `${what}…`}
      </label>
      <progress id="package-progress-bar" max={progress?.total ?? 1} value={progress?.done ?? 0} />
    </div>
  );
}

type Saved = Extract<PackageSaved, { saved: true }>;

/** Where the package went and what it holds; the files left out, as the CLI prints them. */
function PackageResult({ year, result }: { year: number; result: Saved }) {
  return (
    <div className={`package-result${result.problems.length > 0 ? ' has-problems' : ''}`} role="status" data-testid="package-result">
      <p>
        <strong>Paket data dukung {year} disimpan</strong> di <code className="package-path">{result.path}</code>
      </p>
      <p>
        {formatNumber(result.files)} berkas data dukung ({formatBytes(result.bytes)}), {formatNumber(result.minutes)} notulen rakor, dan daftar periksa kelengkapan (.xlsx).
      </p>
      {result.problems.length > 0 && (
        <>
          <p className="form-error">
            {formatNumber(result.problems.length)} berkas tidak dimasukkan karena hilang atau berubah di folder data. Pulihkan dari cadangan, lalu simpan paket lagi:
          </p>
          <ul className="package-problems" aria-label="Berkas yang tidak dimasukkan">
            {result.problems.map((line) => <li key={line}>{line}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

export function PackageSave({ year }: { year: number }) {
  const save = useApiMutation('evidence.savePackage');
  // The default folder (the user's Documents, in the core's words), a package still being written
  // from an earlier visit, and the last one saved.
  const status = useApiQuery('evidence.packageStatus', {});
  // Asked afresh on each visit: cached reads never go stale by themselves here.
  const { refetch } = status;
  useEffect(() => {
    void refetch();
  }, [refetch]);
  const notice = useNotice();
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  // The year whose package is being written (the screen may show another year meanwhile).
  const [busy, setBusy] = useState<{ year: number } | null>(null);
  const [result, setResult] = useState<{ year: number; saved: Saved } | null>(null);

  async function run() {
    setFolderError(null);
    setBusy({ year });
    setResult(null);
    try {
      const saved = await save.call(isElectron ? { year } : { year, folder: folder.trim() });
      if (!saved.saved) return;
      setResult({ year, saved });
      notice(saved.problems.length > 0 ? 'error' : 'success', saved.problems.length > 0 ? `Paket disimpan, tetapi ${saved.problems.length} berkas tidak dimasukkan.` : `Paket data dukung ${year} disimpan.`);
    } catch (e) {
      const message = e instanceof ApiCallError ? (e.fieldMessage('folder') ?? e.message) : (e as Error).message;
      if (e instanceof ApiCallError && e.fieldMessage('folder')) setFolderError(message);
      else notice('error', message);
    } finally {
      setBusy(null);
    }
  }

  const defaultFolder = status.data?.defaultFolder;
  // Written by this screen, or started before it was opened (the core knows).
  const running = status.data?.running;
  const writing = busy ?? (running ? { year: running.year } : null);
  const shown = result ?? status.data?.last ?? null;
  return (
    <section className="card package-card" aria-labelledby="package-title">
      <h2 id="package-title">Paket data dukung {year}</h2>
      <p className="field-hint">
        Satu berkas .zip berisi data dukung tahun {year} per klaster dan indikator, daftar periksa kelengkapan (.xlsx), dan notulen rakor tahun itu: siap diunggah atau diserahkan.
      </p>
      <form
        className="package-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {isElectron ? (
          <button type="submit" className="primary" disabled={writing !== null}>{writing ? 'Menyimpan paket…' : `Simpan paket data dukung ${year}`}</button>
        ) : (
          <div className={`field${folderError ? ' has-error' : ''}`}>
            <label htmlFor="package-folder">Simpan ke folder</label>
            <div className="package-row">
              <input
                id="package-folder"
                value={folder}
                placeholder={defaultFolder ?? ''}
                onChange={(e) => setFolder(e.target.value)}
                disabled={writing !== null}
                aria-invalid={folderError ? true : undefined}
                aria-describedby={folderError ? 'package-folder-error' : 'package-folder-hint'}
              />
              <button type="submit" className="primary" disabled={writing !== null}>{writing ? 'Menyimpan paket…' : `Simpan paket data dukung ${year}`}</button>
            </div>
            {folderError
              ? <span id="package-folder-error" className="field-error">{folderError}</span>
              : <span id="package-folder-hint" className="field-hint">Kosongkan untuk folder bawaan{defaultFolder ? <>: <code>{defaultFolder}</code></> : ''}. Nama berkas: <code>Paket data dukung {year}.zip</code>; paket yang sudah ada di folder itu tidak diganti: yang baru diberi nomor, misalnya <code>(2)</code>.</span>}
          </div>
        )}
      </form>
      {writing && <PackageProgress year={writing.year} shownYear={year} onEnd={busy ? undefined : () => void status.refetch()} />}
      {!writing && shown?.year === year && <PackageResult year={year} result={shown.saved} />}
    </section>
  );
}
