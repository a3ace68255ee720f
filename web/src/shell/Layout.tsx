import { useEffect, useRef, type ReactNode } from 'react';
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
  const location = useLocation();
  const shownPath = useRef(location.pathname);
  const { session } = useSession();
  const can = session.status === 'signedIn' ? session.user.can : undefined;
  const directorateId = session.status === 'signedIn' ? session.user.directorate?.id : undefined;

  // On navigation to another page, move focus to its content so screen readers announce it,
  // unless the page has already focused its main field (marked data-autofocus, e.g. the search box).
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.dataset.autofocus !== undefined && mainRef.current?.contains(active)) return;
    mainRef.current?.focus();
  }, [location.pathname]);

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
        <nav aria-label={text.mainNavigation} className="app-nav">
          <ul>
            <li>
              <NavLink to={pagePaths.home} end>
                {text.home}
              </NavLink>
            </li>
            <li>
              <NavLink to={pagePaths.themes} end>
                {text.themes}
              </NavLink>
            </li>
            <li>
              <NavLink to={pagePaths.news} end>
                {text.news}
              </NavLink>
            </li>
            {can?.readInsights && (
              <li>
                <NavLink to={pagePaths.insights} end>
                  {text.insights}
                </NavLink>
              </li>
            )}
            {can && (
              <li>
                <NavLink to={pagePaths.myReports} end>
                  {text.myReports}
                </NavLink>
              </li>
            )}
            {can?.followDirectorate && directorateId && (
              <li>
                <NavLink to={linkTo.gaps(directorateId)} end>
                  {text.gaps}
                </NavLink>
              </li>
            )}
            {can?.followDirectorate && (
              <li>
                <NavLink to={pagePaths.verificationQueue} end>
                  {text.verificationQueue}
                </NavLink>
              </li>
            )}
            {can?.followDirectorate && (
              <li>
                <NavLink to={pagePaths.reportsQueue} end>
                  {text.reportsQueue}
                </NavLink>
              </li>
            )}
            {can?.administer && (
              <li>
                <NavLink to={pagePaths.synonyms} end>
                  {text.synonyms}
                </NavLink>
              </li>
            )}
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
