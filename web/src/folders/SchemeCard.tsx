import { aidTypeLabels, audienceLabels, formatDate, labelOf } from '../ui/labels';
import type { Scheme } from './types';
import { AvailabilityBadge } from '../ui/Badges';
import { VerifiedLine } from '../verification/VerifiedLine';
import { hasReferent, ReferentAddress } from './ReferentAddress';

const text = {
  card: 'Fiche du dispositif',
  directorate: 'Direction',
  audiences: 'Publics',
  aidTypes: "Types d'aide",
  calendar: 'Calendrier',
  keywords: 'Mots-clés',
  none: 'Non précisé',
  contact: 'Qui contacter',
  noContact: "Aucun référent n'est indiqué : contactez la direction.",
  links: 'Liens utiles',
  infoUrl: 'En savoir plus sur le site de la Région',
  applyUrl: 'Déposer une demande en ligne',
  newWindow: ' (nouvelle fenêtre)',
  dates: (scheme: Scheme) => {
    const from = formatDate(scheme.opensOn);
    const to = formatDate(scheme.closesOn);
    if (scheme.isPermanent) return from ? `Permanent, depuis le ${from}` : 'Permanent, sans date de clôture';
    if (from && to) return `Du ${from} au ${to}`;
    if (from) return `À partir du ${from}`;
    if (to) return `Jusqu'au ${to}`;
    return 'Dates non précisées';
  },
};

const list = (codes: string[], labels: Record<string, string>) =>
  codes.length ? codes.map((code) => labelOf(labels, code)).join(', ') : text.none;

function ExternalLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="visually-hidden">{text.newWindow}</span>
    </a>
  );
}

/** A scheme's card: promise, availability, summary, who it is for, dates, referent and links. */
export function SchemeCard({ scheme }: { scheme: Scheme }) {
  const { referent, links } = scheme;
  return (
    <section aria-label={text.card} className="scheme-card">
      {scheme.promise && <p className="lead">{scheme.promise}</p>}
      <p className="scheme-card__availability">
        <AvailabilityBadge availability={scheme.availability} /> {text.dates(scheme)}
      </p>
      <VerifiedLine verifiedAt={scheme.verifiedAt} isReviewDue={scheme.isReviewDue} />
      {scheme.summary && <p className="scheme-card__summary">{scheme.summary}</p>}
      <dl className="facts">
        <dt>{text.directorate}</dt>
        <dd>{scheme.directorate?.name ?? text.none}</dd>
        <dt>{text.audiences}</dt>
        <dd>{list(scheme.audiences, audienceLabels)}</dd>
        <dt>{text.aidTypes}</dt>
        <dd>{list(scheme.aidTypes, aidTypeLabels)}</dd>
        <dt>{text.calendar}</dt>
        <dd>{text.dates(scheme)}</dd>
        {scheme.keywords.length > 0 && (
          <>
            <dt>{text.keywords}</dt>
            <dd>{scheme.keywords.join(', ')}</dd>
          </>
        )}
      </dl>
      <div className="scheme-card__columns">
        <section aria-labelledby="qui-contacter" className="panel">
          <h2 id="qui-contacter">{text.contact}</h2>
          {hasReferent(referent) ? <ReferentAddress referent={referent} /> : <p>{text.noContact}</p>}
        </section>
        {(links.infoUrl || links.applyUrl) && (
          <section aria-labelledby="liens-utiles" className="panel">
            <h2 id="liens-utiles">{text.links}</h2>
            <ul className="plain-list">
              {links.infoUrl && (
                <li>
                  <ExternalLink href={links.infoUrl} label={text.infoUrl} />
                </li>
              )}
              {links.applyUrl && (
                <li>
                  <ExternalLink href={links.applyUrl} label={text.applyUrl} />
                </li>
              )}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}
