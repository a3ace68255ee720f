import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { ScopeBadge } from '../ui/Badges';
import { SelectField } from '../ui/Fields';
import { useCsrfToken, usePageTitle, useResource } from '../ui/hooks';
import { docTypeLabels, formatDateTime, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';
import type { Folder } from '../folders/types';

const text = {
  title: 'Nouveautés',
  intro: 'Les documents publiés ou mis à jour ces 30 derniers jours, jour par jour, du plus récent au plus ancien.',
  theme: 'Thème',
  allThemes: 'Tous les thèmes',
  loading: 'Chargement des nouveautés…',
  empty: 'Aucun document publié ou mis à jour sur cette période.',
  firstVisit: 'Votre première visite : les prochaines fois, ce qui a changé depuis sera marqué « Nouveau ».',
  since: (count: number, since: string) =>
    count === 0
      ? `Rien de nouveau depuis votre dernière visite, le ${formatDateTime(since)}.`
      : `${count} nouveauté${count > 1 ? 's' : ''} depuis votre dernière visite, le ${formatDateTime(since)}.`,
  isNew: 'Nouveau',
  inScheme: (name: string) => `Dispositif : ${name}`,
  updatedAt: (at: string) => `Mis à jour le ${formatDateTime(at)}`,
};

type NewsDocument = DocumentItem & { isNew: boolean; theme: { id: string; name: string } | null };

interface News {
  since: string | null;
  newCount: number;
  days: { day: string; documents: NewsDocument[] }[];
}

const dayTitle = (day: string) => {
  const title = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(`${day}T12:00:00Z`));
  return title.charAt(0).toUpperCase() + title.slice(1);
};

/** What changed lately, by day, marked new since the agent's last visit, in one theme or all (GET /api/news). */
export function NewsPage() {
  usePageTitle(text.title);
  const csrfToken = useCsrfToken();
  const [theme, setTheme] = useState('');
  const folders = useResource<{ folders: Folder[] }>('/api/folders').data?.folders ?? [];
  const themes = folders.filter((f) => f.parentId === null).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const { data, error } = useResource<News>(`/api/news${theme ? `?theme=${encodeURIComponent(theme)}` : ''}`);
  const isVisitRecorded = useRef(false);

  // Once the news are on screen, this visit is recorded: the next one marks what changed after it.
  useEffect(() => {
    if (!data || isVisitRecorded.current || !csrfToken) return;
    isVisitRecorded.current = true;
    sendJson('POST', '/api/news/visit', {}, csrfToken).catch(() => {
      isVisitRecorded.current = false;
    });
  }, [data, csrfToken]);

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <div className="field-row">
        <SelectField
          id="nouveautes-theme"
          label={text.theme}
          value={theme}
          onChange={setTheme}
          options={[{ value: '', label: text.allThemes }, ...themes.map((t) => ({ value: t.id, label: t.name }))]}
        />
      </div>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      <p role="status">{data ? (data.since ? text.since(data.newCount, data.since) : text.firstVisit) : error ? '' : text.loading}</p>
      {data && data.days.length === 0 && <p>{text.empty}</p>}
      {data?.days.map((day) => (
        <section key={day.day} aria-labelledby={`jour-${day.day}`} className="news-day">
          <h2 id={`jour-${day.day}`}>{dayTitle(day.day)}</h2>
          <ul className="news-list">
            {day.documents.map((document) => (
              <li key={document.id} className={document.isNew ? 'news-item news-item--new' : 'news-item'}>
                <p className="news-item__title">
                  {document.isNew && <span className="badge badge--new">{text.isNew}</span>}
                  <Link to={linkTo.document(document.id)}>{document.title}</Link>
                </p>
                <p className="news-item__meta">
                  {labelOf(docTypeLabels, document.docType)}
                  {document.theme && <> · {document.theme.name}</>}
                  {document.scheme && <> · {text.inScheme(document.scheme.name)}</>} · <ScopeBadge scope={document.scope} />
                </p>
                <p className="news-item__meta">{text.updatedAt(document.updatedAt)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
