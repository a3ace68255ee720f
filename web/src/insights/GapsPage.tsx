import { Link, useParams } from 'react-router';
import { DirectoratePicker } from './DirectoratePicker';
import { usePageTitle, useResource } from '../ui/hooks';
import { formatDate, formatDateTime } from '../ui/labels';
import { ReportList } from '../reports/ReportList';
import { linkTo, pagePaths } from '../routes';
import type { Report } from '../reports/types';
import { Table } from '../ui/Table';

/** An unanswered query of the directorate's themes, or one handed to it (server/insights/directorate.ts). */
export interface UnansweredQuery {
  query: string;
  searches: number;
  lastSearchedAt: string | null;
  theme: { id: string; name: string } | null;
  assignment: { note: string | null; actedBy: string | null; actedAt: string } | null;
}

interface Gaps {
  directorate: { id: string; code: string; name: string };
  days: number;
  themes: { id: string; name: string }[];
  unansweredQueries: UnansweredQuery[];
  openReports: Report[];
}

const text = {
  title: 'Vos manques',
  titleOf: (name: string) => `Vos manques — ${name}`,
  loading: 'Chargement…',
  intro: (days: number, themes: string) =>
    `Ce que les agents cherchent dans vos thèmes (${themes}) sans rien trouver sur les ${days} derniers jours, les recherches confiées à votre direction, et les signalements encore ouverts.`,
  noTheme: 'aucun thème pour l’instant',
  queries: 'Recherches sans résultat dans vos thèmes ou confiées à votre direction',
  queriesCaption: 'Recherches sans résultat, les plus fréquentes d’abord',
  query: 'Recherche',
  theme: 'Thème',
  searches: 'Nombre',
  last: 'Dernière fois',
  noQuery: 'Aucune recherche sans résultat dans vos thèmes ni confiée à votre direction sur la période.',
  withoutTheme: 'Sans thème',
  notSearched: 'Pas sur la période',
  assignedBy: (who: string | null, date: string) => `Confiée à votre direction par ${who ?? 'un utilisateur supprimé'} le ${date}`,
  reports: 'Signalements ouverts',
  handle: 'Traiter les signalements',
  digest: 'Résumé de la semaine',
  verify: 'Fiches à vérifier',
};

/** "Vos manques" of a directorate: unanswered queries of its themes and its open reports. */
export function GapsPage() {
  const { id = '' } = useParams();
  const gaps = useResource<Gaps>(`/api/directorates/${encodeURIComponent(id)}/gaps`);
  usePageTitle(gaps.data ? text.titleOf(gaps.data.directorate.name) : text.title);
  if (gaps.error) {
    return (
      <>
        <h1>{text.title}</h1>
        <p role="alert" className="alert alert--error">
          {gaps.error}
        </p>
      </>
    );
  }
  if (!gaps.data) return <p role="status">{text.loading}</p>;
  const { directorate, days, themes, unansweredQueries, openReports } = gaps.data;
  return (
    <>
      <h1>{text.titleOf(directorate.name)}</h1>
      <DirectoratePicker current={directorate.id} linkOf={linkTo.gaps} />
      <p>{text.intro(days, themes.length ? themes.map((t) => t.name).join(', ') : text.noTheme)}</p>
      <p className="actions">
        <Link to={linkTo.digest(directorate.id)}>{text.digest}</Link>
        <Link to={pagePaths.verificationQueue}>{text.verify}</Link>
      </p>
      <section aria-labelledby="recherches-sans-resultat">
        <h2 id="recherches-sans-resultat">{text.queries}</h2>
        <UnansweredTable queries={unansweredQueries} />
      </section>
      <section aria-labelledby="signalements-ouverts">
        <h2 id="signalements-ouverts">{text.reports}</h2>
        <ReportList reports={openReports} showReporter />
        {openReports.length > 0 && (
          <p>
            <Link className="button" to={pagePaths.reportsQueue}>
              {text.handle}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

export function UnansweredTable({ queries }: { queries: UnansweredQuery[] }) {
  if (queries.length === 0) return <p>{text.noQuery}</p>;
  return (
    <Table caption={text.queriesCaption} isCaptionShown columns={[text.query, text.theme, text.searches, text.last]}>
      {queries.map((q) => (
        <tr key={q.query}>
          <th scope="row">
            {q.query}
            {q.assignment && (
              <span className="table__hint">
                {text.assignedBy(q.assignment.actedBy, formatDate(q.assignment.actedAt))}
                {q.assignment.note && <> : « {q.assignment.note} »</>}
              </span>
            )}
          </th>
          <td>{q.theme?.name ?? text.withoutTheme}</td>
          <td>{q.searches}</td>
          <td>{q.lastSearchedAt ? formatDateTime(q.lastSearchedAt) : text.notSearched}</td>
        </tr>
      ))}
    </Table>
  );
}
