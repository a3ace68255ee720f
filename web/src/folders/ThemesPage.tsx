import { Link } from 'react-router';
import { AvailabilityBadge } from '../ui/Badges';
import { usePageTitle, useResource } from '../ui/hooks';
import { linkTo } from '../routes';
import type { Folder } from './types';

const text = {
  title: 'Thèmes',
  intro: 'Les dispositifs de la Région, rangés par thème. Ouvrez un thème pour voir ses dispositifs et leurs documents.',
  loading: 'Chargement des thèmes…',
  noScheme: 'Aucun dispositif pour l’instant.',
  schemeCount: (n: number) => (n === 0 ? 'Aucun dispositif' : n === 1 ? '1 dispositif' : `${n} dispositifs`),
  schemesOf: (theme: string) => `Dispositifs du thème ${theme}`,
};

/** The top of the thematic tree: every theme with its current schemes. */
export function ThemesPage() {
  usePageTitle(text.title);
  const { data, error } = useResource<{ folders: Folder[] }>('/api/folders');
  const folders = data?.folders ?? [];
  const themes = folders.filter((folder) => folder.parentId === null);
  const schemesOf = (theme: Folder) => folders.filter((f) => f.parentId === theme.id && f.scheme && !f.scheme.isArchived);

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">{text.loading}</p>}
      <ul className="card-grid">
        {themes.map((theme) => {
          const schemes = schemesOf(theme);
          return (
            <li key={theme.id} className="card">
              <h2 className="card__title">
                <Link to={linkTo.folder(theme.id)}>{theme.name}</Link>
              </h2>
              <p className="card__meta">{text.schemeCount(schemes.length)}</p>
              {schemes.length > 0 && (
                <ul className="plain-list" aria-label={text.schemesOf(theme.name)}>
                  {schemes.map((scheme) => (
                    <li key={scheme.id}>
                      <Link to={linkTo.folder(scheme.id)}>{scheme.name}</Link>{' '}
                      {scheme.scheme && <AvailabilityBadge availability={scheme.scheme.availability} />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
