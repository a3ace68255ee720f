import { Link, useSearchParams } from 'react-router';
import { AuditFilterForm, auditFilterKeys } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { filtersOf, queryOf } from './filters';
import type { AdminUser, AuditEvent, AuditVocabulary } from './types';
import { usePageTitle, useResource } from '../ui/hooks';
import { pagePaths } from '../routes';

const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

const text = {
  title: 'Journal d’audit',
  intro:
    'Chaque écriture laisse une trace que personne ne peut modifier : connexions, changements des dispositifs, des documents, de leurs liens publics et des réglages. 100 événements par page, du plus récent au plus ancien.',
  loading: 'Chargement du journal…',
  shown: (page: number, pageCount: number, total: number) =>
    total === 0
      ? 'Aucun événement ne correspond à ces filtres.'
      : `Page ${page} sur ${pageCount} : ${number(total)} événement${total > 1 ? 's' : ''} en tout.`,
  export: 'Exporter en CSV',
  exportHint:
    'Tous les événements qui correspondent aux filtres, pas seulement ceux de cette page, avec les mêmes mots et l’heure de Paris.',
  pages: 'Pages du journal',
  previous: 'Page précédente',
  next: 'Page suivante',
  first: 'Première page',
};

interface AuditAnswer extends AuditVocabulary {
  events: AuditEvent[];
  page: number;
  pageCount: number;
  total: number;
}

/** For administrators: who did what and when, in words, filtered, page by page, and exported (GET /api/admin/audit, audit.csv). */
export function AuditPage() {
  usePageTitle(text.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params, auditFilterKeys);
  const query = queryOf(filters);
  const requested = params.get('page') ?? '1';
  const page = Math.max(1, Number.parseInt(requested, 10) || 1);
  const pageQuery = queryOf({ ...filters, page: requested !== '1' ? requested : undefined });
  const loaded = useResource<AuditAnswer>(`/api/admin/audit${pageQuery ? `?${pageQuery}` : ''}`);
  const users = useResource<{ users: AdminUser[] }>('/api/admin/users').data?.users ?? [];
  const vocabulary = useResource<AuditAnswer>('/api/admin/audit?page=1').data ?? { actions: [], objectTypes: [] };
  const answer = loaded.data;
  const pageLink = (n: number) => {
    const next = queryOf({ ...filters, page: n > 1 ? String(n) : undefined });
    return `${pagePaths.adminAudit}${next ? `?${next}` : ''}`;
  };

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <AuditFilterForm key={query} initial={filters} users={users} vocabulary={vocabulary} onApply={(next) => setParams(queryOf(next))} />
      <p className="actions">
        <a
          className="button button--secondary"
          href={`/api/admin/audit.csv${query ? `?${query}` : ''}`}
          download
          aria-describedby="journal-export-aide"
        >
          {text.export}
        </a>
        <span id="journal-export-aide" className="field__hint">
          {text.exportHint}
        </span>
      </p>
      <p role="status" className="search-count">
        {answer ? text.shown(answer.page, answer.pageCount, answer.total) : loaded.error ? '' : text.loading}
      </p>
      {loaded.error && (
        <p role="alert" className="alert alert--error">
          {loaded.error} <Link to={pageLink(1)}>{text.first}</Link>
        </p>
      )}
      {answer && answer.events.length > 0 && <AuditTable events={answer.events} />}
      {answer && answer.pageCount > 1 && (
        <nav aria-label={text.pages} className="pagination">
          <ul>
            {page > 1 && (
              <li>
                <Link to={pageLink(page - 1)}>{text.previous}</Link>
              </li>
            )}
            {page < answer.pageCount && (
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
