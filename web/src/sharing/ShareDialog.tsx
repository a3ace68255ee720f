import { useId, useRef, useState } from 'react';
import { useResource } from '../ui/hooks';
import { useModalDialog } from '../ui/useModalDialog';
import { linkTo } from '../routes';
import { shareMailto } from './mail';
import { QrCode } from './QrCode';
import { ShareLinkSettings } from './ShareLinkSettings';
import { shareApi, type ShareLink, type ShareTarget } from './types';

const text = {
  title: (title: string) => `Partager « ${title} »`,
  loading: 'Chargement du lien public…',
  refused: 'Le lien public n’est pas disponible :',
  what: 'Que partager ?',
  scheme: (name: string) => `Le dispositif « ${name} »`,
  schemeHint:
    'Recommandé : sa page présente le dispositif, le lien pour déposer une demande et tous ses documents publics ; elle reste valable quand un document est remplacé ou retiré.',
  document: 'Ce document seulement',
  link: 'Lien public',
  linkHint: 'Toute personne qui a ce lien peut lire et télécharger la version en cours, sans compte.',
  schemeLinkHint: 'Toute personne qui a ce lien peut lire la page du dispositif et ses documents publics, sans compte.',
  withMaison: (maison: string) => `Ajouter ma Maison de Région (${maison}) à la page et à la fiche`,
  localAddress: (url: string) =>
    `L’adresse publique du site n’est pas configurée (PUBLIC_URL) : ce lien pointe vers ${url}, qu’aucun téléphone ne peut ouvrir. Prévenez l’administrateur avant de le remettre.`,
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
  /** The document shared from its page or a search result; without it, the scheme alone. */
  documentId?: string;
  /** The scheme shared from its own page. */
  scheme?: { id: string; name: string };
  title: string;
  /** Editors of the directorate: opens, expiry, new link. */
  canManage: boolean;
  onClose(): void;
}

/**
 * A public link in a native modal <dialog>: the scheme's page by default (it outlives a
 * document's link), or the document's; the link to copy, its QR code, an e-mail and a printable
 * handout; for its editors, how often it was opened and its settings. Opened on mount; Esc or
 * "Fermer" closes it, and focus goes back to the button that opened it (ui/useModalDialog).
 */
export function ShareDialog({ documentId, scheme: givenScheme, title, canManage, onClose }: Props) {
  // Opened on mount; closed, it gives focus back to what opened it (the share button).
  const { dialogRef, handleClose, close } = useModalDialog({ isOpen: true, onClose });
  const titleId = useId();
  const documentLink = useResource<ShareLink>(documentId ? shareApi.link({ kind: 'document', id: documentId }) : null);
  const scheme = givenScheme ?? documentLink.data?.scheme ?? undefined;
  const schemeLink = useResource<ShareLink>(scheme ? shareApi.link({ kind: 'scheme', id: scheme.id }) : null);
  const [choice, setChoice] = useState<'scheme' | 'document'>();

  const hasSchemePage = Boolean(scheme && schemeLink.data);
  const isSchemeSettled = !scheme || !schemeLink.isLoading;
  const kind = choice ?? (hasSchemePage || !documentId ? 'scheme' : 'document');
  const current = kind === 'scheme' ? schemeLink : documentLink;
  const target: ShareTarget | undefined =
    kind === 'scheme' ? (scheme ? { kind, id: scheme.id } : undefined) : documentId ? { kind, id: documentId } : undefined;
  const error = documentId ? documentLink.error : schemeLink.error;
  const choiceName = useId();

  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby={titleId} onClose={handleClose}>
      <h2 id={titleId}>{text.title(title)}</h2>
      {error && (
        <p role="alert" className="alert alert--error">
          <strong>{text.refused}</strong> {error}
        </p>
      )}
      {(documentLink.isLoading || schemeLink.isLoading) && <p role="status">{text.loading}</p>}
      {documentId && hasSchemePage && scheme && (
        <fieldset className="share__choice">
          <legend>{text.what}</legend>
          <label>
            <input type="radio" name={choiceName} checked={kind === 'scheme'} onChange={() => setChoice('scheme')} />{' '}
            {text.scheme(scheme.name)}
          </label>
          <span className="field__hint">{text.schemeHint}</span>
          <label>
            <input type="radio" name={choiceName} checked={kind === 'document'} onChange={() => setChoice('document')} /> {text.document}
          </label>
        </fieldset>
      )}
      {isSchemeSettled && current.data && target && (
        <>
          <SharedLink
            key={`${target.kind}:${target.id}`}
            target={target}
            title={kind === 'scheme' && scheme ? scheme.name : title}
            link={current.data}
          />
          {canManage && (
            <ShareLinkSettings key={`settings:${target.kind}`} target={target} link={current.data} onChanged={current.replace} />
          )}
        </>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={close}>
          {text.close}
        </button>
      </div>
    </dialog>
  );
}

/** The link to copy (focused when it arrives), its QR code, the e-mail and the printable page. */
function SharedLink({ target, title, link }: { target: ShareTarget; title: string; link: ShareLink }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<{ url: string; isCopied: boolean }>();
  const [isWithMaison, setIsWithMaison] = useState(true);
  const inputId = useId();
  const maisonId = useId();
  const url = link.maison && isWithMaison ? link.maison.url : link.url;

  async function copy() {
    try {
      // Undefined outside a secure context; rejects when the browser or the user refuses.
      await navigator.clipboard.writeText(url);
      setCopied({ url, isCopied: true });
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopied({ url, isCopied: false });
    }
  }

  const copyStatus = copied?.url === url ? (copied.isCopied ? text.copied : text.copyRefused) : '';
  const withMaison = Boolean(link.maison && isWithMaison);
  const printHref = target.kind === 'scheme' ? linkTo.schemeHandout(target.id, withMaison) : linkTo.sharePrint(target.id, withMaison);
  return (
    <div className="share">
      {link.isPublicUrlMissing && (
        <p className="alert alert--warning" role="note">
          {text.localAddress(new URL(link.url).origin)}
        </p>
      )}
      <div className="field">
        <label htmlFor={inputId}>{text.link}</label>
        <span id={`${inputId}-aide`} className="field__hint">
          {target.kind === 'scheme' ? text.schemeLinkHint : text.linkHint}
        </span>
        <div className="share__copy">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${inputId}-aide`}
            onFocus={(event) => event.currentTarget.select()}
            autoFocus
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {text.copy}
          </button>
        </div>
      </div>
      {link.maison && (
        <p className="share__maison">
          <input id={maisonId} type="checkbox" checked={isWithMaison} onChange={(event) => setIsWithMaison(event.target.checked)} />{' '}
          <label htmlFor={maisonId}>{text.withMaison(link.maison.city)}</label>
        </p>
      )}
      <p role="status" className={copyStatus ? `alert ${copied?.isCopied ? 'alert--success' : 'alert--warning'}` : 'share__status'}>
        {copyStatus}
      </p>
      <div className="share__more">
        <figure className="share__qr">
          <QrCode value={url} label={text.qr} />
          <figcaption>{text.qrHint}</figcaption>
        </figure>
        <div className="share__send">
          <p>{text.send}</p>
          <p className="actions share__actions">
            <a className="button button--secondary" href={shareMailto(title, url, target.kind)}>
              {text.mail}
            </a>
            <a className="button button--secondary" href={printHref} target="_blank" rel="noopener">
              {text.print}
              <span className="visually-hidden">{text.newTab}</span>
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}
