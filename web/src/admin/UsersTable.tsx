import { formatDateTime } from '../ui/labels';
import { roleLabels } from '../auth/session';
import type { AdminUser } from './types';
import { Table } from '../ui/Table';

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
    <Table
      caption={text.caption}
      columns={[text.name, text.email, text.role, text.directorate, text.maison, text.lastSignIn, text.state, text.actions]}
    >
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
            <span className={`badge ${user.isActive ? 'badge--active' : 'badge--inactive'}`}>
              {user.isActive ? text.active : text.inactive}
            </span>
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
    </Table>
  );
}
