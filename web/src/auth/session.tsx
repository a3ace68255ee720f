import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getJson, sendJson } from '../api';

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  role: 'agent' | 'editor' | 'admin';
  directorate: { id: string; code: string; name: string } | null;
  maison: { code: string; name: string } | null;
  can: { administer: boolean; readInsights: boolean; followDirectorate: boolean; createThemes: boolean };
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: SessionUser; csrfToken: string }
  | { status: 'error'; message: string };

interface SessionContextValue {
  session: SessionState;
  /** Asks the server again who is signed in (after sign-in). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

async function fetchSession(): Promise<SessionState> {
  try {
    const session = await getJson<{ user: SessionUser; csrfToken: string }>('/api/session');
    return { status: 'signedIn', ...session };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'signedOut' };
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Who is signed in, from GET /api/session (401 means nobody), shared by every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => setSession(await fetchSession()), []);

  useEffect(() => {
    let isCurrent = true;
    void fetchSession().then((state) => isCurrent && setSession(state));
    return () => {
      isCurrent = false;
    };
  }, []);

  const signOut = useCallback(async () => {
    if (session.status !== 'signedIn') return;
    const { redirect } = await sendJson<{ redirect: string }>('POST', '/auth/logout', {}, session.csrfToken);
    setSession({ status: 'signedOut' });
    // With SAML single logout the IdP ends its own session, then comes back.
    if (redirect !== '/') window.location.assign(redirect);
  }, [session]);

  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const roleLabels: Record<SessionUser['role'], string> = {
  agent: "Agent d'accueil",
  editor: 'Éditeur',
  admin: 'Administrateur',
};
