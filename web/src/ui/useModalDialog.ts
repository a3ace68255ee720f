import { useEffect, useRef, type SyntheticEvent } from 'react';

interface Options {
  isOpen: boolean;
  onClose(): void;
  /** A selector inside the dialog for what gets focus when it opens (default: the browser's choice, its first control). */
  initialFocus?: string;
  /** Where focus goes when the opening button is gone after the action (id of an element, tabIndex -1). */
  fallbackFocusId?: string;
}

/**
 * A native modal <dialog> (showModal) shown while `isOpen`: the rest of the page is inert, Esc
 * closes it, and focus returns to what opened it. Put `dialogRef` and `onClose={handleClose}` on
 * the <dialog>; `close()` closes it from a button.
 */
export function useModalDialog({ isOpen, onClose, initialFocus, fallbackFocusId = 'contenu' }: Options) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      if (initialFocus) dialog.querySelector<HTMLElement>(initialFocus)?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen, initialFocus]);

  function handleClose(event?: SyntheticEvent<HTMLDialogElement>) {
    // A dialog opened from this one (a confirmation) closes too, and React bubbles its close event here: only ours counts.
    if (event && event.target !== event.currentTarget) return;
    onClose();
    const opener = openerRef.current;
    openerRef.current = null;
    // Once the dialog has left the top layer and the page is no longer inert.
    requestAnimationFrame(() => (opener?.isConnected ? opener : document.getElementById(fallbackFocusId))?.focus());
  }

  const close = () => dialogRef.current?.close();
  return { dialogRef, handleClose, close };
}
