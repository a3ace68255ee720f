import { useState } from 'react';
import { sendJson } from '../api';
import { messageOf, useCsrfToken } from '../ui/hooks';
import type { Folder } from '../folders/types';

export const verifyText = {
  verify: 'Marquer comme vérifiée',
  verifyNamed: (name: string) => ` : « ${name} »`,
  pending: 'Un instant…',
  done: 'Fiche vérifiée : elle est à jour pour les agents.',
};

/** One click: the editor confirms the card is current (POST /api/folders/:id/verification). */
export function VerifyButton({
  folderId,
  name,
  onVerified,
  className = 'button',
}: {
  folderId: string;
  name: string;
  onVerified(folder: Folder): void;
  className?: string;
}) {
  const csrfToken = useCsrfToken();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string>();

  async function verify() {
    setIsPending(true);
    setError(undefined);
    try {
      const { folder } = await sendJson<{ folder: Folder }>(
        'POST',
        `/api/folders/${encodeURIComponent(folderId)}/verification`,
        {},
        csrfToken,
      );
      onVerified(folder);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void verify()} disabled={isPending}>
        {isPending ? verifyText.pending : verifyText.verify}
        <span className="visually-hidden">{verifyText.verifyNamed(name)}</span>
      </button>
      {error && (
        <span role="alert" className="alert alert--error">
          {error}
        </span>
      )}
    </>
  );
}
