import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messageOf, usePageTitle, useResource } from '../ui/hooks';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';
import { searchTerms } from './viewer/match';
import { openPdf, pageHasTerms, renderPage } from './viewer/pdf';

const text = {
  loading: 'Ouverture du document…',
  back: 'Retour aux résultats',
  details: 'Fiche du document',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  pageField: 'Page',
  of: (total: number) => `sur ${total}`,
  go: 'Afficher',
  previousMatch: 'Occurrence précédente',
  nextMatch: 'Occurrence suivante',
  toolbar: 'Navigation dans le document',
  page: (n: number, total: number) => `Page ${n} sur ${total}`,
  words: (terms: string[]) => `Mots surlignés : ${terms.join(', ')}`,
  matches: (n: number) =>
    n === 0 ? 'aucune occurrence sur cette page' : n === 1 ? '1 occurrence sur cette page' : `${n} occurrences sur cette page`,
  current: (i: number, n: number) => `occurrence ${i} sur ${n}`,
  noOther: 'Aucune autre occurrence dans le document.',
  help: 'Clavier : ← et → changent de page, F3 et Maj+F3 vont à l’occurrence suivante ou précédente, Échap revient aux résultats.',
  notPdf: 'Ce document n’est pas un PDF : ouvrez-le depuis sa fiche.',
  unreadable: 'Ce PDF ne peut pas être affiché ici.',
  unreadablePage: 'Cette page ne peut pas être affichée.',
};

/** Widest rendering of a page, in CSS pixels. */
const maxWidth = 880;

type Loaded = { pdf: PDFDocumentProxy } | { error: string };

/**
 * The app's PDF viewer: the page that matched, the search's words highlighted (accents and case
 * ignored), page by page and occurrence by occurrence from the keyboard; Escape or "Retour aux
 * résultats" goes back, where the results put focus on the document again.
 */
export function ViewerPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // Each page replaces the last in the history: Back returns to the results at once.
  const setPageInAddress = (page: number) => setParams((previous) => withPage(previous, page), { replace: true });
  const document = useResource<{ document: DocumentItem }>(`/api/documents/${encodeURIComponent(id)}`).data?.document;
  const isPdf = document?.currentVersion?.fileType === 'pdf';
  const loaded = useOpenedPdf(id, isPdf);
  const pdf = loaded && 'pdf' in loaded ? loaded.pdf : undefined;
  const total = pdf?.numPages ?? 0;
  const { terms, shown } = useSearchWords(params);
  // The page shown and its current occurrence: the address says where the viewer opened and follows
  // each move (replaced, so that Back leaves the viewer), but the screen reads this state.
  const [current, setCurrent] = useState<{ page: number; index: number }>(() => ({
    page: Math.max(1, Number(params.get('page')) || 1),
    index: 0,
  }));
  const pageNumber = Math.max(1, Math.min(current.page, total || Number.MAX_SAFE_INTEGER));
  const [notice, setNotice] = useState('');
  const [typedPage, setTypedPage] = useState<string>();
  const { isFromApp, back } = useBack(id);
  const { pageRef, pageError, marks, shownMarks } = useDrawnPage(pdf, pageNumber, terms);
  usePageTitle(document ? `${text.page(pageNumber, total || pageNumber)} — ${document.title}` : undefined);

  const markCount = marks?.page === pageNumber ? marks.count : undefined;
  const currentIndex = current.page === pageNumber ? current.index : 0;
  useCurrentMark(markCount, currentIndex, shownMarks);

  function goToPage(number: number, index = 0) {
    if (!total) return;
    const next = Math.max(1, Math.min(number, total));
    setCurrent({ page: next, index });
    setNotice('');
    setTypedPage(undefined);
    setPageInAddress(next);
  }

  async function goToMatch(direction: 1 | -1) {
    if (!pdf || markCount === undefined) return;
    const shown = currentIndex < 0 ? markCount - 1 : currentIndex;
    const index = shown + direction;
    if (index >= 0 && index < markCount) {
      setCurrent({ page: pageNumber, index });
      return;
    }
    const found = await nextPageWithTerms(pdf, pageNumber, direction, terms);
    if (found) goToPage(found, direction === 1 ? 0 : -1);
    else setNotice(text.noOther);
  }

  useWindowKeys((event) => handleViewerKey(event, { pageNumber, total, back, goToPage, goToMatch }));

  const failure = loaded && 'error' in loaded ? loaded.error : pageError;
  const status = statusOf(pageNumber, total, terms.length > 0, markCount, currentIndex);
  return (
    <div className="viewer">
      <BackLinks documentId={id} onBack={isFromApp ? back : undefined} />
      <h1 className="viewer__title">{document?.title ?? text.loading}</h1>
      {document && !isPdf && <p>{text.notPdf}</p>}
      {failure && <ViewerFailure message={failure} />}
      {pdf && (
        <ViewerToolbar
          pageNumber={pageNumber}
          total={total}
          typedPage={typedPage}
          hasTerms={terms.length > 0}
          onTypedPage={setTypedPage}
          onPage={goToPage}
          onMatch={(direction) => void goToMatch(direction)}
        />
      )}
      {pdf && <ViewerStatus status={status} notice={notice} shownWords={terms.length > 0 ? shown : undefined} />}
      {!loaded && isPdf && <p role="status">{text.loading}</p>}
      <div className="viewer__frame">
        <div
          ref={pageRef}
          className="viewer__page"
          role="region"
          aria-label={status ? text.page(pageNumber, total) : undefined}
          hidden={!pdf}
        />
      </div>
    </div>
  );
}

