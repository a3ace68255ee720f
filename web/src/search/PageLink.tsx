import { Link } from 'react-router';
import { linkTo } from '../routes';

const text = {
  open: (page: number) => `Ouvrir à la page ${page}`,
  highlighted: ', mots surlignés',
  of: (title: string) => ` de « ${title} »`,
};

/** The PDF opened in the app's viewer at the page that matched, its words highlighted. */
export function PageLink({
  documentId,
  title,
  page,
  q,
  words,
}: {
  documentId: string;
  title: string;
  page: number;
  q: string;
  words: string[];
}) {
  return (
    <Link to={linkTo.documentViewer(documentId, page, q, words)}>
      {text.open(page)}
      <span className="visually-hidden">
        {text.of(title)}
        {text.highlighted}
      </span>
    </Link>
  );
}
