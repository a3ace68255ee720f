import { useEffect, useState } from 'react';
import { ApiError, getJson } from './api';

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  role: 'agent' | 'editor' | 'admin';
  directorate: { code: string; name: string } | null;
  maison: { code: string; name: string } | null;
}

export type SessionState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: SessionUser; csrfToken: string } | { status: 'error'; message: string };

/** Who is signed in, from GET /api/session (401 means nobody). */
export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    getJson<{ user: SessionUser; csrfToken: string }>('/api/session').then(
      (session) => isCurrent && setState({ status: 'signedIn', ...session }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
