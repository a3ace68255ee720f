import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { pagePaths } from '../routes';
import type { SessionState } from '../session';
import { SessionStatus } from './SessionStatus';

const text = {
  skipLink: 'Aller au contenu',
  appName: "L'info pour tous",
  tagline: 'Les dispositifs de la Région, pour les Maisons de Région',
  mainNavigation: 'Navigation principale',
  home: 'Accueil',
  footer: 'Région — Direction du numérique',
};

/** The app shell: skip link, header with navigation and sign-in state, main content, footer. */
export function Layout({ session, children }: { session: SessionState; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const isFirstRender = useRef(true);

  // On navigation, move focus to the new page's content so screen readers announce it.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
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
          </ul>
        </nav>
        <SessionStatus session={session} />
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
