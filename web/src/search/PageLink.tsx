import { linkTo } from '../routes';

const text = {
  open: (page: number) => `Ouvrir à la page ${page}`,
  newTab: ' (nouvel onglet)',
  of: (title: string) => ` de « ${title} »`,
};

/** The PDF opened at the page that matched, in a new tab (the browser's viewer honours #page). */
export function PageLink({ documentId, title, page }: { documentId: string; title: string; page: number }) {
  return (
    <a href={linkTo.documentFileAtPage(documentId, page)} target="_blank" rel="noopener">
      {text.open(page)}
      <span className="visually-hidden">
        {text.of(title)}
        {text.newTab}
      </span>
    </a>
  );
}
