import { useId, useState } from 'react';
import { getJson } from '../api';
import { messageOf } from '../ui/hooks';
import { markedWords } from './markedWords';
import { OcrMention } from './OcrMention';
import { PageLink } from './PageLink';
import type { MatchingPage } from './types';

const text = {
  show: 'Toutes les pages qui correspondent',
  of: (title: string) => ` dans « ${title} »`,
  loading: 'Recherche des pages…',
  none: 'Aucune autre page ne correspond.',
  count: (n: number) => (n === 1 ? '1 page correspond.' : `${n} pages correspondent.`),
  page: (n: number) => `Page ${n}`,
};

type Loaded = { pages: MatchingPage[] } | { error: string };

/** In page order, each page once (a long page is indexed in several chunks: its best one is kept). */
function byPage(pages: MatchingPage[]): MatchingPage[] {
  const best = new Map<number, MatchingPage>();
  for (const page of pages) if (!best.has(page.page)) best.set(page.page, page);
  return [...best.values()].sort((a, b) => a.page - b.page);
}

/** A second look into one document: every page that matches the words (GET /api/documents/:id/pages). */
export function HitPages({ documentId, title, q, isPdf }: { documentId: string; title: string; q: string; isPdf: boolean }) {
  const [isOpen, setIsOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>();
  const regionId = useId();

  function toggle() {
    setIsOpen(!isOpen);
    if (isOpen || loaded) return;
    getJson<{ pages: MatchingPage[] }>(
      `/api/documents/${encodeURIComponent(documentId)}/pages?${new URLSearchParams({ q }).toString()}`,
    ).then(
      (answer) => setLoaded({ pages: byPage(answer.pages) }),
      (error: unknown) => setLoaded({ error: messageOf(error) }),
    );
  }

  return (
    <div className="hit__pages">
      <button type="button" className="link-button" aria-expanded={isOpen} aria-controls={regionId} onClick={toggle}>
        <span aria-hidden="true" className="link-button__icon">
          {isOpen ? '▾' : '▸'}
        </span>
        {text.show}
        <span className="visually-hidden">{text.of(title)}</span>
      </button>
      <div id={regionId} hidden={!isOpen}>
        <p role="status" className="hit__pages-status">
          {isOpen &&
            (!loaded ? text.loading : 'error' in loaded ? '' : loaded.pages.length === 0 ? text.none : text.count(loaded.pages.length))}
        </p>
        {isOpen && loaded && 'error' in loaded && (
          <p role="alert" className="alert alert--error">
            {loaded.error}
          </p>
        )}
        {loaded && 'pages' in loaded && loaded.pages.length > 0 && (
          <ol className="page-list">
            {loaded.pages.map((page) => (
              <li key={page.page}>
                <span className="page-list__number">{text.page(page.page)}</span>
                {/* The server escapes the text and adds only <mark>: its snippets are the one HTML it sends. */}
                <span className="snippet" dangerouslySetInnerHTML={{ __html: page.snippet }} />
                <OcrMention confidence={page.ocrConfidence} />
                {isPdf && <PageLink documentId={documentId} title={title} page={page.page} q={q} words={markedWords(page.snippet)} />}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
