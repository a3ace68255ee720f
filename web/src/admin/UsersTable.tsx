import { formatDateTime } from '../ui/labels';
import { roleLabels } from '../auth/session';
import type { AdminUser } from './types';

const text = {
  caption: 'Utilisateurs',
  name: 'Nom',
  email: 'Adresse e-mail',
  role: 'Rôle',
  directorate: 'Direction',
  maison: 'Maison de Région',
  lastSignIn: 'Dernière connexion',
  state: 'État',
  actions: 'Action',
  never: 'Jamais',
  none: '—',
  active: 'Actif',
  inactive: 'Désactivé',
  deactivate: 'Désactiver',
  reactivate: 'Réactiver',
  yourself: 'Votre compte',
  fromSsoGroup: (group: string) => `issu du groupe SSO ${group}`,
  demoAccount: 'compte de démonstration',
  identity: (identity: string) => `Identifiant SSO : ${identity}`,
};

/** Where a role comes from, in words: "issu du groupe SSO LPT-EDITEURS", "compte de démonstration". */
export function roleSourceOf(source: string): string {
  if (source.startsWith('sso:')) return text.fromSsoGroup(source.slice('sso:'.length));
  if (source === 'seed') return text.demoAccount;
  return source;
}

interface Props {
  users: AdminUser[];
  /** The administrator looking: their own account cannot be deactivated here. */
  currentUserId?: string;
  onDeactivate(user: AdminUser): void;
  onReactivate(user: AdminUser): void;
}

/** The users, one row each, with "Désactiver" or "Réactiver". */
export function UsersTable({ users, currentUserId, onDeactivate, onReactivate }: Props) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.name}</th>
            <th scope="col">{text.email}</th>
            <th scope="col">{text.role}</th>
            <th scope="col">{text.directorate}</th>
            <th scope="col">{text.maison}</th>
            <th scope="col">{text.lastSignIn}</th>
            <th scope="col">{text.state}</th>
            <th scope="col">{text.actions}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.displayName}</th>
              <td className="break">
                {user.email}
                {user.identity && <span className="table__hint">{text.identity(user.identity)}</span>}
              </td>
              <td>
                {roleLabels[user.role]}
                <span className="table__hint">{roleSourceOf(user.roleSource)}</span>
              </td>
              <td>{user.directorate?.name ?? text.none}</td>
              <td>{user.maison?.name ?? text.none}</td>
              <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : text.never}</td>
              <td>
                <span className={`badge ${user.isActive ? 'badge--active' : 'badge--inactive'}`}>{user.isActive ? text.active : text.inactive}</span>
              </td>
              <td>
                {user.id === currentUserId ? (
                  <span className="table__hint">{text.yourself}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => (user.isActive ? onDeactivate(user) : onReactivate(user))}
                  >
                    {user.isActive ? text.deactivate : text.reactivate}
                    <span className="visually-hidden"> {user.displayName}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
