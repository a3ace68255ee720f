import { useEffect } from 'react';
import { Link } from 'react-router';
import { pagePaths } from '../routes';
import { useSession } from '../session';

const text = {
  title: "L'info pour tous",
  intro:
    "La base de connaissances qui relie le siège de la Région et les Maisons de Région : les directions y publient les documents de leurs dispositifs (subventions, prêts, appels à projets), les agents d'accueil y trouvent en quelques secondes le bon dispositif pour la personne en face d'eux.",
  signedOut: 'Connectez-vous avec votre compte de la Région pour accéder aux documents.',
  signIn: 'Se connecter',
  welcome: (name: string) => `Bonjour ${name}.`,
};

export function HomePage() {
  const { session } = useSession();
  useEffect(() => {
    document.title = "Accueil — L'info pour tous";
  }, []);
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {session.status === 'signedOut' && (
        <p>
          {text.signedOut} <Link to={pagePaths.signIn}>{text.signIn}</Link>
        </p>
      )}
      {session.status === 'signedIn' && <p>{text.welcome(session.user.displayName)}</p>}
    </>
  );
}
