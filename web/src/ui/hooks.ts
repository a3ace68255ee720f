import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { getJson } from '../api';
import { appName } from './labels';
import { useSession } from '../auth/session';

/** Sets the page's <title>: "Page — L'info pour tous". */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} — ${appName}`;
  }, [title]);
}

/** The French message of any error thrown by the API helpers. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface Loaded<T> {
  url: string;
  data?: T;
  error?: string;
}

/**
 * GETs `url` (null: nothing yet) and keeps the answer. `reload()` asks again while the current
 * data stays on screen; `replace()` puts an answer the page already has (e.g. after a PATCH).
 */
export function useResource<T>(url: string | null) {
  const [loaded, setLoaded] = useState<Loaded<T>>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!url) return;
    let isCurrent = true;
    getJson<T>(url).then(
      (data) => isCurrent && setLoaded({ url, data }),
      (error: unknown) => isCurrent && setLoaded({ url, error: messageOf(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [url, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((data: T) => url && setLoaded({ url, data }), [url]);
  const isCurrent = loaded !== undefined && loaded.url === url;
  return {
    data: isCurrent ? loaded.data : undefined,
    error: isCurrent ? loaded.error : undefined,
    isLoading: url !== null && !isCurrent,
    reload,
    replace,
  };
}

/** The session's CSRF token, for state-changing calls (undefined when signed out). */
export function useCsrfToken(): string | undefined {
  const { session } = useSession();
  return session.status === 'signedIn' ? session.csrfToken : undefined;
}

/** Whether a CSS media query matches now, following its changes (e.g. the tablet layout). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
