import { useResource } from '../ui/hooks';
import { AnswerCard } from './AnswerCard';
import type { AnswerScheme, SearchHome as Home } from './types';

const text = {
  popular: 'Dispositifs les plus consultés',
  popularNone: 'Aucun dispositif consulté ces 30 derniers jours.',
  latest: 'Derniers dispositifs publiés',
  latestNone: 'Aucun dispositif publié pour l’instant.',
  loading: 'Chargement des dispositifs…',
};

function SchemeGrid({ id, title, schemes, none }: { id: string; title: string; schemes: AnswerScheme[]; none: string }) {
  return (
    <section aria-labelledby={id} className="home-schemes">
      <h2 id={id}>{title}</h2>
      {schemes.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="card-grid home-schemes__grid" aria-labelledby={id}>
          {schemes.map((scheme) => (
            <li key={scheme.id} className="answer answer--compact">
              <AnswerCard scheme={scheme} isCompact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Before anything is typed: the schemes agents open most, and the newest ones (GET /api/search/home).
 * Should that list not come, the schemes of the latest documents (the search without words) stand in
 * for the newest: the home never says "nothing".
 */
export function SearchHome({ recent }: { recent: AnswerScheme[] | undefined }) {
  const home = useResource<Home>('/api/search/home');
  if (home.error && recent) {
    return (
      <div className="search-home">
        <SchemeGrid id="derniers-publies" title={text.latest} schemes={recent} none={text.latestNone} />
      </div>
    );
  }
  if (!home.data) return <p className="search-home__loading">{text.loading}</p>;
  return (
    <div className="search-home">
      <SchemeGrid id="plus-consultes" title={text.popular} schemes={home.data.popular} none={text.popularNone} />
      <SchemeGrid id="derniers-publies" title={text.latest} schemes={home.data.latest} none={text.latestNone} />
    </div>
  );
}
