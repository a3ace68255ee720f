import { useId, useState, type ReactNode } from 'react';
import { messageOf } from './hooks';
import { useModalDialog } from './useModalDialog';

const text = { cancel: 'Annuler', pending: 'Un instant…' };

interface Props {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  /** Rejects with the French message to show in the dialog. */
  onConfirm(): Promise<void>;
  onClose(): void;
  /** Where focus goes when the opening button is gone after the action (id of an element, tabIndex -1). */
  fallbackFocusId?: string;
}

/**
 * A confirmation in a native modal <dialog> (useModalDialog): focus goes to "Annuler", Esc closes
 * it, and focus returns to the button that opened it.
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  isDanger = false,
  onConfirm,
  onClose,
  fallbackFocusId = 'contenu',
}: Props) {
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = useId();
  const bodyId = useId();
  const { dialogRef, handleClose, close } = useModalDialog({
    isOpen,
    initialFocus: '[data-cancel]',
    fallbackFocusId,
    onClose: () => {
      setError(undefined);
      onClose();
    },
  });

  async function confirm() {
    setIsPending(true);
    setError(undefined);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={handleClose}
      onCancel={(event) => isPending && event.preventDefault()}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      <div className="actions">
        <button data-cancel type="button" className="button button--secondary" onClick={close} disabled={isPending}>
          {text.cancel}
        </button>
        <button type="button" className={`button${isDanger ? ' button--danger' : ''}`} onClick={() => void confirm()} disabled={isPending}>
          {isPending ? text.pending : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
