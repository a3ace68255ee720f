import { formatDate } from '../ui/labels';

const text = {
  verifiedOn: (date: string) => `Vérifié le ${date}`,
  neverVerified: 'Jamais vérifié',
  toVerify: 'À vérifier',
  toVerifyHint: 'La direction doit confirmer que ces informations sont toujours à jour : en cas de doute, appelez le référent.',
};

/**
 * "Vérifié le 3 novembre 2026", and past its review date "À vérifier" beside it: the card stays
 * shown, the agent knows to double-check with the referent.
 */
export function VerifiedLine({
  verifiedAt,
  isReviewDue,
  className = 'verified',
}: {
  verifiedAt: string | null;
  isReviewDue: boolean;
  className?: string;
}) {
  return (
    <p className={className}>
      <span>{verifiedAt ? text.verifiedOn(formatDate(verifiedAt)) : text.neverVerified}</span>
      {isReviewDue && (
        <>
          {' '}
          <span className="badge badge--to-verify" title={text.toVerifyHint}>
            {text.toVerify}
          </span>
        </>
      )}
    </p>
  );
}
