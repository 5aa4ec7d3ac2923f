/**
 * Integration: the address book over REST on a real server. Admin only; bad input 400 with the
 * field, a taken email 409, unknown 404, and none of them changes anything; kept across a restart.
 */
import { describe, expect, it } from 'vitest';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

async function api<T = any>(t: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (res.status === 204 ? null : await res.json()) as T };
}

const sato = { name: '佐藤 花子', department: '営業部', email: 'Hanako.Sato@example.jp', chatId: 'U123', language: 'ja' };

describe('address book REST', () => {
  it('the admin creates, lists, edits, revokes links and removes; kept across a restart', async () => {
    const t = await startTestServer();
    const admin = adminHeaders(t);
    const created = await api(t, 'POST', '/api/people', admin, sato);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...sato, email: 'hanako.sato@example.jp', linkVersion: 1 });
    const id = created.json.id as string;
    expect((await api(t, 'PATCH', `/api/people/${id}`, admin, { department: '経営企画部', language: 'en' })).json).toMatchObject({ department: '経営企画部', language: 'en' });
    expect((await api(t, 'POST', `/api/people/${id}/revoke-links`, admin)).json).toEqual({ linkVersion: 2 });

    const again = await t.restart();
    const list = await api(again, 'GET', '/api/people', adminHeaders(again));
    expect(list.json.people).toEqual([expect.objectContaining({ id, department: '経営企画部', linkVersion: 2 })]);
    expect((await api(again, 'DELETE', `/api/people/${id}`, adminHeaders(again))).status).toBe(204);
    expect((await api(again, 'GET', `/api/people/${id}`, adminHeaders(again))).status).toBe(404);
  });

  it('bad input, a taken email and an unknown id get clear errors and change nothing', async () => {
    const t = await startTestServer();
    const admin = adminHeaders(t);
    const a = (await api(t, 'POST', '/api/people', admin, sato)).json;
    const bad: Array<[unknown, string | undefined]> = [
      [{ ...sato, email: 'not-an-email' }, 'email'],
      [{ ...sato, name: '  ' }, 'name'],
      [{ ...sato, language: 'fr' }, 'language'],
      [{ ...sato, extra: 1 }, undefined],
      ['not json', undefined],
    ];
    for (const [body, field] of bad) {
      const res = await api(t, 'POST', '/api/people', admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('invalid_input');
      if (field) expect(res.json.error.field).toBe(field);
    }
    const dup = await api(t, 'POST', '/api/people', admin, { ...sato, name: '別人', email: 'HANAKO.SATO@example.jp' });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: 'conflict', field: 'email' });
    const b = (await api(t, 'POST', '/api/people', admin, { ...sato, name: 'Lee', email: 'lee@example.com' })).json;
    expect((await api(t, 'PATCH', `/api/people/${b.id}`, admin, { email: 'hanako.sato@example.jp', name: 'Changed' })).status).toBe(409);
    expect((await api(t, 'PATCH', `/api/people/nobody`, admin, { name: 'x' })).status).toBe(404);
    expect((await api(t, 'POST', `/api/people/nobody/revoke-links`, admin)).status).toBe(404);
    expect((await api(t, 'GET', '/api/people', admin)).json.people).toEqual([b, a].sort((x, y) => (x.name < y.name ? -1 : 1)));
  });

  it('only the admin: a participant gets 403, nobody signed in 401', async () => {
    const t = await startTestServer();
    const meetingId = await createMeetingViaApi(t);
    const cookie = await signIn(t, (await createRoleLink(t, meetingId, 'facilitator')).token, 'Fay');
    for (const [method, path] of [['GET', '/api/people'], ['POST', '/api/people'], ['DELETE', '/api/people/x']] as const) {
      expect((await api(t, method, path, { cookie }, method === 'POST' ? sato : undefined)).status).toBe(403);
      expect((await api(t, method, path, {}, method === 'POST' ? sato : undefined)).status).toBe(401);
    }
    expect((await api(t, 'GET', '/api/people', adminHeaders(t))).json.people).toEqual([]);
  });
});
