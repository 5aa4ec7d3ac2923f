/**
 * The one way the client calls the REST API (features' `*Api.ts` are thin typed calls over it).
 * Imports only `@suishin/shared/protocol`, so the meetings list's entry chunk stays free of
 * zod and Yjs. The meeting's document prefetch and the server clock (`meeting/`) fetch by
 * themselves: one reads bytes, the other treats a missing endpoint as "offset 0".
 */
import { ApiError } from './apiError';
import { announceUnauthorized } from './unauthorized';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON (shared's request type at the call). */
  body?: unknown;
  /** Signing in: its 401 is a bad link for the sign-in page to show, not a lost session. */
  signingIn?: boolean;
  /** A credential of the screen's own instead of the session cookie (the projector's observer link). */
  bearer?: string;
}

/**
 * A JSON request with the session cookie (same origin). 2xx: the parsed answer (undefined for
 * 204). Otherwise throws ApiError; a 401 also announces that the session is gone.
 */
export async function request<T>(path: string, { method, body, signingIn = false, bearer }: RequestOptions = {}): Promise<T> {
  const response = await fetch(path, {
    ...(method ? { method } : {}),
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(bearer !== undefined ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    if (response.status === 401 && !signingIn) announceUnauthorized();
    throw ApiError.fromBody(response.status, response.statusText, await response.json().catch(() => null));
  }
  return (await response.json()) as T;
}

/** A GET whose answer is a file's text (an export), with the same errors as `request`. */
export async function requestText(path: string): Promise<string> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    if (response.status === 401) announceUnauthorized();
    throw ApiError.fromBody(response.status, response.statusText, await response.json().catch(() => null));
  }
  return response.text();
}
