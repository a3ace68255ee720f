import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

const text = { cancel: 'Annuler', pending: 'Enregistrement…' };

interface Props {
  isOpen: boolean;
  title: string;
  /** The labelled fields; the first one gets focus when the dialog opens. */
  children: ReactNode;
  submitLabel: string;
  /** Resolves true when done (the dialog closes), false to stay open on the errors it shows. */
  onSubmit(): Promise<boolean>;
  onClose(): void;
}

/**
 * A small form in a native modal <dialog> (useModalDialog): focus goes to its first field, Esc or
 * "Annuler" closes it, and focus returns to the button that opened it.
 */
export function FormDialog({ isOpen, title, children, submitLabel, onSubmit, onClose }: Props) {
  const { dialogRef, handleClose, close } = useModalDialog({ isOpen, onClose, initialFocus: 'input, select, textarea' });
  const [isPending, setIsPending] = useState(false);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    try {
      if (await onSubmit()) close();
    } finally {
      setIsPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onClose={handleClose}
      onCancel={(event) => isPending && event.preventDefault()}
    >
      <h2 id={titleId}>{title}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {children}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={close} disabled={isPending}>
            {text.cancel}
          </button>
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? text.pending : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
