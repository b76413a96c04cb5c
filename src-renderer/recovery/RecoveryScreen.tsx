import { useState } from 'react';
import { BACKUP_REASON_LABEL, type BackupInfo, type RecoveryStatus } from '../../shared/api/backup';
import { useApiMutation } from '../api/useApi';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { describeContents, formatBackupTime } from '../backup/backup-format';

// Shown instead of the app when the start-up check found the database damaged. It explains in
// plain words what happened, that nothing was deleted, and offers the newest good backup.

export function RecoveryScreen({ status, onResolved }: { status: RecoveryStatus; onResolved(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askFresh, setAskFresh] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const restoration = useApiMutation('backup.restore');
  const freshStart = useApiMutation('backup.recovery.startFresh');
  const newest = status.backups[0];
  const movedFile = status.movedTo[0] ?? '';

  async function restore(b: BackupInfo) {
    setBusy(true);
    setError(null);
    try {
      await restoration.call({ file: b.file });
      onResolved();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  async function startFresh() {
    setAskFresh(false);
    setBusy(true);
    try {
      await freshStart.call({});
      onResolved();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery-box">
        <h1 id="recovery-title">Data perlu dipulihkan</h1>
        <p>
          Saat dibuka, Rakor KLA memeriksa basis data dan menemukan bahwa berkasnya rusak. Ini biasanya terjadi bila komputer mati
          mendadak atau media penyimpanan bermasalah.
        </p>
        <p>
          <strong>Tidak ada yang dihapus.</strong> Berkas yang rusak sudah dipindahkan dan disimpan di:
          <br />
          <code className="recovery-path">{movedFile}</code>
        </p>

        {error && <p className="form-error" role="alert">{error}</p>}

        {newest ? (
          <div className="card recovery-offer">
            <h2>Pulihkan cadangan terbaru</h2>
            <p className="recovery-when">
              {formatBackupTime(newest.createdAt)}
              {newest.reason && <span className="recovery-reason"> · {BACKUP_REASON_LABEL[newest.reason]}</span>}
            </p>
            <p className="muted">{describeContents(newest)}</p>
            <p className="field-hint">Perubahan setelah waktu cadangan ini perlu dimasukkan lagi.</p>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(newest)}>
              {busy ? 'Memulihkan…' : 'Pulihkan cadangan terbaru'}
            </button>
            {status.backups.length > 1 && (
              <p>
                <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                  {showAll ? 'Sembunyikan cadangan lain' : `Pilih cadangan lain (${status.backups.length - 1})`}
                </button>
              </p>
            )}
            {showAll && (
              <ul className="recovery-list">
                {status.backups.slice(1).map((b) => (
                  <li key={b.file}>
                    <span>{formatBackupTime(b.createdAt)} — {describeContents(b)}</span>
                    <button type="button" disabled={busy} onClick={() => void restore(b)}>Pulihkan</button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="card recovery-offer">
            <h2>Tidak ada cadangan</h2>
            <p>
              Tidak ditemukan cadangan di <code>{status.folder}</code>. Bila cadangan ada di flashdisk, pasang flashdisk lalu muat
              ulang halaman ini.
            </p>
          </div>
        )}

        <div className="recovery-fresh">
          <button type="button" className="danger-text" disabled={busy} onClick={() => setAskFresh(true)}>
            Mulai dengan data kosong
          </button>
          <span className="field-hint">Berkas yang rusak tetap disimpan untuk diperiksa petugas TI.</span>
        </div>

        <details className="recovery-detail">
          <summary>Rincian teknis</summary>
          <p>Hasil pemeriksaan: {status.problem}</p>
          <p>Waktu: {status.detectedAt ? formatBackupTime(status.detectedAt) : '—'}</p>
          <ul>
            {status.movedTo.map((f) => <li key={f}><code>{f}</code></li>)}
          </ul>
        </details>
      </div>
      <ConfirmDialog
        open={askFresh}
        title="Mulai dengan data kosong?"
        message="Aplikasi akan dibuka dengan data kosong. Berkas yang rusak tetap tersimpan, dan cadangan masih dapat dipulihkan nanti dari menu Cadangan."
        confirmLabel="Mulai dengan data kosong"
        danger
        onConfirm={() => void startFresh()}
        onCancel={() => setAskFresh(false)}
      />
    </main>
  );
}
