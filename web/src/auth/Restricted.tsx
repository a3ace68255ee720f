import { usePageTitle } from '../ui/hooks';

const text = { title: 'Accès réservé' };

/** What a signed-in user sees on a page that their role does not open. */
export function Restricted({ reason }: { reason: string }) {
  usePageTitle(text.title);
  return (
    <>
      <h1>{text.title}</h1>
      <p>{reason}</p>
    </>
  );
}
