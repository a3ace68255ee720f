import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

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
 * A small form in a native modal <dialog> (showModal): the page behind is inert, focus goes to its
 * first field, Esc or "Annuler" closes it, and focus returns to the button that opened it.
 */
export function FormDialog({ isOpen, title, children, submitLabel, onSubmit, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const [isPending, setIsPending] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  function handleClose() {
    onClose();
    const opener = openerRef.current;
    openerRef.current = null;
    // Once the dialog has left the top layer and the page is no longer inert.
    requestAnimationFrame(() => (opener?.isConnected ? opener : document.getElementById('contenu'))?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    try {
      if (await onSubmit()) dialogRef.current?.close();
    } finally {
      setIsPending(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={handleClose} onCancel={(event) => isPending && event.preventDefault()}>
      <h2 id={titleId}>{title}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {children}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()} disabled={isPending}>
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
