import type { SessionState } from '../session';

const text = {
  label: 'Votre session',
  loading: 'Vérification de la session…',
  signedOut: 'Non connecté',
  roles: { agent: "Agent d'accueil", editor: 'Éditeur', admin: 'Administrateur' },
};

/** Who is signed in (name, role, Maison or directorate), as the header shows it. */
export function SessionStatus({ session }: { session: SessionState }) {
  return (
    <section aria-label={text.label} className="session-status" aria-live="polite">
      {session.status === 'loading' && <span>{text.loading}</span>}
      {session.status === 'signedOut' && <span>{text.signedOut}</span>}
      {session.status === 'error' && <span role="alert">{session.message}</span>}
      {session.status === 'signedIn' && (
        <span>
          <strong>{session.user.displayName}</strong> · {text.roles[session.user.role]}
          {(session.user.maison ?? session.user.directorate) && ` · ${(session.user.maison ?? session.user.directorate)?.name}`}
        </span>
      )}
    </section>
  );
}
