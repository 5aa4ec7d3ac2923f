import { TOKEN_FRAGMENT_KEY, type Role } from '@suishin/shared/protocol';

/**
 * Takes the sign-in token out of the URL fragment (`#token=…`) and removes it from the address bar
 * and history at once, so it is not bookmarked, synced or shown over a shoulder. Fragments never
 * reach a server; the token goes to it only in the body of POST /api/session.
 */
export function takeFragmentToken(location: Location = window.location): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get(TOKEN_FRAGMENT_KEY);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token && token.length > 0 ? token : null;
}

/**
 * The role a link token offers, read from its (signed, not secret) payload for the join page to
 * show before signing in. Display only: the server decides.
 */
export function offeredRole(token: string): Role | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { r?: unknown };
    return payload.r === 'facilitator' || payload.r === 'participant' || payload.r === 'observer' ? payload.r : null;
  } catch {
    return null;
  }
}
