import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../ui/hooks';
import { pagePaths } from '../routes';
import { useSession } from './session';

const text = {
  title: 'Connexion requise',
  body: 'Cette page est réservée aux agents de la Région.',
  signIn: 'Se connecter',
  loading: 'Vérification de la session…',
};

function SignInNeeded() {
  const location = useLocation();
  usePageTitle(text.title);
  return (
    <>
      <h1>{text.title}</h1>
      <p>
        {text.body}{' '}
        <Link to={`${pagePaths.signIn}?retour=${encodeURIComponent(`${location.pathname}${location.search}`)}`}>{text.signIn}</Link>
      </p>
    </>
  );
}

/** Shows the page to signed-in users only; others get a link to sign in and come back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.status === 'loading') return <p role="status">{text.loading}</p>;
  if (session.status === 'signedIn') return children;
  if (session.status === 'error') return null; // The header shows the error.
  return <SignInNeeded />;
}
