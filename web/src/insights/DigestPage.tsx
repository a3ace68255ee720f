import { Link, useParams } from 'react-router';
import { DirectoratePicker } from './DirectoratePicker';
import { usePageTitle, useResource } from '../ui/hooks';
import { formatDate } from '../ui/labels';
import { ReportList } from '../reports/ReportList';
import { linkTo, pagePaths } from '../routes';
import type { Report } from '../reports/types';
import type { Verification } from '../folders/types';
import { UnansweredTable, type UnansweredQuery } from './GapsPage';

interface Digest {
  directorate: { id: string; code: string; name: string };
  days: number;
  unansweredQueries: UnansweredQuery[];
  openReports: Report[];
  schemesToVerify: (Verification & { id: string; name: string })[];
  isEmpty: boolean;
}

const text = {
  title: 'Résumé de la semaine',
  titleOf: (name: string) => `Résumé de la semaine — ${name}`,
  loading: 'Chargement…',
  intro: 'Le même résumé part chaque semaine par e-mail aux éditeurs de la direction, quand il y a quelque chose à dire.',
  empty: 'Rien à signaler cette semaine : aucune recherche sans résultat, aucun signalement ouvert, aucune fiche à vérifier.',
  queries: (n: number) => `Recherches sans résultat des 7 derniers jours ou confiées à votre direction (${n})`,
  reports: (n: number) => `Signalements ouverts (${n})`,
  schemes: (n: number) => `Fiches à vérifier (${n})`,
  noScheme: 'Aucune fiche à vérifier cette semaine.',
  dueSince: (date: string) => `à vérifier depuis le ${date}`,
  dueOn: (date: string) => `à vérifier le ${date}`,
  never: 'jamais vérifiée',
  gaps: 'Vos manques',
  verify: 'Vérifier les fiches',
};

/** The weekly digest of a directorate, as a page (and the e-mail's link). */
export function DigestPage() {
  const { id = '' } = useParams();
  const digest = useResource<Digest>(`/api/directorates/${encodeURIComponent(id)}/digest`);
  usePageTitle(digest.data ? text.titleOf(digest.data.directorate.name) : text.title);
  if (digest.error) {
    return (
      <>
        <h1>{text.title}</h1>
        <p role="alert" className="alert alert--error">
          {digest.error}
        </p>
      </>
    );
  }
  if (!digest.data) return <p role="status">{text.loading}</p>;
  const { directorate, unansweredQueries, openReports, schemesToVerify, isEmpty } = digest.data;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  return (
    <>
      <h1>{text.titleOf(directorate.name)}</h1>
      <DirectoratePicker current={directorate.id} linkOf={linkTo.digest} />
      <p>{text.intro}</p>
      <p className="actions">
        <Link to={linkTo.gaps(directorate.id)}>{text.gaps}</Link>
      </p>
      {isEmpty ? (
        <p className="alert alert--success">{text.empty}</p>
      ) : (
        <>
          <section aria-labelledby="semaine-recherches">
            <h2 id="semaine-recherches">{text.queries(unansweredQueries.length)}</h2>
            <UnansweredTable queries={unansweredQueries} />
          </section>
          <section aria-labelledby="semaine-signalements">
            <h2 id="semaine-signalements">{text.reports(openReports.length)}</h2>
            <ReportList reports={openReports} showReporter />
          </section>
          <section aria-labelledby="semaine-fiches">
            <h2 id="semaine-fiches">{text.schemes(schemesToVerify.length)}</h2>
            {schemesToVerify.length === 0 ? (
              <p>{text.noScheme}</p>
            ) : (
              <>
                <ul>
                  {schemesToVerify.map((scheme) => (
                    <li key={scheme.id}>
                      <Link to={linkTo.folder(scheme.id)}>{scheme.name}</Link> —{' '}
                      {scheme.reviewDueOn
                        ? (scheme.reviewDueOn <= today ? text.dueSince : text.dueOn)(formatDate(scheme.reviewDueOn))
                        : text.never}
                    </li>
                  ))}
                </ul>
                <p>
                  <Link className="button" to={pagePaths.verificationQueue}>
                    {text.verify}
                  </Link>
                </p>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
