import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { getJson, sendJson } from '../api';
import { roleLabels, useSession, type SessionUser } from './session';

const text = {
  title: 'Connexion',
  saml: 'Se connecter avec mon compte de la Région',
  samlHelp: "Vous serez redirigé vers le service d'authentification de la Région, puis ramené ici.",
  devIntro: 'Version de démonstration : choisissez un compte pour vous connecter.',
  devGroups: { admin: 'Administration', editor: 'Directions (éditeurs)', agent: "Maisons de Région (agents d'accueil)" },
  signInAs: (name: string) => `Se connecter en tant que ${name}`,
  loading: 'Chargement…',
  signingIn: 'Connexion…',
  alreadySignedIn: (name: string) => `Vous êtes connecté en tant que ${name}.`,
};

type Method = { method: 'dev' } | { method: 'saml'; signInUrl: string };
type DevUser = Omit<SessionUser, 'can'>;

/** Only a path of this app (no open redirect), as the server checks too. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/';
}

export function SignInPage() {
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'));
  const [method, setMethod] = useState<Method>();
  const [devUsers, setDevUsers] = useState<DevUser[]>();
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    document.title = "Connexion — L'info pour tous";
    getJson<Method>('/api/auth/method').then(
      async (found) => {
        setMethod(found);
        if (found.method === 'dev') setDevUsers((await getJson<{ users: DevUser[] }>('/api/dev/users')).users);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  async function signInAs(email: string) {
    setPending(email);
    setError(undefined);
    try {
      await sendJson('POST', '/auth/dev-login', { email });
      await refresh();
      await navigate(returnTo);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPending(undefined);
    }
  }

  return (
    <>
      <h1>{text.title}</h1>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      {session.status === 'signedIn' && <p>{text.alreadySignedIn(session.user.displayName)}</p>}
      {!method && !error && <p>{text.loading}</p>}
      {method?.method === 'saml' && (
        <>
          <p>
            <a className="button" href={`${method.signInUrl}?RelayState=${encodeURIComponent(returnTo)}`}>
              {text.saml}
            </a>
          </p>
          <p>{text.samlHelp}</p>
        </>
      )}
      {method?.method === 'dev' && devUsers && (
        <DevAccounts users={devUsers} pending={pending} onChoose={(email) => void signInAs(email)} />
      )}
    </>
  );
}

/** The development sign-in: one button per test account, grouped by role. */
function DevAccounts({ users, pending, onChoose }: { users: DevUser[]; pending: string | undefined; onChoose(email: string): void }) {
  return (
    <>
      <p>{text.devIntro}</p>
      {(['admin', 'editor', 'agent'] as const).map((role) => (
        <section key={role} aria-labelledby={`comptes-${role}`} className="account-group">
          <h2 id={`comptes-${role}`}>{text.devGroups[role]}</h2>
          <ul className="account-list">
            {users
              .filter((user) => user.role === role)
              .map((user) => (
                <li key={user.email}>
                  <button
                    type="button"
                    className="account"
                    onClick={() => onChoose(user.email)}
                    disabled={pending !== undefined}
                    aria-label={text.signInAs(user.displayName)}
                  >
                    <strong>{user.displayName}</strong>
                    <span>
                      {roleLabels[user.role]}
                      {(user.maison ?? user.directorate) && ` · ${(user.maison ?? user.directorate)?.name}`}
                    </span>
                    <span className="account__email">{pending === user.email ? text.signingIn : user.email}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
