import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { NavLink, useLocation } from 'react-router';
import { linkTo, pagePaths } from '../routes';
import { useSession } from '../auth/session';
import { SessionStatus } from '../auth/SessionStatus';

const text = {
  skipLink: 'Aller au contenu',
  appName: "L'info pour tous",
  tagline: 'Les dispositifs de la Région, pour les Maisons de Région',
  mainNavigation: 'Navigation principale',
  home: 'Accueil',
  themes: 'Thèmes',
  news: 'Nouveautés',
  insights: 'Recherches des agents',
  myReports: 'Mes signalements',
  gaps: 'Vos manques',
  verificationQueue: 'À vérifier',
  reportsQueue: 'Signalements reçus',
  synonyms: 'Synonymes',
  administration: 'Administration',
  footer: 'Région — Direction du numérique',
};

/** The app shell: skip link, header with navigation and sign-in state, main content, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);

  return (
    <>
      <a className="skip-link" href="#contenu">
        {text.skipLink}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <NavLink to={pagePaths.home} className="app-header__name">
            {text.appName}
          </NavLink>
          <span className="app-header__tagline">{text.tagline}</span>
        </div>
        <MainNavigation />
        <SessionStatus />
      </header>
      <main id="contenu" ref={mainRef} tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{text.footer}</p>
      </footer>
    </>
  );
}

/**
 * On navigation to another page, moves focus to its content so screen readers announce it,
 * unless the page has already focused its main field (marked data-autofocus, e.g. the search box).
 */
function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const location = useLocation();
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.dataset.autofocus !== undefined && mainRef.current?.contains(active)) return;
    mainRef.current?.focus();
  }, [location.pathname, mainRef]);
}

/** The pages of the main menu, each shown to those who may use it. */
function MainNavigation() {
  const location = useLocation();
  const { session } = useSession();
  const can = session.status === 'signedIn' ? session.user.can : undefined;
  const directorateId = session.status === 'signedIn' ? session.user.directorate?.id : undefined;
  const entries: { to: string; label: string; isShown: boolean }[] = [
    { to: pagePaths.home, label: text.home, isShown: true },
    { to: pagePaths.themes, label: text.themes, isShown: true },
    { to: pagePaths.news, label: text.news, isShown: true },
    { to: pagePaths.insights, label: text.insights, isShown: Boolean(can?.readInsights) },
    { to: pagePaths.myReports, label: text.myReports, isShown: Boolean(can) },
    { to: directorateId ? linkTo.gaps(directorateId) : '', label: text.gaps, isShown: Boolean(can?.followDirectorate && directorateId) },
    { to: pagePaths.verificationQueue, label: text.verificationQueue, isShown: Boolean(can?.followDirectorate) },
    { to: pagePaths.reportsQueue, label: text.reportsQueue, isShown: Boolean(can?.followDirectorate) },
    { to: pagePaths.synonyms, label: text.synonyms, isShown: Boolean(can?.administer) },
  ];
  return (
    <nav aria-label={text.mainNavigation} className="app-nav">
      <ul>
        {entries
          .filter((entry) => entry.isShown)
          .map((entry) => (
            <li key={entry.label}>
              <NavLink to={entry.to} end>
                {entry.label}
              </NavLink>
            </li>
          ))}
        {can?.administer && (
          <li>
            {/* The whole area is the current section; its front page is the current page. */}
            <NavLink to={pagePaths.admin} aria-current={location.pathname === pagePaths.admin ? 'page' : 'true'}>
              {text.administration}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
