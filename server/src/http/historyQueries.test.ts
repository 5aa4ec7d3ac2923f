/** Integration: every query parameter of the read routes is checked, and a bad one gets a 400 naming it. */
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer';
import { adminHeaders } from '../testing/serverAccess';

const get = async (t: TestServer, path: string) => {
  const res = await fetch(`${t.httpUrl}${path}`, { headers: adminHeaders(t) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string; field?: string } } };
};

describe('query strings of the read routes', () => {
  it('a search with a NUL or another control character is refused with 400 naming q, not a 500', async () => {
    const t = await startTestServer();
    for (const q of ['abc\u0000def', '\u0000', 'line\nbreak', 'bell\u0007', '\u009b']) {
      const res = await get(t, `/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'q' });
      expect(res.body.error!.message).toMatch(/control characters/);
    }
    expect((await get(t, `/api/search?q=${encodeURIComponent('価格表')}`)).status).toBe(200);
  });

  it('refuses bad dates, ranges, states, page sizes, unknown parameters and control characters in any filter', async () => {
    const t = await startTestServer();
    const refused: Array<[string, string]> = [
      ['/api/archive?from=2026-02-30', 'from'],
      ['/api/archive?from=20260101', 'from'],
      ['/api/archive?from=2026-03-01&to=2026-02-01', 'to'],
      ['/api/archive?status=closed', 'status'],
      ['/api/archive?limit=0', 'limit'],
      ['/api/archive?limit=101', 'limit'],
      ['/api/archive?limit=ten', 'limit'],
      ['/api/archive?department=%00', 'department'],
      ['/api/archive?series=', 'series'],
      ['/api/archive?page=2', 'page'],
      ['/api/search?q=x&sort=best', 'sort'],
      ['/api/search?q=x&department=a%0Ab', 'department'],
      ['/api/search?q=' + 'x'.repeat(201), 'q'],
      ['/api/decisions?state=valid', 'state'],
      ['/api/decisions?decider=%1F', 'decider'],
      ['/api/action-items?state=late', 'state'],
      ['/api/action-items?days=400', 'days'],
      ['/api/action-items/due?days=-1', 'days'],
      ['/api/action-items?owner=%7F', 'owner'],
      ['/api/dashboard', 'series'],
      ['/api/dashboard?series=a&department=b', 'series'],
      ['/api/dashboard?department=x&period=year', 'period'],
      ['/api/dashboard?department=x&from=2010-01-01&to=2026-01-01', 'from'],
      ['/api/dashboard/meetings?department=x&limit=500', 'limit'],
      ['/api/home?x=1', 'x'],
      ['/api/meetings?limit=1000', 'limit'],
    ];
    for (const [path, field] of refused) {
      const res = await get(t, path);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('refuses a cursor that is unknown, changed by hand, or from another list or other filters', async () => {
    const t = await startTestServer();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${t.httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { ...adminHeaders(t), 'content-type': 'application/json' },
        body: JSON.stringify({ title: `m${i}`, departments: ['営業'] }),
      });
      expect(res.status).toBe(201);
    }
    const first = (await (await fetch(`${t.httpUrl}/api/archive?limit=1&department=${encodeURIComponent('営業')}`, { headers: adminHeaders(t) })).json()) as { nextCursor: string };
    expect(first.nextCursor).toMatch(/^c1\./);
    const good = await get(t, `/api/archive?limit=1&department=${encodeURIComponent('営業')}&cursor=${first.nextCursor}`);
    expect(good.status).toBe(200);
    const [version, body, mac] = first.nextCursor.split('.') as [string, string, string];
    const flipped = body.slice(0, 3) + (body[3] === 'A' ? 'B' : 'A') + body.slice(4);
    const forged = Buffer.from(JSON.stringify({ sortAt: 0, id: 'zzz' })).toString('base64url');
    for (const cursor of ['nonsense', `${version}.${flipped}.${mac}`, `${version}.${forged}.${mac}`, `${version}.${body}`, `c2.${body}.${mac}`]) {
      const res = await get(t, `/api/archive?limit=1&department=${encodeURIComponent('営業')}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    }
    // The same cursor with other filters, or on another list.
    expect((await get(t, `/api/archive?limit=1&cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await get(t, `/api/decisions?cursor=${first.nextCursor}`)).status).toBe(400);
    // A restart keeps cursors valid (signed with the server secret).
    const again = await t.restart();
    expect((await get(again, `/api/archive?limit=1&department=${encodeURIComponent('営業')}&cursor=${first.nextCursor}`)).status).toBe(200);
  });
});
