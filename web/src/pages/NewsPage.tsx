import { DocumentTable } from '../components/DocumentTable';
import { usePageTitle, useResource } from '../hooks';
import type { DocumentItem } from '../types';

const text = {
  title: 'Nouveautés',
  intro: 'Les documents publiés ou mis à jour récemment, du plus récent au plus ancien.',
  caption: 'Documents publiés ou mis à jour récemment',
  loading: 'Chargement des nouveautés…',
  empty: 'Aucun document publié pour l’instant.',
};

/** The latest published or updated documents (GET /api/documents/recent). */
export function NewsPage() {
  usePageTitle(text.title);
  const { data, error } = useResource<{ documents: DocumentItem[] }>('/api/documents/recent');
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
      {data && (data.documents.length === 0 ? <p>{text.empty}</p> : <DocumentTable documents={data.documents} caption={text.caption} showScheme />)}
    </>
  );
}
