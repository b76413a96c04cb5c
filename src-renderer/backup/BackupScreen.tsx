import { useState } from 'react';
import { BACKUP_REASON_LABEL, type BackupInfo } from '../../shared/api/backup';
import { api, ApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { formatBytes } from '../../shared/format';
import { usePoll } from '../hooks/usePoll';
import { describeContents, formatBackupTime } from './backup-format';

const PROGRESS_LABEL = { backup: 'Mencadangkan data dan berkas data dukung', restore: 'Memeriksa dan memulihkan cadangan' } as const;

/**
 * How far the running backup or restore is, asked every half second while one runs (the core
 * answers this while a restore holds the database). A native <progress> is announced by screen
 * readers with its label.
 */
function BackupProgressBar({ task }: { task: 'backup' | 'restore' }) {
  const [fraction, setFraction] = useState(0);
  usePoll(() => api.call('backup.progress', {}), (p) => {
    if (p.task === task) setFraction(p.fraction);
  }, task);
  const percent = Math.round(fraction * 100);
  return (
    <div className="card backup-progress" role="status">
      <label htmlFor="backup-progress-bar">
        {PROGRESS_LABEL[task]}… {percent}%
      </label>
      <progress id="backup-progress-bar" max={100} value={percent} />
    </div>
  );
}

/** Backups: make one now, see the list with dates and contents, restore one, choose the folder. */
export function BackupScreen() {
  const list = useApiQuery('backup.list', {});
  const settings = useApiQuery('backup.settings.get', {});
  const creation = useApiMutation('backup.create');
  const restoration = useApiMutation('backup.restore');
  const folderSetting = useApiMutation('backup.settings.set');
  const notice = useNotice();
  const zone = useApiQuery('regionProfile.get', {}).data?.timeZone ?? 'WIB';
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  // What the user typed, or null while the field shows the stored setting (empty = the default folder).
  const [typedFolder, setFolder] = useState<string | null>(null);
  const folder = typedFolder ?? (settings.data && !settings.data.isDefault ? settings.data.folder : '');
  const [folderError, setFolderError] = useState<string | null>(null);

  async function backupNow() {
    setBusy('backup');
    try {
      const info = await creation.call({});
      notice('success', `Cadangan dibuat: ${info.name}`);
    } catch (e) {
      notice('error', (e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function confirmRestore() {
    const target = restoring;
    setRestoring(null);
    if (!target) return;
    setBusy('restore');
    try {
      await restoration.call({ file: target.file });
      notice('success', `Data dipulihkan dari cadangan ${formatBackupTime(target.createdAt, zone)}.`);
      // Every screen must read the restored data: start the shell afresh.
      window.setTimeout(() => window.location.reload(), 900);
    } catch (e) {
      notice('error', (e as Error).message);
      setBusy(null);
    }
  }

  async function saveFolder(value: string) {
    setFolderError(null);
    try {
      const saved = await folderSetting.call({ folder: value });
      setFolder(saved.isDefault ? null : saved.folder);
      notice('success', saved.isDefault ? 'Folder cadangan kembali ke bawaan.' : 'Folder cadangan disimpan.');
    } catch (e) {
      setFolderError(e instanceof ApiCallError ? (e.fieldMessage('folder') ?? e.message) : (e as Error).message);
    }
  }

  const backups = list.data?.backups ?? [];
  return (
    <section aria-labelledby="backup-title">
      <div className="screen-header">
        <div>
          <h1 id="backup-title">Cadangan</h1>
          <p className="subtitle">
            Rakor KLA mencadangkan data setiap hari dan setiap kali rapat ditutup. Simpan 10 cadangan terakhir dan satu per bulan selama setahun.
          </p>
        </div>
        <button type="button" className="primary backup-now" onClick={backupNow} disabled={busy !== null}>
          {busy === 'backup' ? 'Mencadangkan…' : 'Cadangkan sekarang'}
        </button>
      </div>

      {busy && <BackupProgressBar task={busy} />}
      {list.error && <p className="form-error" role="alert">{list.error.message}</p>}
      {list.data && backups.length === 0 && (
        <EmptyState title="Belum ada cadangan">Tekan “Cadangkan sekarang” untuk membuat cadangan pertama.</EmptyState>
      )}
      {backups.length > 0 && (
        <table className="data-table backup-table">
          <caption className="visually-hidden">Daftar cadangan, terbaru di atas</caption>
          <thead>
            <tr>
              <th scope="col">Tanggal</th>
              <th scope="col">Jenis</th>
              <th scope="col">Isi</th>
              <th scope="col" className="num">Ukuran</th>
              <th scope="col"><span className="visually-hidden">Tindakan</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file} className={b.readable ? undefined : 'inactive'}>
                <td>
                  {formatBackupTime(b.createdAt, zone)}
                  <div className="field-hint">{b.name}</div>
                </td>
                <td>{b.reason ? BACKUP_REASON_LABEL[b.reason] : '—'}</td>
                <td>{b.readable ? describeContents(b) : 'Bukan cadangan yang dapat dibaca'}</td>
                <td className="num">{formatBytes(b.sizeBytes)}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" disabled={!b.readable || busy !== null} onClick={() => setRestoring(b)} aria-label={`Pulihkan cadangan ${formatBackupTime(b.createdAt, zone)}`}>
                      Pulihkan
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="card section-title">
        <h2>Folder cadangan</h2>
        <p className="field-hint">
          Boleh flashdisk atau folder bersama di jaringan. Bawaan: <code>{settings.data?.defaultFolder ?? '…'}</code>
        </p>
        <form
          className="backup-folder-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveFolder(folder);
          }}
        >
          <div className={`field${folderError ? ' has-error' : ''}`}>
            <label htmlFor="backup-folder">Lokasi folder</label>
            <input
              id="backup-folder"
              value={folder}
              placeholder={settings.data?.defaultFolder ?? ''}
              onChange={(e) => setFolder(e.target.value)}
              aria-invalid={folderError ? true : undefined}
              aria-describedby={folderError ? 'backup-folder-error' : undefined}
            />
            {folderError && <span id="backup-folder-error" className="field-error">{folderError}</span>}
          </div>
          <div className="form-actions">
            {!settings.data?.isDefault && (
              <button type="button" onClick={() => void saveFolder('')}>Kembalikan ke bawaan</button>
            )}
            <button type="submit" className="primary">Simpan folder</button>
          </div>
        </form>
        {list.data && !list.data.folderAvailable && backups.length > 0 && (
          <p className="form-error">Folder cadangan tidak dapat dibuka. Pasang flashdisk atau periksa jaringan.</p>
        )}
      </div>

      <ConfirmDialog
        open={restoring !== null}
        title="Pulihkan dari cadangan?"
        message={restoring ? `Data sekarang akan dicadangkan dulu, lalu diganti dengan isi cadangan ${formatBackupTime(restoring.createdAt, zone)} (${describeContents(restoring)}).` : ''}
        confirmLabel="Pulihkan"
        danger
        onConfirm={() => void confirmRestore()}
        onCancel={() => setRestoring(null)}
      />
    </section>
  );
}
