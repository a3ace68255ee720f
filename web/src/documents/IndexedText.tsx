import { useId, useState } from 'react';
import { useResource } from '../ui/hooks';
import { ocrConfidenceText } from '../search/OcrMention';
import type { DocumentItem } from './types';

const text = {
  title: 'Ce que la recherche voit',
  intro:
    'Le texte que la recherche a lu dans le fichier, page par page. Un mot absent d’ici ne trouvera pas ce document par son contenu (le titre, le résumé et la fiche du dispositif restent cherchés).',
  loading: 'Chargement du texte…',
  pending: 'Le texte sera lu à la publication du document, ou est en cours de lecture.',
  none: 'Aucun texte n’a été lu dans ce fichier : le document reste trouvable par son titre, son résumé et sa fiche.',
  why: (reason: string) => `Raison : ${reason}`,
  count: (total: number) => (total === 1 ? '1 page de texte.' : `${total} pages de texte.`),
  range: (from: number, to: number, total: number) => `Pages ${from} à ${to} sur ${total}`,
  previous: 'Pages précédentes',
  next: 'Pages suivantes',
  goTo: 'Aller aux pages',
  page: (n: number) => `Page ${n}`,
  words: (n: number) => (n === 0 ? 'vide' : n === 1 ? '1 mot' : `${n} mots`),
  ocr: 'Texte reconnu automatiquement',
  empty: 'Aucun texte sur cette page.',
};

/** Pages shown at a time: a 300-page document stays a short list. */
const sliceSize = 10;

interface IndexedPage {
  number: number;
  text: string;
  isOcr: boolean;
  ocrConfidence: number | null;
}
interface PageTextAnswer {
  version: number | null;
  extractionStatus: string | null;
  extractionError: string | null;
  total: number;
  offset: number;
  pages: IndexedPage[];
}

const wordCount = (value: string) => value.split(/\s+/).filter(Boolean).length;

/** The text the index holds of the current version, ten pages at a time, each page folded. */
export function IndexedText({ document }: { document: DocumentItem }) {
  const [offset, setOffset] = useState(0);
  const version = document.currentVersion?.number;
  const loaded = useResource<PageTextAnswer>(
    version ? `/api/documents/${encodeURIComponent(document.id)}/text?offset=${offset}&limit=${sliceSize}&v=${version}` : null,
  );
  const answer = loaded.data;

  let body;
  if (loaded.error) {
    body = (
      <p role="alert" className="alert alert--error">
        {loaded.error}
      </p>
    );
  } else if (!answer) {
    body = <p role="status">{text.loading}</p>;
  } else if (answer.total === 0) {
    body = (
      <>
        <p>{answer.extractionStatus === 'pending' ? text.pending : text.none}</p>
        {answer.extractionError && <p className="field__hint">{text.why(answer.extractionError)}</p>}
      </>
    );
  } else {
    const last = Math.min(answer.offset + answer.pages.length, answer.total);
    const slices = Math.ceil(answer.total / sliceSize);
    body = (
      <>
        <SliceNav answer={answer} last={last} slices={slices} onOffset={setOffset} />
        <PageList answer={answer} />
      </>
    );
  }

  return (
    <section aria-labelledby="texte-indexe" className="panel indexed-text">
      <h2 id="texte-indexe">{text.title}</h2>
      <p className="field__hint">{text.intro}</p>
      {answer && answer.total > 0 && <p>{text.count(answer.total)}</p>}
      {body}
    </section>
  );
}

/** Where the shown pages sit among all of them, and the way to the other slices. */
function SliceNav({
  answer,
  last,
  slices,
  onOffset,
}: {
  answer: PageTextAnswer;
  last: number;
  slices: number;
  onOffset(offset: number): void;
}) {
  const selectId = useId();
  return (
    <div className="indexed-text__nav">
      <p role="status" className="indexed-text__range">
        {text.range(answer.offset + 1, last, answer.total)}
      </p>
      {slices > 1 && (
        <p className="actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={answer.offset === 0}
            onClick={() => onOffset(Math.max(answer.offset - sliceSize, 0))}
          >
            {text.previous}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={last >= answer.total}
            onClick={() => onOffset(answer.offset + sliceSize)}
          >
            {text.next}
          </button>
          <label htmlFor={selectId}>{text.goTo}</label>
          <select id={selectId} value={answer.offset} onChange={(event) => onOffset(Number(event.target.value))}>
            {Array.from({ length: slices }, (_, i) => (
              <option key={i} value={i * sliceSize}>
                {`${i * sliceSize + 1} à ${Math.min((i + 1) * sliceSize, answer.total)}`}
              </option>
            ))}
          </select>
        </p>
      )}
    </div>
  );
}

/** The shown pages, each folded, with its word count and whether its text was recognised. */
function PageList({ answer }: { answer: PageTextAnswer }) {
  return (
    <ol className="indexed-text__pages" start={answer.offset + 1}>
      {answer.pages.map((page) => (
        <li key={page.number}>
          <details>
            <summary>
              {text.page(page.number)} — {text.words(wordCount(page.text))}
              {page.isOcr && (
                <span className="badge badge--ocr">
                  {text.ocr}
                  {page.ocrConfidence !== null && ocrConfidenceText(page.ocrConfidence)}
                </span>
              )}
            </summary>
            {page.text.trim() ? <pre className="indexed-text__text">{page.text}</pre> : <p>{text.empty}</p>}
          </details>
        </li>
      ))}
    </ol>
  );
}
