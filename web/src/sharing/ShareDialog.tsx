import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useResource } from '../hooks';
import { linkTo } from '../routes';
import { shareMailto } from './mail';
import { QrCode } from './QrCode';
import { ShareLinkSettings } from './ShareLinkSettings';
import { shareApi, type ShareLink } from './types';

const text = {
  title: (title: string) => `Partager « ${title} »`,
  loading: 'Chargement du lien public…',
  refused: 'Le lien public n’est pas disponible :',
  link: 'Lien public',
  linkHint: 'Toute personne qui a ce lien peut lire et télécharger la version en cours, sans compte.',
  copy: 'Copier le lien',
  copied: 'Lien copié',
  copyRefused: 'Le navigateur a refusé la copie : le lien est sélectionné, copiez-le avec Ctrl+C (ou ⌘+C).',
  qr: 'QR code du lien public',
  qrHint: 'À scanner avec l’appareil photo d’un téléphone.',
  send: 'Ou envoyez le lien par e-mail, ou imprimez une fiche avec le lien et le QR code à remettre.',
  mail: 'Envoyer par e-mail',
  print: 'Version imprimable',
  newTab: ' (nouvel onglet)',
  close: 'Fermer',
};

interface Props {
  documentId: string;
  title: string;
  /** Editors of the document's directorate: opens, expiry, new link. */
  canManage: boolean;
  onClose(): void;
}

/**
 * The public link of an external document in a native modal <dialog>: the link to copy, its QR
 * code, an e-mail and a printable page; for its editors, how often it was opened and its settings.
 * Opened on mount; Esc or "Fermer" closes it and the caller puts focus back on its button.
 */
export function ShareDialog({ documentId, title, canManage, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const share = useResource<ShareLink>(shareApi.link(documentId));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // A nested confirmation dialog's close event reaches this handler too (React bubbles it): only ours counts.
  const handleClose = (event: SyntheticEvent<HTMLDialogElement>) => event.target === event.currentTarget && onClose();

  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby={titleId} onClose={handleClose}>
      <h2 id={titleId}>{text.title(title)}</h2>
      {share.error && (
        <p role="alert" className="alert alert--error">
          <strong>{text.refused}</strong> {share.error}
        </p>
      )}
      {share.isLoading && <p role="status">{text.loading}</p>}
      {share.data && (
        <>
          <SharedLink documentId={documentId} title={title} link={share.data} />
          {canManage && <ShareLinkSettings documentId={documentId} link={share.data} onChanged={share.replace} />}
        </>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
          {text.close}
        </button>
      </div>
    </dialog>
  );
}

/** The link to copy (focused when it arrives), its QR code, the e-mail and the printable page. */
function SharedLink({ documentId, title, link }: { documentId: string; title: string; link: ShareLink }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<{ url: string; isCopied: boolean }>();
  const inputId = useId();

  async function copy() {
    try {
      // Undefined outside a secure context; rejects when the browser or the user refuses.
      await navigator.clipboard.writeText(link.url);
      setCopied({ url: link.url, isCopied: true });
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopied({ url: link.url, isCopied: false });
    }
  }

  const copyStatus = copied?.url === link.url ? (copied.isCopied ? text.copied : text.copyRefused) : '';
  return (
    <div className="share">
      <div className="field">
        <label htmlFor={inputId}>{text.link}</label>
        <span id={`${inputId}-aide`} className="field__hint">
          {text.linkHint}
        </span>
        <div className="share__copy">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            readOnly
            value={link.url}
            aria-describedby={`${inputId}-aide`}
            onFocus={(event) => event.currentTarget.select()}
            autoFocus
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {text.copy}
          </button>
        </div>
      </div>
      <p role="status" className={copyStatus ? `alert ${copied?.isCopied ? 'alert--success' : 'alert--warning'}` : 'share__status'}>
        {copyStatus}
      </p>
      <div className="share__more">
        <figure className="share__qr">
          <QrCode value={link.url} label={text.qr} />
          <figcaption>{text.qrHint}</figcaption>
        </figure>
        <div className="share__send">
          <p>{text.send}</p>
          <p className="actions share__actions">
            <a className="button button--secondary" href={shareMailto(title, link.url)}>
              {text.mail}
            </a>
            <a className="button button--secondary" href={linkTo.sharePrint(documentId)} target="_blank" rel="noopener">
              {text.print}
              <span className="visually-hidden">{text.newTab}</span>
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}
