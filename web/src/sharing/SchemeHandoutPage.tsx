import { useParams, useSearchParams } from 'react-router';
import { usePageTitle, useResource } from '../ui/hooks';
import { audienceLabels, formatDate, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import { PrintSheetTools } from './PrintSheetTools';
import { QrCode } from './QrCode';
import { shareApi, type ShareLink } from './types';
import type { Folder, Scheme } from '../folders/types';

const text = {
  pageTitle: (name: string) => `Fiche à remettre : ${name}`,
  loading: 'Préparation de la fiche…',
  refused: 'La fiche n’est pas disponible :',
  back: 'Revenir au dispositif',
  screenHint: 'Une fiche au format A5, en noir et blanc : seule la fiche ci-dessous sort sur papier.',
  kicker: 'Un dispositif de la Région pour vous',
  who: 'Pour qui',
  everyone: 'Voir les conditions sur la page du dispositif',
  amount: 'Montant',
  deadline: 'Date limite',
  permanent: 'Permanent : pas de date limite',
  noDeadline: 'Pas de date limite annoncée',
  apply: 'Déposer la demande',
  scan: 'Scannez ce code avec l’appareil photo de votre téléphone, ou saisissez l’adresse : conditions, démarche et documents, sans compte.',
  qr: 'QR code de la page du dispositif',
  maison: 'Votre Maison de Région',
  printedOn: (date: string) => `Fiche imprimée le ${date}.`,
};

/** "aides.region.example/eceau": an address as one reads it aloud (no scheme, no www, no trailing slash). */
export function shortAddress(url: string): string {
  return url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
}

function deadlineOf(scheme: Scheme): string {
  if (scheme.isPermanent) return text.permanent;
  return scheme.closesOn ? formatDate(scheme.closesOn) : text.noDeadline;
}

/**
 * The A5 handout of a scheme, for the visitor at the desk: its name, promise, who may apply,
 * amount, deadline, where to apply, the QR code of its public page, the agent's Maison and the
 * print date. Black on white, one A5 page; the app around it is not printed.
 */
export function SchemeHandoutPage() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const isWithMaison = searchParams.get('maison') === '1';
  const folder = useResource<{ folder: Folder }>(`/api/folders/${encodeURIComponent(id)}`).data?.folder;
  const share = useResource<ShareLink>(shareApi.link({ kind: 'scheme', id }));
  usePageTitle(folder ? text.pageTitle(folder.name) : undefined);
  const scheme = folder?.scheme;
  const maison = isWithMaison ? share.data?.maison : null;
  const url = maison ? maison.url : share.data?.url;

  return (
    <article className="print-sheet handout">
      <PrintSheetTools
        isReady={Boolean(url && scheme)}
        back={{ to: linkTo.folder(id), label: text.back }}
        hint={text.screenHint}
        error={share.error}
        refused={text.refused}
        loading={text.loading}
      />
      {url && folder && scheme && (
        <div className="handout__sheet">
          <p className="print-sheet__kicker">{text.kicker}</p>
          <h1>{folder.name}</h1>
          {scheme.promise && <p className="handout__promise">{scheme.promise}</p>}
          <dl className="handout__facts">
            <dt>{text.who}</dt>
            <dd>{scheme.audiences.length ? scheme.audiences.map((code) => labelOf(audienceLabels, code)).join(', ') : text.everyone}</dd>
            {scheme.amount && (
              <>
                <dt>{text.amount}</dt>
                <dd>{scheme.amount}</dd>
              </>
            )}
            <dt>{text.deadline}</dt>
            <dd>{deadlineOf(scheme)}</dd>
            {scheme.links.applyUrl && (
              <>
                <dt>{text.apply}</dt>
                <dd className="handout__address">{shortAddress(scheme.links.applyUrl)}</dd>
              </>
            )}
          </dl>
          <div className="handout__share">
            <QrCode value={url} label={text.qr} className="handout__qr" />
            <div>
              <p>{text.scan}</p>
              {/* The address to type is the short one; the QR code carries the Maison. */}
              <p className="print-sheet__url">{shortAddress(share.data?.url ?? url)}</p>
            </div>
          </div>
          {maison && (
            <p className="handout__maison">
              <strong>{text.maison} :</strong> {maison.name}, {maison.city}
              {maison.phone && <>, {maison.phone}</>}
            </p>
          )}
          <p className="handout__date">{text.printedOn(formatDate(new Date().toISOString()))}</p>
        </div>
      )}
    </article>
  );
}
