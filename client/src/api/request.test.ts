import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, type ApiErrorBody } from '@suishin/shared/protocol';
import { ApiError } from './apiError';
import { request } from './request';
import { onUnauthorized } from './unauthorized';

type Call = [string, RequestInit];
const answer = (status: number, body?: unknown, statusText = '') =>
  vi.fn(async (_path: string, _init: RequestInit) =>
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, statusText }),
  );
const errorBody = (code: ApiErrorBody['error']['code'], message: string, field?: string): ApiErrorBody => ({
  error: field ? { code, message, field } : { code, message },
});

/** Counts the 401s announced while `run` runs. */
async function announced(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const stop = onUnauthorized(() => count++);
  try {
    await run().catch(() => undefined);
  } finally {
    stop();
  }
  return count;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('sends JSON with the session cookie and returns the parsed answer', async () => {
    const fetch = answer(201, { id: 'm1' });
    vi.stubGlobal('fetch', fetch);
    expect(await request('/api/meetings', { method: 'POST', body: { title: '定例' } })).toEqual({ id: 'm1' });
    const [path, init] = fetch.mock.calls[0] as Call;
    expect(path).toBe('/api/meetings');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"title":"定例"}' });
    expect(init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });

  it('sends no body and no content type when there is nothing to send', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    await request('/api/meetings/m1/end', { method: 'POST' });
    await request('/api/home');
    const [post, get] = (fetch.mock.calls as Call[]).map(([, init]) => init);
    expect(post!).not.toHaveProperty('body');
    expect(post!.headers).toEqual({ accept: 'application/json' });
    expect(get!).not.toHaveProperty('method');
  });

  it('answers undefined for 204', async () => {
    vi.stubGlobal('fetch', answer(204));
    expect(await request('/api/session', { method: 'DELETE' })).toBeUndefined();
  });

  it("throws an ApiError with the server's code, message and field", async () => {
    vi.stubGlobal('fetch', answer(400, errorBody(ErrorCode.invalidInput, 'must not be empty', 'title')));
    const error = await request('/api/meetings', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', message: 'must not be empty', field: 'title' });
  });

  it('throws an ApiError with the status text when the body is not the API’s', async () => {
    for (const body of ['<html>Bad gateway</html>', { error: 'nope' }, 'null', undefined]) {
      vi.stubGlobal('fetch', answer(502, body, 'Bad Gateway'));
      const error = await request('/api/home').catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 502, code: 'internal', message: 'Bad Gateway', field: undefined });
    }
  });

  it('announces every 401 (the session is gone) and still throws', async () => {
    vi.stubGlobal('fetch', answer(401, errorBody(ErrorCode.unauthorized, 'not signed in')));
    expect(await announced(() => request('/api/home'))).toBe(1);
    expect(await announced(() => request('/api/meetings/m1/trackers/github/push', { method: 'POST' }))).toBe(1);
    await expect(request('/api/series')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it("does not announce the 401 of signing in: a bad link is the sign-in page's to show", async () => {
    vi.stubGlobal('fetch', answer(401, errorBody(ErrorCode.unauthorized, 'this link has expired', 'token')));
    expect(await announced(() => request('/api/session', { method: 'POST', body: { token: 'x' }, signingIn: true }))).toBe(0);
    await expect(request('/api/session', { method: 'POST', body: { token: 'x' }, signingIn: true })).rejects.toMatchObject({ field: 'token' });
  });

  it('does not announce other refusals', async () => {
    vi.stubGlobal('fetch', answer(403, errorBody(ErrorCode.forbidden, 'facilitators only')));
    expect(await announced(() => request('/api/meetings/m1/trackers'))).toBe(0);
  });
});
