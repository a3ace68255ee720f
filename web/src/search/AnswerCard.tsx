import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AvailabilityBadge } from '../ui/Badges';
import { aidTypeLabels, audienceLabels, formatDate, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import type { AnswerScheme } from './types';
import { VerifiedLine } from '../verification/VerifiedLine';
import { hasReferent, ReferentAddress } from '../folders/ReferentAddress';

const text = {
  amount: 'Montant',
  audiences: 'Pour qui',
  aidTypes: "Type d'aide",
  notSaid: 'Non précisé',
  contact: 'Qui contacter',
  noReferent: (directorate: string) => `Aucun référent indiqué : contactez la direction (${directorate}).`,
  infoUrl: 'En savoir plus',
  applyUrl: 'Déposer une demande',
  about: (name: string) => ` sur « ${name} »`,
  newWindow: ' (nouvelle fenêtre)',
  opensOn: (date: string) => `Ouverture le ${date}`,
  closesOn: (date: string) => `Clôture le ${date}`,
  closedOn: (date: string) => `Clôturé le ${date}`,
};

/** "Clôture le 12 janvier 2027" beside the badge; nothing more for a permanent scheme (the badge says it). */
function datesOf(scheme: AnswerScheme): string {
  if (scheme.isPermanent || scheme.availability === 'permanent') return '';
  if (scheme.availability === 'a_venir' && scheme.opensOn) return text.opensOn(formatDate(scheme.opensOn));
  if (!scheme.closesOn) return '';
  return scheme.availability === 'clos' ? text.closedOn(formatDate(scheme.closesOn)) : text.closesOn(formatDate(scheme.closesOn));
}

const labels = (codes: string[], names: Record<string, string>) =>
  codes.length ? codes.map((code) => labelOf(names, code)).join(', ') : text.notSaid;

export function Availability({ scheme }: { scheme: AnswerScheme }) {
  const dates = datesOf(scheme);
  return (
    <p className="answer__availability">
      <AvailabilityBadge availability={scheme.availability} />
      {dates && <span className="answer__dates">{dates}</span>}
    </p>
  );
}

function Contact({ scheme }: { scheme: AnswerScheme }) {
  const { referent } = scheme;
  return (
    <div className="answer__contact">
      <span className="answer__label">{text.contact}</span>
      {hasReferent(referent) ? (
        <ReferentAddress referent={referent} />
      ) : (
        <p>{text.noReferent(scheme.directorate.name || scheme.directorate.code)}</p>
      )}
    </div>
  );
}

function ExternalLink({ href, label, name, className }: { href: string; label: string; name: string; className: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {label}
      <span className="visually-hidden">
        {text.about(name)}
        {text.newWindow}
      </span>
    </a>
  );
}

interface Props {
  scheme: AnswerScheme;
  /** The heading level of the scheme's name in the page. */
  level?: 2 | 3;
  /** On the home: name, availability, promise, amount and audiences only. */
  isCompact?: boolean;
  /** The share button of the scheme's public document, beside its links. */
  share?: ReactNode;
}

/**
 * A scheme as an answer: its name (the link to its page, a stop of the arrow keys), until when,
 * what it promises and pays, for whom, whom to call, and the ways to learn more, apply or share.
 */
export function AnswerCard({ scheme, level = 3, isCompact = false, share }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="answer__card">
      <Heading className="answer__name">
        <Link to={linkTo.folder(scheme.id)} data-hit-link="" data-hit-key={`scheme:${scheme.id}`}>
          {scheme.name}
        </Link>
      </Heading>
      <Availability scheme={scheme} />
      {!isCompact && <VerifiedLine verifiedAt={scheme.verifiedAt} isReviewDue={scheme.isReviewDue} className="answer__verified verified" />}
      {scheme.promise && <p className="answer__promise">{scheme.promise}</p>}
      <dl className="answer__facts">
        {scheme.amount && (
          <div>
            <dt>{text.amount}</dt>
            <dd className="answer__amount">{scheme.amount}</dd>
          </div>
        )}
        <div>
          <dt>{text.audiences}</dt>
          <dd>{labels(scheme.audiences, audienceLabels)}</dd>
        </div>
        {!isCompact && (
          <div>
            <dt>{text.aidTypes}</dt>
            <dd>{labels(scheme.aidTypes, aidTypeLabels)}</dd>
          </div>
        )}
      </dl>
      {!isCompact && (
        <>
          <Contact scheme={scheme} />
          {(scheme.links.infoUrl || scheme.links.applyUrl || share) && (
            <p className="answer__actions">
              {scheme.links.applyUrl && (
                <ExternalLink href={scheme.links.applyUrl} label={text.applyUrl} name={scheme.name} className="button button--small" />
              )}
              {scheme.links.infoUrl && (
                <ExternalLink
                  href={scheme.links.infoUrl}
                  label={text.infoUrl}
                  name={scheme.name}
                  className="button button--secondary button--small"
                />
              )}
              {share}
            </p>
          )}
        </>
      )}
    </div>
  );
}
