import { useParams, useSearchParams } from 'react-router';
import { usePageTitle, useResource } from '../ui/hooks';
import { formatDate } from '../ui/labels';
import { linkTo } from '../routes';
import { PrintSheetTools } from './PrintSheetTools';
import { QrCode } from './QrCode';
import { shareApi, type ShareLink } from './types';
import type { DocumentItem } from '../documents/types';

const text = {
  pageTitle: (title: string) => `Version imprimable : ${title}`,
  loading: 'Préparation de la version imprimable…',
  refused: 'La version imprimable n’est pas disponible :',
  back: 'Revenir au document',
  screenHint: 'Cette page est prête à imprimer : seule la fiche ci-dessous sort sur papier.',
  kicker: 'Un document de la Région à consulter en ligne',
  invite:
    'Pour lire ou télécharger ce document, scannez le QR code avec l’appareil photo de votre téléphone, ou saisissez l’adresse ci-dessous dans votre navigateur. Aucun compte n’est nécessaire.',
  address: 'Adresse du document',
  qr: 'QR code du lien public',
  expires: (date: string) => `Lien valable jusqu’au ${date} inclus.`,
  maison: 'Votre Maison de Région',
};

/** A sheet to hand to a citizen: title, summary, the public link in full and its QR code; the app around it is not printed. */
export function SharePrintPage() {
  const { id = '' } = useParams();
  const document = useResource<{ document: DocumentItem }>(`/api/documents/${encodeURIComponent(id)}`).data?.document;
  const share = useResource<ShareLink>(shareApi.link({ kind: 'document', id }));
  const [searchParams] = useSearchParams();
  // With the agent's Maison: its signed link, and the line that names it.
  const maison = searchParams.get('maison') === '1' ? share.data?.maison : null;
  const url = maison ? maison.url : share.data?.url;
  usePageTitle(document ? text.pageTitle(document.title) : undefined);

  return (
    <article className="print-sheet">
      <PrintSheetTools
        isReady={Boolean(share.data && document)}
        back={{ to: linkTo.document(id), label: text.back }}
        hint={text.screenHint}
        error={share.error}
        refused={text.refused}
        loading={text.loading}
      />
      {share.data && document && (
        <>
          <p className="print-sheet__kicker">{text.kicker}</p>
          <h1>{document.title}</h1>
          {document.summary && <p className="lead">{document.summary}</p>}
          <div className="print-sheet__share">
            <QrCode value={url ?? share.data.url} label={text.qr} className="qr--large" />
            <div className="print-sheet__text">
              <p className="print-sheet__invite">{text.invite}</p>
              <p>
                <span className="visually-hidden">{text.address} : </span>
                <span className="print-sheet__url">{url}</span>
              </p>
              {maison && (
                <p>
                  <strong>{text.maison} :</strong> {maison.name}, {maison.city}
                  {maison.phone && <>, {maison.phone}</>}
                </p>
              )}
              {share.data.expiresAt && <p>{text.expires(formatDate(share.data.expiresAt))}</p>}
            </div>
          </div>
        </>
      )}
    </article>
  );
}
