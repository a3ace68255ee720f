import { Link } from 'react-router';
import { usePageTitle } from '../ui/hooks';
import { pagePaths } from '../routes';
import { useSession } from '../auth/session';
import { SearchPage } from './SearchPage';

const text = {
  title: "L'info pour tous",
  pageTitle: 'Accueil',
  intro:
    "La base de connaissances qui relie le siège de la Région et les Maisons de Région : les directions y publient les documents de leurs dispositifs (subventions, prêts, appels à projets), les agents d'accueil y trouvent en quelques secondes le bon dispositif pour la personne en face d'eux.",
  signedOut: 'Connectez-vous avec votre compte de la Région pour accéder aux documents.',
  signIn: 'Se connecter',
  loading: 'Vérification de la session…',
};

function Welcome({ isSignedOut }: { isSignedOut: boolean }) {
  usePageTitle(text.pageTitle);
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {isSignedOut && (
        <p>
          {text.signedOut} <Link to={pagePaths.signIn}>{text.signIn}</Link>
        </p>
      )}
    </>
  );
}

/** Signed in: the search. Signed out: what the app is, and the way in. */
export function HomePage() {
  const { session } = useSession();
  if (session.status === 'signedIn') return <SearchPage />;
  if (session.status === 'loading') return <p role="status">{text.loading}</p>;
  return <Welcome isSignedOut={session.status === 'signedOut'} />;
}
