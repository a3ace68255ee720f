import { mailtoHref, telHref } from '../contact';
import type { SearchHit } from './types';

const text = {
  title: 'Qui contacter',
  email: 'E-mail : ',
  phone: 'Téléphone : ',
  noReferent: (directorate: string) => `Aucun référent indiqué. Direction : ${directorate}.`,
};

/** The scheme's referent at headquarters, for the agent to call while the visitor waits. */
export function HitContact({ hit }: { hit: SearchHit }) {
  const referent = hit.scheme?.referent;
  const hasReferent = Boolean(referent && (referent.name || referent.service || referent.email || referent.phone));
  return (
    <div className="hit__contact">
      <span className="hit__label">{text.title}</span>
      {referent && hasReferent ? (
        <address>
          {referent.name && <strong>{referent.name}</strong>}
          {referent.service && <span>{referent.service}</span>}
          {referent.email && (
            <span>
              {text.email}
              <a href={mailtoHref(referent.email)}>{referent.email}</a>
            </span>
          )}
          {referent.phone && (
            <span>
              {text.phone}
              <a href={telHref(referent.phone)}>{referent.phone}</a>
            </span>
          )}
        </address>
      ) : (
        <p>{text.noReferent(hit.directorate.name || hit.directorate.code)}</p>
      )}
    </div>
  );
}
