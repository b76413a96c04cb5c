import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** The confirm button is off (e.g. a delete the core would refuse). */
  confirmDisabled?: boolean;
  /** More than a sentence: e.g. the meetings that block a delete. */
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question (native <dialog>: focus trap and Escape for free). Cancel has the focus. */
export function ConfirmDialog({ open, title, message, confirmLabel, danger, confirmDisabled, children, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onCancel={(e) => { e.preventDefault(); onCancel(); }} aria-labelledby="confirm-title">
      <h2 id="confirm-title">{title}</h2>
      <p>{message}</p>
      {children}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>Batal</button>
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={confirmDisabled} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
