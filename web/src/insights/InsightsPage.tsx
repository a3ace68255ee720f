import { useState } from 'react';
import { SelectField } from '../ui/Fields';
import { Restricted } from '../auth/Restricted';
import { InsightsTable } from './InsightsTable';
import { GapDialog } from './GapDialog';
import { UnansweredTable } from './UnansweredTable';
import type { Insights } from './types';
import { usePageTitle, useResource } from '../ui/hooks';
import { useSession } from '../auth/session';
import type { Directorate, Folder } from '../folders/types';

const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

const text = {
  title: 'Recherches des agents',
  intro:
    'Ce que les agents des Maisons de Région recherchent, et ce qu’ils cherchent sans trouver de réponse : de quoi compléter les documents, les résumés ou les mots-clés des dispositifs. Une recherche compte une fois, même affinée (frappe, filtres, retour arrière).',
  period: 'Période',
  periods: [7, 30, 90, 365].map((days) => ({ value: String(days), label: days === 365 ? '12 derniers mois' : `${days} derniers jours` })),
  theme: 'Thème',
  themeHint: 'Les recherches filtrées sur ce thème, ou dont la meilleure réponse y est.',
  allThemes: 'Tous les thèmes',
  maison: 'Maison de Région',
  allMaisons: 'Toutes les Maisons',
  noTheme: 'Sans thème',
  noMaison: 'Sans Maison (siège)',
  loading: 'Chargement des recherches…',
  summary: (searches: number, unanswered: number) =>
    searches === 0
      ? 'Aucune recherche sur la période.'
      : `${number(searches)} recherche${searches > 1 ? 's' : ''} sur la période, dont ${number(unanswered)} sans réponse.`,
  top: 'Les plus recherchées',
  topCaption: (days: number) => `Recherches les plus fréquentes sur les ${days} derniers jours`,
  byMaison: 'Par Maison de Région',
  byMaisonCaption: 'Recherches et recherches sans réponse par Maison de Région',
  byTheme: 'Par thème',
  byThemeCaption: 'Recherches et recherches sans réponse par thème',
  query: 'Recherche',
  searches: 'Nombre de recherches',
  unanswered: 'Sans réponse',
  averageResults: 'Résultats en moyenne',
  noTop: 'Aucune recherche sur cette période.',
  restricted: 'Cette page est réservée aux éditeurs des directions et aux administrateurs.',
};

/** For directorates: what agents search, and what they search without finding, and what to do about it (GET /api/search/insights). */
export function InsightsPage() {
  const { session } = useSession();
  const canRead = session.status === 'signedIn' && session.user.can.readInsights;
  if (!canRead) return <Restricted reason={text.restricted} />;
  return <InsightsView canAddSynonym={session.user.can.administer} />;
}

function InsightsView({ canAddSynonym }: { canAddSynonym: boolean }) {
  usePageTitle(text.title);
  const [days, setDays] = useState('30');
  const [theme, setTheme] = useState('');
  const [maison, setMaison] = useState('');
  const [acting, setActing] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const folders = useResource<{ folders: Folder[] }>('/api/folders').data?.folders ?? [];
  const maisons = useResource<{ maisons: { id: string; name: string }[] }>('/api/maisons').data?.maisons ?? [];
  const directorates = useResource<{ directorates: Directorate[] }>('/api/directorates').data?.directorates ?? [];
  const themes = folders.filter((f) => f.parentId === null).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const mySchemes = folders
    .filter((f) => f.scheme && !f.scheme.isArchived && f.can.update)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const params = new URLSearchParams({ days, ...(theme ? { theme } : {}), ...(maison ? { maison } : {}) });
  const { data, error, reload } = useResource<Insights>(`/api/search/insights?${params.toString()}`);

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
        <SelectField
          id="maison"
          label={text.maison}
          value={maison}
          onChange={setMaison}
          options={[{ value: '', label: text.allMaisons }, ...maisons.map((m) => ({ value: m.id, label: m.name }))]}
        />
      </div>
      <p role="status">{data ? text.summary(data.totals.searches, data.totals.unanswered) : error ? '' : text.loading}</p>
      <div role="status">{done && <p className="alert alert--success">{done}</p>}</div>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      {data && <InsightsTables data={data} onAct={setActing} />}
      <GapDialog
        key={acting ?? ''}
        query={acting}
        schemes={mySchemes}
        directorates={directorates}
        canAddSynonym={canAddSynonym}
        onClose={() => setActing(null)}
        onDone={(message) => {
          setDone(message);
          reload();
        }}
      />
    </>
  );
}

/** The searches without an answer, the most searched, and the searches by Maison and by theme. */
function InsightsTables({ data, onAct }: { data: Insights; onAct(query: string): void }) {
  return (
    <>
      <UnansweredTable days={data.days} rows={data.queriesWithoutResults} onAct={onAct} />
      <InsightsTable
        id="plus-recherchees"
        title={text.top}
        caption={text.topCaption(data.days)}
        empty={text.noTop}
        headers={[text.query, text.searches, text.averageResults]}
        rows={data.topQueries.map((row) => [row.query, row.searches, row.averageResults])}
      />
      <div className="columns">
        <InsightsTable
          id="par-maison"
          title={text.byMaison}
          caption={text.byMaisonCaption}
          empty={text.noTop}
          headers={[text.maison, text.searches, text.unanswered]}
          rows={data.byMaison.map((row) => [row.maison?.name ?? text.noMaison, row.searches, row.unanswered])}
        />
        <InsightsTable
          id="par-theme"
          title={text.byTheme}
          caption={text.byThemeCaption}
          empty={text.noTop}
          headers={[text.theme, text.searches, text.unanswered]}
          rows={data.byTheme.map((row) => [row.theme?.name ?? text.noTheme, row.searches, row.unanswered])}
        />
      </div>
    </>
  );
}
