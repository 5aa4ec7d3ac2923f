/**
 * Who this browser is signed in as (GET /api/session), kept in one small store outside React.
 * Any API answer 401 (api/request.ts announces it, api/unauthorized.ts) turns it to `signedOut`, and the app shows the
 * "sign in with your link" page.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Role, SessionInfo } from '@suishin/shared/protocol';
import { createStore } from '../../meeting/externalStore';
import { ApiError } from '../../api/apiError';
import { onUnauthorized } from '../../api/unauthorized';
import { fetchSession } from './accessApi';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; session: SessionInfo }
  | { status: 'failed'; message: string };

const store = createStore<SessionState>({ status: 'loading' });
let inflight: Promise<void> | null = null;

/** Reads the session from the server again (after sign-in, a rotation, a refused socket…). */
export function refreshSession(): Promise<void> {
  inflight ??= fetchSession()
    .then(
      (session) => store.set({ status: 'signedIn', session }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) store.set({ status: 'signedOut' });
        // Offline or a server hiccup: a session already known stays (the room works offline).
        else if (store.get().status !== 'signedIn') {
          store.set({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
    )
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Sets the session from an answer that already carries it (sign-in, rename). */
export function setSession(session: SessionInfo): void {
  store.set({ status: 'signedIn', session });
}

onUnauthorized(() => store.set({ status: 'signedOut' }));

/** The session, loading it on first use. */
export function useSession(): SessionState {
  const state = useSyncExternalStore(store.subscribe, store.get);
  useEffect(() => {
    if (store.get().status === 'loading') void refreshSession();
  }, []);
  return state;
}

/** The session as far as it is known, without asking the server (the header, on every page). */
export function useKnownSession(): SessionState {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** This person's role in a meeting: facilitator for the admin, the grant's role otherwise, null for none. */
export function roleIn(session: SessionInfo, meetingId: string): Role | null {
  if (session.admin) return 'facilitator';
  return session.grants.find((g) => g.meetingId === meetingId)?.role ?? null;
}
