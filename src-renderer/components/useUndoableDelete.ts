import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { useNotice } from './Notice';

// A row delete of a meeting (agenda, peserta, kesimpulan, anggaran, RTL) or a data dukung file goes to Terhapus: the
// notice after it offers "Urungkan", which puts the row back (trash.restore). A row that is
// already gone (deleted in another window) says so and the screen shows the rows as they are.

type RowDelete = 'agendaItem.delete' | 'attendance.delete' | 'decision.delete' | 'budgetLine.delete' | 'actionItem.delete' | 'evidence.delete';

export function useUndoableDelete(name: RowDelete, done: string) {
  const deletion = useApiMutation(name);
  const restore = useApiMutation('trash.restore');
  const notice = useNotice();
  const client = useQueryClient();
  const { call: deleteRow } = deletion;
  const { call: restoreRow } = restore;
  // Stable, so memoised rows (200 data dukung files) are not re-rendered for it.
  const remove = useCallback(async (id: number): Promise<void> => {
    try {
      const { trashId } = await deleteRow({ id });
      notice('success', done, trashId === undefined ? undefined : {
        label: 'Urungkan',
        run: () => void restoreRow({ id: trashId }).then(() => notice('success', 'Dipulihkan.'), (e: unknown) => notice('error', (e as Error).message)),
      });
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'NOT_FOUND') {
        notice('error', 'Data ini sudah tidak ada: mungkin sudah dihapus di jendela lain. Tampilan diperbarui.');
        void client.invalidateQueries();
      } else {
        notice('error', (e as Error).message);
      }
    }
  }, [deleteRow, restoreRow, notice, client, done]);
  return { remove, pending: deletion.pending };
}
