import type { SearchAnswer } from './types';

const text = {
  searched: 'Recherche sur : ',
  tried: 'Mots essayés : ',
  also: 'également : ',
  ignored: 'mots ignorés : ',
  ignoredOne: 'mot ignoré : ',
  absent: (n: number) => (n === 1 ? ' (aucun document publié ne le contient)' : ' (aucun document publié ne les contient)'),
  separator: ' ; ',
};

const list = (words: string[]) => words.join(', ');

/**
 * What the search understood of the sentence: the words it searched, the terms it added, the words
 * it set aside. A polite live region: read once the answer is there, without interrupting.
 */
export function QueryLine({ query, isEmpty }: { query: SearchAnswer['query'] | undefined; isEmpty: boolean }) {
  const words = query?.words ?? [];
  const terms = [...new Set((query?.expansions ?? []).flatMap((expansion) => expansion.terms))];
  const ignored = query?.ignored ?? [];
  return (
    <p role="status" className="search-words">
      {words.length > 0 ? (
        <>
          {isEmpty ? text.tried : text.searched}
          <strong>{list(words)}</strong>
          {terms.length > 0 && (
            <span className="search-words__extra">
              {text.separator}
              {text.also}
              {list(terms)}
            </span>
          )}
          {ignored.length > 0 && (
            <span className="search-words__extra">
              {text.separator}
              {ignored.length === 1 ? text.ignoredOne : text.ignored}
              {list(ignored)}
            </span>
          )}
        </>
      ) : (
        ignored.length > 0 && (
          <>
            {text.tried}
            <strong>{list(ignored)}</strong>
            {text.absent(ignored.length)}
          </>
        )
      )}
    </p>
  );
}
