import { Link, useSearchParams } from 'react-router';
import { AuditFilterForm, auditFilterKeys } from '../../components/admin/AuditFilterForm';
import { AuditTable, type KnownNames } from '../../components/admin/AuditTable';
import { filtersOf, queryOf } from '../../components/admin/filters';
import type { AdminUser, AuditEvent, Place } from '../../components/admin/types';
import { usePageTitle, useResource } from '../../hooks';
import { pagePaths } from '../../routes';

const text = {
  title: 'Journal d’audit',
  intro:
    'Chaque écriture laisse une trace que personne ne peut modifier : connexions, changements des dispositifs, des documents, de leurs liens publics et des réglages. 100 événements par page, du plus récent au plus ancien.',
  loading: 'Chargement du journal…',
  shown: (page: number, count: number) =>
    count === 0
      ? page === 1
        ? 'Aucun événement ne correspond à ces filtres.'
        : `Page ${page} : aucun autre événement.`
      : `Page ${page} : événements ${(page - 1) * perPage + 1} à ${(page - 1) * perPage + count}.`,
  export: 'Exporter en CSV',
  exportHint: 'Tous les événements qui correspondent aux filtres, pas seulement ceux de cette page.',
  pages: 'Pages du journal',
  previous: 'Page précédente',
  next: 'Page suivante',
};

/** The API's page size (server/admin/routes.ts): a full page may have a next one. */
const perPage = 100;

/** For administrators: who did what and when, filtered, page by page, and exported (GET /api/admin/audit, audit.csv). */
export function AuditPage() {
  usePageTitle(text.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params, auditFilterKeys);
  const query = queryOf(filters);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const pageQuery = queryOf({ ...filters, page: page > 1 ? String(page) : undefined });
  const loaded = useResource<{ events: AuditEvent[]; page: number }>(`/api/admin/audit${pageQuery ? `?${pageQuery}` : ''}`);
  const users = useResource<{ users: AdminUser[] }>('/api/admin/users').data?.users ?? [];
  const directorates = useResource<{ directorates: Place[] }>('/api/admin/directorates').data?.directorates ?? [];
  const maisons = useResource<{ maisons: Place[] }>('/api/admin/maisons').data?.maisons ?? [];
  const names: KnownNames = {
    user: new Map(users.map((user) => [user.id, user.displayName])),
    directorate: new Map(directorates.map((place) => [place.id, place.name])),
    maison: new Map(maisons.map((place) => [place.id, place.name])),
  };
  const events = loaded.data?.events;
  const pageLink = (n: number) => {
    const next = queryOf({ ...filters, page: n > 1 ? String(n) : undefined });
    return `${pagePaths.adminAudit}${next ? `?${next}` : ''}`;
  };

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <AuditFilterForm key={query} initial={filters} users={users} onApply={(next) => setParams(queryOf(next))} />
      <p className="actions">
        <a className="button button--secondary" href={`/api/admin/audit.csv${query ? `?${query}` : ''}`} download aria-describedby="journal-export-aide">
          {text.export}
        </a>
        <span id="journal-export-aide" className="field__hint">
          {text.exportHint}
        </span>
      </p>
      <p role="status" className="search-count">
        {events ? text.shown(page, events.length) : loaded.error ? '' : text.loading}
      </p>
      {loaded.error && (
        <p role="alert" className="alert alert--error">
          {loaded.error}
        </p>
      )}
      {events && events.length > 0 && <AuditTable events={events} names={names} />}
      {events && (page > 1 || events.length === perPage) && (
        <nav aria-label={text.pages} className="pagination">
          <ul>
            {page > 1 && (
              <li>
                <Link to={pageLink(page - 1)}>{text.previous}</Link>
              </li>
            )}
            {events.length === perPage && (
              <li>
                <Link to={pageLink(page + 1)}>{text.next}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
