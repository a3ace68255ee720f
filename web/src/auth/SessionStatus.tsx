import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { pagePaths } from '../routes';
import { roleLabels, useSession } from './session';

const text = {
  label: 'Votre session',
  loading: 'Vérification de la session…',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
};

/** Who is signed in (name, role, Maison or directorate) and the sign-in / sign-out action. */
export function SessionStatus() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const [isSigningOut, setIsSigningOut] = useState(false);
  const [error, setError] = useState<string>();

  async function handleSignOut() {
    setIsSigningOut(true);
    setError(undefined);
    try {
      await signOut();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsSigningOut(false);
    }
  }

  const returnTo = `${location.pathname}${location.search}`;
  return (
    <section aria-label={text.label} className="session-status">
      {session.status === 'loading' && <span>{text.loading}</span>}
      {session.status === 'error' && <span role="alert">{session.message}</span>}
      {session.status === 'signedOut' && location.pathname !== pagePaths.signIn && (
        <Link className="button button--light" to={`${pagePaths.signIn}?retour=${encodeURIComponent(returnTo)}`}>
          {text.signIn}
        </Link>
      )}
      {session.status === 'signedIn' && (
        <>
          <span className="session-status__who">
            <strong>{session.user.displayName}</strong>
            <span>
              {roleLabels[session.user.role]}
              {(session.user.maison ?? session.user.directorate) && ` · ${(session.user.maison ?? session.user.directorate)?.name}`}
            </span>
          </span>
          <button type="button" className="button button--light" onClick={() => void handleSignOut()} disabled={isSigningOut}>
            {isSigningOut ? text.signingOut : text.signOut}
          </button>
          {error && <span role="alert">{error}</span>}
        </>
      )}
    </section>
  );
}