function withPage(params: URLSearchParams, page: number) {
  const copy = new URLSearchParams(params);
  copy.set('page', String(page));
  return copy;
}

/** The next page after (or before) this one where the search's words appear, if any. */
async function nextPageWithTerms(pdf: PDFDocumentProxy, from: number, direction: 1 | -1, terms: string[]) {
  for (let number = from + direction; number >= 1 && number <= pdf.numPages; number += direction) {
    if (await pageHasTerms(await pdf.getPage(number), terms)) return number;
  }
  return undefined;
}

function ViewerFailure({ message }: { message: string }) {
  return (
    <p role="alert" className="alert alert--error">
      {message}
    </p>
  );
}

/** Opens the document's PDF (pdf.js), and destroys it when the page leaves or another document opens. */
function useOpenedPdf(id: string, isPdf: boolean): Loaded | undefined {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (!isPdf) return;
    let isCurrent = true;
    let opened: PDFDocumentProxy | undefined;
    openPdf(linkTo.documentFile(id)).then(
      (result) => {
        opened = result;
        if (isCurrent) setLoaded({ pdf: result });
        else void result.destroy();
      },
      (error: unknown) => isCurrent && setLoaded({ error: `${text.unreadable} (${messageOf(error)})` }),
    );
    return () => {
      isCurrent = false;
      void opened?.destroy();
    };
  }, [id, isPdf]);
  return loaded;
}

/** Draws a page, then highlights the search's words on it; a newer page cancels the drawing under way. */
function useDrawnPage(pdf: PDFDocumentProxy | undefined, pageNumber: number, terms: string[]) {
  const pageRef = useRef<HTMLDivElement>(null);
  const shownMarks = useRef<HTMLElement[]>([]);
  const [pageError, setPageError] = useState<string>();
  const [marks, setMarks] = useState<{ page: number; count: number }>();
  useEffect(() => {
    const container = pageRef.current;
    if (!pdf || !container) return;
    let isCurrent = true;
    let cancel = () => {};
    const width = Math.min(container.parentElement?.clientWidth ?? maxWidth, maxWidth);
    setPageError(undefined);
    pdf
      .getPage(pageNumber)
      .then((page) => {
        if (!isCurrent) return;
        const rendering = renderPage(page, container, width, terms);
        cancel = rendering.cancel;
        return rendering.done.then((marks) => {
          if (!isCurrent) return;
          shownMarks.current = marks;
          setMarks({ page: pageNumber, count: marks.length });
        });
      })
      .catch((error: unknown) => {
        // A drawing cancelled by a newer page says nothing: that one draws.
        if (isCurrent) setPageError(`${text.unreadablePage} (${messageOf(error)})`);
      });
    return () => {
      isCurrent = false;
      cancel();
    };
  }, [pdf, pageNumber, terms]);
  return { pageRef, pageError, marks, shownMarks };
}

/**
 * The keys work wherever focus is on the page (after a navigation, the app focuses <main>). The
 * handler is swapped before the browser paints: a key pressed as soon as the new state shows acts on it.
 */
