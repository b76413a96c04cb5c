import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Deleted } from '../../shared/meeting';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { ConfirmDialog } from './ConfirmDialog';
import { useNotice } from './Notice';

/** What the dialog says before a delete; with `refusal` the delete is not offered. */
export interface DeletePreview {
  message: string;
  refusal?: string;
  details?: ReactNode;
}

interface Options<T> {
  title: string;
  /** What will be lost, in the user's words (or read from the core first, e.g. meeting.deletePreview). */
  message(item: T): string | Promise<DeletePreview>;
  remove(item: T): Promise<Deleted | unknown>;
  /** The notice after a successful delete. */
  done(item: T): string;
}

/** The Indonesian message of a delete that failed; a row already gone says so plainly. */
function deleteFailure(e: unknown): string {
  if (e instanceof ApiCallError && e.code === 'NOT_FOUND') return 'Data ini sudah tidak ada: mungkin sudah dihapus di jendela lain. Tampilan diperbarui.';
  return (e as Error).message;
}

/**
 * Delete with a confirmation first: `ask(item)` opens the dialog saying what will go, and the
 * core's refusal (an agency still in use, a closed meeting) comes back as an Indonesian notice
 * with nothing lost. A delete that went to Terhapus offers "Urungkan" (trash.restore).
 */
export function useConfirmedDelete<T>(options: Options<T>) {
  const [pending, setPending] = useState<{ item: T; preview: DeletePreview } | null>(null);
  const notice = useNotice();
  const restore = useApiMutation('trash.restore');
  const client = useQueryClient();
  const failed = (e: unknown) => {
    notice('error', deleteFailure(e));
    // A row already gone (another window): show the lists as they are now.
    if (e instanceof ApiCallError && e.code === 'NOT_FOUND') void client.invalidateQueries();
  };

  async function ask(item: T) {
    try {
      const said = options.message(item);
      setPending({ item, preview: typeof said === 'string' ? { message: said } : await said });
    } catch (e) {
      failed(e);
    }
  }

  async function confirm() {
    const item = pending?.item;
    setPending(null);
    if (item === undefined) return;
    try {
      const deleted = (await options.remove(item)) as Partial<Deleted> | undefined;
      const trashId = deleted?.trashId;
      notice('success', options.done(item), trashId === undefined ? undefined : {
        label: 'Urungkan',
        run: () => void restore.call({ id: trashId }).then(() => notice('success', 'Dipulihkan.'), (e: unknown) => notice('error', (e as Error).message)),
      });
    } catch (e) {
      failed(e);
    }
  }

  const preview = pending?.preview;
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={options.title}
      message={preview ? (preview.refusal ?? preview.message) : ''}
      confirmLabel="Hapus"
      danger
      confirmDisabled={Boolean(preview?.refusal)}
      onConfirm={() => void confirm()}
      onCancel={() => setPending(null)}
    >
      {preview?.details}
    </ConfirmDialog>
  );
  return { ask: (item: T) => void ask(item), dialog };
}
