import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

const text = {
  share: 'Partager',
  of: (title: string) => ` « ${title} »`,
};

interface Props {
  /** The document to share; without it, the scheme alone. */
  documentId?: string;
  /** The scheme shared from its own page. */
  scheme?: { id: string; name: string };
  title: string;
  canManage?: boolean;
  /** Where several documents are listed: the title joins the button's name. */
  isTitleInName?: boolean;
  className?: string;
}

/** "Partager": opens the dialog of the public link (the scheme's page, or a document's); focus comes back here when it closes. */
export function ShareButton({
  documentId,
  scheme,
  title,
  canManage = false,
  isTitleInName = false,
  className = 'button button--secondary',
}: Props) {
  const [isOpen, setIsOpen] = useState(false);

  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setIsOpen(true)}>
        {text.share}
        {isTitleInName && <span className="visually-hidden">{text.of(title)}</span>}
      </button>
      {isOpen && (
        <ShareDialog documentId={documentId} scheme={scheme} title={title} canManage={canManage} onClose={() => setIsOpen(false)} />
      )}
    </>
  );
}