function useWindowKeys(onKeyDown: (event: KeyboardEvent) => void) {
  const keyHandler = useRef(onKeyDown);
  useLayoutEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

interface ToolbarProps {
  pageNumber: number;
  total: number;
  /** What is typed in the page field, until it is sent (undefined: the page shown). */
  typedPage: string | undefined;
  hasTerms: boolean;
  onTypedPage(value: string): void;
  onPage(number: number): void;
  onMatch(direction: 1 | -1): void;
}

/** Previous and next page, a page number to go to, previous and next occurrence. */
function ViewerToolbar({ pageNumber, total, typedPage, hasTerms, onTypedPage, onPage, onMatch }: ToolbarProps) {
  const fieldId = useId();
  return (
    <div role="toolbar" aria-label={text.toolbar} className="viewer__toolbar">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pageNumber <= 1}
        onClick={() => onPage(pageNumber - 1)}
      >
        {text.previousPage}
      </button>
      <form
        className="viewer__page-form"
        onSubmit={(event) => {
          event.preventDefault();
          onPage(Number(typedPage ?? pageNumber) || pageNumber);
        }}
      >
        <label htmlFor={fieldId}>{text.pageField}</label>
        <input
          id={fieldId}
          type="number"
          min={1}
          max={total}
          value={typedPage ?? String(pageNumber)}
          onChange={(event) => onTypedPage(event.target.value)}
        />
        <span>{text.of(total)}</span>
        <button type="submit" className="button button--secondary button--small">
          {text.go}
        </button>
      </form>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pageNumber >= total}
        onClick={() => onPage(pageNumber + 1)}
      >
        {text.nextPage}
      </button>
      {hasTerms && (
        <>
          <button type="button" className="button button--secondary button--small" onClick={() => onMatch(-1)}>
            {text.previousMatch}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => onMatch(1)}>
            {text.nextMatch}
          </button>
        </>
      )}
    </div>
  );
}

/** The current occurrence stands out and is scrolled into view (index -1: the last one of the page). */
function useCurrentMark(markCount: number | undefined, currentIndex: number, shownMarks: RefObject<HTMLElement[]>) {
  useEffect(() => {
    if (markCount === undefined || markCount === 0) return;
    const all = shownMarks.current;
    const index = currentIndex < 0 ? all.length - 1 : Math.min(currentIndex, all.length - 1);
    all.forEach((mark, i) => mark.classList.toggle('viewer__match--current', i === index));
    all[index]?.scrollIntoView({ block: 'center' });
  }, [markCount, currentIndex, shownMarks]);
}

interface KeyMoves {
  pageNumber: number;
  total: number;
  back(): void;
  goToPage(number: number): void;
  goToMatch(direction: 1 | -1): Promise<void>;
}

/** Escape goes back, F3 and Shift+F3 to the next or previous occurrence, the arrows (outside a field) change page. */
function handleViewerKey(event: KeyboardEvent, { pageNumber, total, back, goToPage, goToMatch }: KeyMoves) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const isTyping =
    event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === 'Escape') {
    event.preventDefault();
    back();
  } else if (event.key === 'F3') {
    event.preventDefault();
    void goToMatch(event.shiftKey ? -1 : 1);
  } else if (!isTyping && event.key === 'ArrowRight' && pageNumber < total) {
    event.preventDefault();
    goToPage(pageNumber + 1);
  } else if (!isTyping && event.key === 'ArrowLeft' && pageNumber > 1) {
    event.preventDefault();
    goToPage(pageNumber - 1);
  }
}

/** "Page 2 sur 9, 3 occurrences sur cette page, occurrence 1 sur 3"; empty until the PDF is open. */
function statusOf(pageNumber: number, total: number, hasTerms: boolean, markCount: number | undefined, currentIndex: number): string {
  if (!total) return '';
  return [
    text.page(pageNumber, total),
    markCount !== undefined && hasTerms ? text.matches(markCount) : '',
    markCount ? text.current((currentIndex < 0 ? markCount - 1 : currentIndex) + 1, markCount) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "Retour aux résultats" (when the viewer was opened from the app) and the document's page. */
function BackLinks({ documentId, onBack }: { documentId: string; onBack: (() => void) | undefined }) {
  return (
    <p className="viewer__back">
      {onBack ? (
        <button type="button" className="link-button" onClick={onBack}>
          {text.back}
        </button>
      ) : null}
      <Link to={linkTo.document(documentId)}>{text.details}</Link>
    </p>
  );
}

/** Where the reader is (announced), the highlighted words and the keys. */
function ViewerStatus({ status, notice, shownWords }: { status: string; notice: string; shownWords: string[] | undefined }) {
  return (
    <>
      <p role="status" className="viewer__status">
        {status}
        {notice && ` — ${notice}`}
      </p>
      {shownWords && <p className="field__hint">{text.words(shownWords)}</p>}
      <p className="field__hint">{text.help}</p>
    </>
  );
}

/** The words to highlight: what was typed (`q`) and what the search matched (`mots`). */
function useSearchWords(params: URLSearchParams) {
  const q = params.get('q') ?? '';
  const marked = params.get('mots') ?? '';
  return useMemo(() => searchTerms(q, marked.split(' ').filter(Boolean)), [q, marked]);
}

/** Back to where the viewer was opened from in the app (the results), else to the document's page. */
function useBack(documentId: string) {
  const navigate = useNavigate();
  const isFromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  const back = () => void (isFromApp ? navigate(-1) : navigate(linkTo.document(documentId)));
  return { isFromApp, back };
}
