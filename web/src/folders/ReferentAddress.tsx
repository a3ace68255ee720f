import { mailtoHref, telHref } from '../ui/contact';

const text = { email: 'E-mail : ', phone: 'Téléphone : ' };

/** The referent's contact fields a scheme shows (its card, a search answer). */
export interface ReferentContact {
  name: string | null;
  service: string | null;
  email: string | null;
  phone: string | null;
}

export const hasReferent = (referent: ReferentContact) => Boolean(referent.name || referent.service || referent.email || referent.phone);

/** Whom to contact about a scheme: name, service, then the phone and the e-mail as links; what is unknown is left out. */
export function ReferentAddress({ referent }: { referent: ReferentContact }) {
  return (
    <address>
      {referent.name && <strong>{referent.name}</strong>}
      {referent.service && <span>{referent.service}</span>}
      {referent.phone && (
        <span>
          {text.phone}
          <a href={telHref(referent.phone)}>{referent.phone}</a>
        </span>
      )}
      {referent.email && (
        <span>
          {text.email}
          <a href={mailtoHref(referent.email)}>{referent.email}</a>
        </span>
      )}
    </address>
  );
}
