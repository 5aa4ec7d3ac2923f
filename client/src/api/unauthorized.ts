/**
 * "The server answered 401": the session is gone (expired, signed out elsewhere, secret
 * replaced). The request helper announces it; the session store (features/access/session.ts)
 * listens and turns to signed out, and the app shows the "sign in with your link" page.
 */
const target = new EventTarget();
const UNAUTHORIZED = 'unauthorized';

export function announceUnauthorized(): void {
  target.dispatchEvent(new Event(UNAUTHORIZED));
}

/** Calls `listener` on every 401; returns the unsubscribe. */
export function onUnauthorized(listener: () => void): () => void {
  target.addEventListener(UNAUTHORIZED, listener);
  return () => target.removeEventListener(UNAUTHORIZED, listener);
}
