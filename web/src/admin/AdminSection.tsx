import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { pagePaths } from '../routes';
import { useSession } from '../auth/session';
import { Restricted } from '../auth/Restricted';

const text = {
  restricted: 'Cette page est réservée aux administrateurs.',
  navLabel: 'Rubriques de l’administration',
  overview: 'Administration',
};

/** The screens of the administration area, in the order of its menu, with what each is for. */
export const adminScreens = [
  {
    to: pagePaths.adminPlaces,
    name: 'Directions et Maisons de Région',
    about: 'Créer, renommer, désactiver ou supprimer les directions et les Maisons de Région.',
  },
  { to: pagePaths.adminUsers, name: 'Utilisateurs', about: 'Qui a accès, avec quel rôle et d’où il vient ; désactiver un compte.' },
  { to: pagePaths.adminAudit, name: 'Journal d’audit', about: 'Qui a fait quoi et quand, avec un export CSV.' },
  { to: pagePaths.adminJobs, name: 'Tâches', about: 'Les tâches de fond (indexation, nettoyage) : celles en échec, et les relancer.' },
  { to: pagePaths.synonyms, name: 'Synonymes', about: 'Les mots que la recherche traite comme équivalents.' },
] as const;

/**
 * An administration screen: administrators only (others get "Accès réservé"), under the menu of
 * the area. `withMenu={false}` on the overview, which lists the same screens itself.
 */
export function AdminSection({ children, withMenu = true }: { children: ReactNode; withMenu?: boolean }) {
  const { session } = useSession();
  if (session.status !== 'signedIn' || !session.user.can.administer) return <Restricted reason={text.restricted} />;
  return (
    <>
      {withMenu && (
        <nav aria-label={text.navLabel} className="admin-menu">
          <ul>
            <li>
              <NavLink to={pagePaths.admin} end>
                {text.overview}
              </NavLink>
            </li>
            {adminScreens.map((screen) => (
              <li key={screen.to}>
                <NavLink to={screen.to} end>
                  {screen.name}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
