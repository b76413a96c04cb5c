import { useMemo, useState } from 'react';
import type { TrashEntry } from '../../shared/api/trash';
import { formatTimestamp } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { useNotice } from '../components/Notice';

// Terhapus (issue 9): every deleted meeting or meeting row waits here, whole, until it is put
// back ("Pulihkan", with its original ids) or removed for good ("Hapus permanen", asked first).

export function TrashScreen() {
  const query = useApiQuery('trash.list', {});
  // Times in the region's zone, as everywhere in the app, whatever the laptop's clock says.
  const zone = useApiQuery('regionProfile.get', {}).data?.timeZone ?? 'WIB';
  const restore = useApiMutation('trash.restore');
  const purge = useApiMutation('trash.purge');
  const notice = useNotice();
  const [search, setSearch] = useState('');
  const [purging, setPurging] = useState<TrashEntry | null>(null);
  const all = useMemo(() => query.data ?? [], [query.data]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q === '' ? all : all.filter((e) => e.label.toLowerCase().includes(q));
  }, [all, search]);

  async function put(entry: TrashEntry) {
    try {
      await restore.call({ id: entry.id });
      notice('success', `Dipulihkan: ${entry.label}`);
    } catch (e) {
      notice('error', (e as Error).message);
    }
  }
  async function remove() {
    const entry = purging;
    setPurging(null);
    if (!entry) return;
    try {
      await purge.call({ id: entry.id });
      notice('success', 'Dihapus permanen.');
    } catch (e) {
      notice('error', (e as Error).message);
    }
  }

  return (
    <section className="screen" aria-labelledby="trash-title">
      <header className="screen-header">
        <div>
          <h1 id="trash-title">Terhapus</h1>
          <p className="subtitle">Rapat dan isian rapat yang dihapus. Pulihkan bila terhapus tanpa sengaja.</p>
        </div>
      </header>
      <div className="toolbar wrap">
        <input type="search" className="search" placeholder="Cari yang terhapus…" aria-label="Cari yang terhapus" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="count">{shown.length} data</span>
      </div>
      {query.error && <p className="form-error" role="alert">{query.error.message}</p>}
      {!query.isPending && shown.length === 0 ? (
        <EmptyState title={search.trim() ? 'Tidak ada yang cocok.' : 'Tidak ada yang terhapus.'}>
          {search.trim() ? 'Ubah kata kunci pencarian.' : 'Rapat atau isian rapat yang dihapus akan muncul di sini dan dapat dipulihkan.'}
        </EmptyState>
      ) : (
        <table className="data-table" data-testid="trash-table">
          <thead><tr><th>Data</th><th>Dihapus</th><th><span className="visually-hidden">Tindakan</span></th></tr></thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id} data-testid="trash-row">
                <td>{e.label}</td>
                <td className="nowrap">{formatTimestamp(e.deletedAt, zone)}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" disabled={restore.pending} onClick={() => void put(e)} aria-label={`Pulihkan ${e.label}`}>Pulihkan</button>
                    <button type="button" className="danger-text" onClick={() => setPurging(e)} aria-label={`Hapus permanen ${e.label}`}>Hapus permanen</button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={purging !== null} title="Hapus permanen?" danger confirmLabel="Hapus permanen"
        message={purging ? `“${purging.label}” akan dihapus untuk selamanya dan tidak dapat dipulihkan lagi.` : ''}
        onConfirm={() => void remove()} onCancel={() => setPurging(null)} />
    </section>
  );
}
