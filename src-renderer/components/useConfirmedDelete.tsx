import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { useNotice } from './Notice';

interface Options<T> {
  title: string;
  /** What will be lost, in the user's words. */
  message(item: T): string;
  remove(item: T): Promise<unknown>;
  /** The notice after a successful delete. */
  done(item: T): string;
}

/**
 * Delete with a confirmation first: `ask(item)` opens the dialog, and the core's refusal (an
 * agency still in use, a closed meeting) comes back as an Indonesian notice with nothing lost.
 */
export function useConfirmedDelete<T>(options: Options<T>) {
  const [pending, setPending] = useState<T | null>(null);
  const notice = useNotice();

  async function confirm() {
    const item = pending;
    setPending(null);
    if (item === null) return;
    try {
      await options.remove(item);
      notice('success', options.done(item));
    } catch (e) {
      notice('error', (e as Error).message);
    }
  }

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={options.title}
      message={pending !== null ? options.message(pending) : ''}
      confirmLabel="Hapus"
      danger
      onConfirm={() => void confirm()}
      onCancel={() => setPending(null)}
    />
  );
  return { ask: setPending, dialog };
}
