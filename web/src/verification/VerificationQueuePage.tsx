import { useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle, useResource } from '../ui/hooks';
import { formatDate } from '../ui/labels';
import { linkTo } from '../routes';
import type { Verification } from '../folders/types';
import { VerifiedLine } from './VerifiedLine';
import { VerifyButton, verifyText } from './VerifyButton';
import { Table } from '../ui/Table';

interface DueScheme extends Verification {
  id: string;
  name: string;
  directorate: { id: string; code: string; name: string };
}

const text = {
  title: 'Fiches à vérifier',
  intro:
    'Les dispositifs de votre direction dont la fiche doit être confirmée (en retard, ou dans les 30 jours). Relisez la fiche, corrigez-la si besoin (l’enregistrer vaut vérification) ou marquez-la comme vérifiée.',
  loading: 'Chargement…',
  empty: 'Aucune fiche à vérifier : tout est à jour.',
  caption: 'Fiches à vérifier, les plus en retard d’abord',
  scheme: 'Dispositif',
  due: 'Échéance',
  state: 'Dernière vérification',
  verifier: 'Vérificateur',
  action: 'Action',
  nobody: 'Non désigné',
  never: 'Jamais',
};

/** The editor's queue: schemes overdue or soon due, each verified in one click. */
export function VerificationQueuePage() {
  usePageTitle(text.title);
  const queue = useResource<{ schemes: DueScheme[] }>('/api/verifications/due');
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <p role="status" className={notice ? 'alert alert--success' : undefined}>
        {notice}
      </p>
      {queue.error && (
        <p role="alert" className="alert alert--error">
          {queue.error}
        </p>
      )}
      {queue.isLoading && <p role="status">{text.loading}</p>}
      {queue.data &&
        (queue.data.schemes.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <Table caption={text.caption} isCaptionShown columns={[text.scheme, text.due, text.state, text.verifier, text.action]}>
            {queue.data.schemes.map((scheme) => (
              <tr key={scheme.id}>
                <th scope="row">
                  <Link to={linkTo.folder(scheme.id)}>{scheme.name}</Link>
                </th>
                <td>{scheme.reviewDueOn ? formatDate(scheme.reviewDueOn) : text.never}</td>
                <td>
                  <VerifiedLine verifiedAt={scheme.verifiedAt} isReviewDue={scheme.isReviewDue} className="" />
                </td>
                <td>{scheme.verifier?.name ?? text.nobody}</td>
                <td>
                  <VerifyButton
                    folderId={scheme.id}
                    name={scheme.name}
                    className="button button--small"
                    onVerified={() => {
                      setNotice(`${verifyText.done} (${scheme.name})`);
                      queue.replace({ schemes: (queue.data?.schemes ?? []).filter((s) => s.id !== scheme.id) });
                    }}
                  />
                </td>
              </tr>
            ))}
          </Table>
        ))}
    </>
  );
}
