import { useState } from 'react';
import { SelectField } from '../components/Fields';
import { Restricted } from '../components/Restricted';
import { InsightsTable } from '../components/InsightsTable';
import { usePageTitle, useResource } from '../hooks';
import { formatDateTime } from '../labels';
import { useSession } from '../session';
import type { Folder } from '../types';

const text = {
  title: 'Recherches des agents',
  intro:
    'Ce que les agents des Maisons de Région recherchent, et ce qu’ils cherchent sans rien trouver : de quoi compléter les documents, les résumés ou les mots-clés des dispositifs.',
  period: 'Période',
  periods: [7, 30, 90].map((days) => ({ value: String(days), label: `${days} derniers jours` })),
  theme: 'Thème',
  themeHint: 'Les recherches faites avec ce thème pour filtre.',
  allThemes: 'Tous les thèmes',
  loading: 'Chargement des recherches…',
  summary: (top: number, without: number) =>
    `${top === 0 ? 'Aucune recherche' : top === 1 ? '1 recherche' : `${top} recherches`} différente${top > 1 ? 's' : ''} sur la période, dont ${without} sans résultat.`,
  top: 'Les plus recherchées',
  topCaption: (days: number) => `Recherches les plus fréquentes sur les ${days} derniers jours`,
  without: 'Recherchées sans résultat',
  withoutCaption: (days: number) => `Recherches sans résultat sur les ${days} derniers jours`,
  query: 'Recherche',
  searches: 'Nombre de recherches',
  averageResults: 'Résultats en moyenne',
  lastSearchedAt: 'Dernière recherche',
  noTop: 'Aucune recherche sur cette période.',
  noWithout: 'Toutes les recherches de la période ont trouvé au moins un document.',
  restricted: 'Cette page est réservée aux éditeurs des directions et aux administrateurs.',
};

interface Insights {
  days: number;
  topQueries: { query: string; searches: number; averageResults: number }[];
  queriesWithoutResults: { query: string; searches: number; lastSearchedAt: string }[];
}

/** For directorates: what agents search, and what they search without finding (GET /api/search/insights). */
export function InsightsPage() {
  const { session } = useSession();
  const canRead = session.status === 'signedIn' && session.user.can.readInsights;
  if (!canRead) return <Restricted reason={text.restricted} />;
  return <Insights />;
}

function Insights() {
  usePageTitle(text.title);
  const [days, setDays] = useState('30');
  const [theme, setTheme] = useState('');
  const folders = useResource<{ folders: Folder[] }>('/api/folders').data?.folders ?? [];
  const themes = folders.filter((f) => f.parentId === null).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const params = new URLSearchParams({ days, ...(theme ? { theme } : {}) });
  const { data, error } = useResource<Insights>(`/api/search/insights?${params.toString()}`);

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <div className="field-row">
        <SelectField id="periode" label={text.period} value={days} onChange={setDays} options={text.periods} />
        <SelectField
          id="theme"
          label={text.theme}
          hint={text.themeHint}
          value={theme}
          onChange={setTheme}
          options={[{ value: '', label: text.allThemes }, ...themes.map((t) => ({ value: t.id, label: t.name }))]}
        />
      </div>
      <p role="status">{data ? text.summary(data.topQueries.length, data.queriesWithoutResults.length) : error ? '' : text.loading}</p>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      {data && (
        <div className="columns">
          <InsightsTable
            id="plus-recherchees"
            title={text.top}
            caption={text.topCaption(data.days)}
            empty={text.noTop}
            headers={[text.query, text.searches, text.averageResults]}
            rows={data.topQueries.map((row) => [row.query, row.searches, row.averageResults])}
          />
          <InsightsTable
            id="sans-resultat"
            title={text.without}
            caption={text.withoutCaption(data.days)}
            empty={text.noWithout}
            headers={[text.query, text.searches, text.lastSearchedAt]}
            rows={data.queriesWithoutResults.map((row) => [row.query, row.searches, formatDateTime(row.lastSearchedAt)])}
          />
        </div>
      )}
    </>
  );
}
