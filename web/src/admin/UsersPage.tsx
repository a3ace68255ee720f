import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { sendJson } from '../api';
import { filtersOf, queryOf } from './filters';
import type { AdminUser, Place } from './types';
import { UserFilterForm, userFilterKeys } from './UserFilterForm';
import { UsersTable } from './UsersTable';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { messageOf, useCsrfToken, usePageTitle, useResource } from '../ui/hooks';
import { useSession } from '../auth/session';

const text = {
  title: 'Utilisateurs',
  intro:
    'Les comptes créés à la première connexion par le SSO, et les comptes de démonstration. Le rôle vient du groupe SSO de la personne : il se met à jour à chaque connexion. Un compte désactivé ne peut plus se connecter.',
  loading: 'Chargement des utilisateurs…',
  count: (n: number) => (n === 0 ? 'Aucun utilisateur ne correspond à ces filtres.' : n === 1 ? '1 utilisateur.' : `${n} utilisateurs.`),
  truncated: (n: number) => `Seuls les ${n} premiers sont affichés : précisez les filtres.`,
  deactivateTitle: (user: AdminUser) => `Désactiver le compte de ${user.displayName} ?`,
  deactivateBody: (user: AdminUser) =>
    `${user.displayName} (${user.email}) ne pourra plus se connecter tant que son compte n’est pas réactivé. Ses sessions se terminent aussitôt : la personne est déconnectée sur tous ses appareils.`,
  deactivate: 'Désactiver le compte',
  deactivated: (user: AdminUser) => `Le compte de ${user.displayName} est désactivé ; ses sessions sont terminées.`,
  reactivated: (user: AdminUser) => `Le compte de ${user.displayName} est réactivé : la personne peut se connecter de nouveau.`,
};

/** The API’s cap on one list (server/users/service.ts): beyond it, the list is cut. */
const listLimit = 500;

/** For administrators: who has access, with which role and where it comes from; deactivation (GET, PATCH /api/admin/users). */
export function UsersPage() {
  usePageTitle(text.title);
  const { session } = useSession();
  const csrfToken = useCsrfToken();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params, userFilterKeys);
  const query = queryOf(filters);
  const loaded = useResource<{ users: AdminUser[] }>(`/api/admin/users${query ? `?${query}` : ''}`);
  const directorates = useResource<{ directorates: Place[] }>('/api/admin/directorates').data?.directorates ?? [];
  const maisons = useResource<{ maisons: Place[] }>('/api/admin/maisons').data?.maisons ?? [];
  const [toDeactivate, setToDeactivate] = useState<AdminUser>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const users = loaded.data?.users;

  async function setActive(user: AdminUser, isActive: boolean) {
    await sendJson('PATCH', `/api/admin/users/${user.id}`, { isActive }, csrfToken);
    setError('');
    setNotice(isActive ? text.reactivated(user) : text.deactivated(user));
    loaded.reload();
  }

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <UserFilterForm
        key={query}
        initial={filters}
        directorates={directorates}
        maisons={maisons}
        onApply={(next) => {
          setNotice('');
          setParams(queryOf(next));
        }}
      />
      <p role="status" className="search-count">
        {users
          ? `${text.count(users.length)}${users.length >= listLimit ? ` ${text.truncated(listLimit)}` : ''}`
          : loaded.error
            ? ''
            : text.loading}
      </p>
      <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
      {(error || loaded.error) && (
        <p role="alert" className="alert alert--error">
          {error || loaded.error}
        </p>
      )}
      {users && users.length > 0 && (
        <UsersTable
          users={users}
          currentUserId={session.status === 'signedIn' ? session.user.id : undefined}
          onDeactivate={(user) => {
            setNotice('');
            setToDeactivate(user);
          }}
          onReactivate={(user) => {
            setNotice('');
            setActive(user, true).catch((e: unknown) => setError(messageOf(e)));
          }}
        />
      )}
      <ConfirmDialog
        isOpen={toDeactivate !== undefined}
        title={toDeactivate ? text.deactivateTitle(toDeactivate) : ''}
        confirmLabel={text.deactivate}
        isDanger
        onConfirm={() => (toDeactivate ? setActive(toDeactivate, false) : Promise.resolve())}
        onClose={() => setToDeactivate(undefined)}
      >
        <p>{toDeactivate && text.deactivateBody(toDeactivate)}</p>
      </ConfirmDialog>
    </>
  );
}
