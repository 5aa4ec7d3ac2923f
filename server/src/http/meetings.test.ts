import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode, addAgendaItem, initMeeting, listAgendaItems, toMeetingView, updateMeta } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { adminHeaders, type ServerEndpoint } from '../testing/serverAccess';
import { connectStockClient, waitForDoc } from '../testing/syncClients';
import { createMeetingViaApi, makeTempDir, startTestServer } from '../testing/testServer';

const post = (t: ServerEndpoint, path: string, body: string) =>
  fetch(`${t.httpUrl}${path}`, { method: 'POST', headers: { ...adminHeaders(t), 'content-type': 'application/json' }, body });
const get = (t: ServerEndpoint, path: string) => fetch(`${t.httpUrl}${path}`, { headers: adminHeaders(t) });

describe('REST /api/meetings', () => {
  it('creates a meeting (201) and returns its id, summary and view', async () => {
    const t = await startTestServer();
    const res = await post(t, '/api/meetings',
      JSON.stringify({ title: '週次定例', scheduledStart: '2026-12-01T09:00:00+09:00', place: 'Room 3', language: 'ja' }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({ title: '週次定例', status: 'draft', scheduledStart: '2026-12-01T09:00:00+09:00' });
    expect(body.meeting.meta).toMatchObject({ title: '週次定例', place: 'Room 3', status: 'draft' });
  });

  it.each([
    ['missing title', JSON.stringify({}), 'title'],
    ['empty title', JSON.stringify({ title: '   ' }), 'title'],
    ['title of the wrong type', JSON.stringify({ title: 42 }), 'title'],
    ['bad scheduledStart', JSON.stringify({ title: 'x', scheduledStart: 'tomorrow' }), 'scheduledStart'],
    ['bad language', JSON.stringify({ title: 'x', language: 'fr' }), 'language'],
    ['bad department entry', JSON.stringify({ title: 'x', departments: ['ok', 3] }), 'departments.1'],
  ])('rejects %s with 400 naming the field', async (_name, body, field) => {
    const t = await startTestServer();
    const res = await post(t, '/api/meetings', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string; field?: string } };
    expect(json.error.code).toBe(ErrorCode.invalidInput);
    expect(json.error.field).toBe(field);
    expect(json.error.message).toContain(field);
  });

  it('rejects invalid JSON and unknown fields with 400', async () => {
    const t = await startTestServer();
    const bad = await post(t, '/api/meetings', '{"title": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe(ErrorCode.invalidInput);
    const extra = await post(t, '/api/meetings', JSON.stringify({ title: 'x', owner: 'me' }));
    expect(extra.status).toBe(400);
  });

  it('rejects an oversized body with 413', async () => {
    const t = await startTestServer({ env: { MAX_BODY_BYTES: '2048' } });
    const res = await post(t, '/api/meetings', JSON.stringify({ title: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe(ErrorCode.payloadTooLarge);
  });

  it('lists meetings with current titles, newest first', async () => {
    const t = await startTestServer();
    const first = await createMeetingViaApi(t, 'First');
    await createMeetingViaApi(t, 'Second');
    const c = await connectStockClient(t, first);
    updateMeta(c.doc, { title: 'First (renamed)' });
    // The list is a projection refreshed from the document; it catches up once the room unloads.
    c.destroy();
    await waitUntil(async () => {
      const list = await (await get(t, `/api/meetings`)).json();
      return (list as any).meetings.some((m: any) => m.title === 'First (renamed)');
    });
    const list = (await (await get(t, `/api/meetings`)).json()) as { meetings: any[] };
    expect(list.meetings).toHaveLength(2);
    for (const m of list.meetings) {
      expect(Object.keys(m).sort()).toEqual(['createdAt', 'id', 'scheduledStart', 'status', 'title', 'updatedAt']);
    }
    expect(list.meetings[0].title).toBe('First (renamed)');
  });

  it('gets one meeting as the plain-JSON view, live or from the store; unknown id is 404', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t, 'Viewed');
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    addAgendaItem(a.doc, { title: 'Live item' });
    // b received it, so the server has it durably and applied to the room's document.
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 1);
    const live = (await (await get(t, `/api/meetings/${id}`)).json()) as any;
    expect(live).toMatchObject({ id, meta: { title: 'Viewed' }, agenda: [{ title: 'Live item' }] });

    a.destroy();
    b.destroy();
    const restarted = await t.restart();
    const stored = (await (await get(restarted, `/api/meetings/${id}`)).json()) as any;
    expect(stored).toEqual(live);

    const missing = await get(restarted, `/api/meetings/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: ErrorCode.notFound, message: 'unknown meeting nope', field: 'id' } });
    const noRoute = await get(restarted, `/api/nothing-here`);
    expect(noRoute.status).toBe(404);
  });

  it("gets a meeting's document as one Yjs update: live, compacted, or as a snapshot plus log tail", async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t, 'Prefetched');
    const documentOf = async (server: ServerEndpoint, meetingId: string) => {
      const res = await get(server, `/api/meetings/${meetingId}/document`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
      return toMeetingView(doc, meetingId);
    };

    // Open: the room's current state, including an edit just relayed.
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    addAgendaItem(a.doc, { title: 'Live item' });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 1);
    const live = await documentOf(t, id);
    expect(live).toEqual(toMeetingView(b.doc, id));
    expect(live.agenda.map((i) => i.title)).toEqual(['Live item']);

    // Closed (compacted when the room unloaded): the stored snapshot.
    a.destroy();
    b.destroy();
    const restarted = await t.restart();
    expect(await documentOf(restarted, id)).toEqual(live);
    expect((await get(restarted, `/api/meetings/nope/document`)).status).toBe(404);

    // Never compacted (the process died first): snapshot plus the log's tail.
    const dataDir = makeTempDir();
    const store = openSqliteStore({ dataDir });
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'Crashed' });
    await store.createMeeting('m-tail', Y.encodeStateAsUpdate(doc), { title: 'Crashed', status: 'draft', scheduledStart: null });
    const before = Y.encodeStateVector(doc);
    addAgendaItem(doc, { title: 'From the tail' });
    await store.appendUpdate('m-tail', Y.encodeStateAsUpdate(doc, before));
    await store.close();
    const fromTail = await documentOf(await startTestServer({ dataDir }), 'm-tail');
    expect(fromTail.meta.title).toBe('Crashed');
    expect(fromTail.agenda.map((i) => i.title)).toEqual(['From the tail']);

    // Stored bytes that are not a valid update are never sent.
    const garbageDir = makeTempDir();
    const garbageStore = openSqliteStore({ dataDir: garbageDir });
    await garbageStore.createMeeting('m-garbage', new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]), { title: 'Garbage', status: 'draft', scheduledStart: null });
    await garbageStore.close();
    const garbage = await get(await startTestServer({ dataDir: garbageDir }), '/api/meetings/m-garbage/document');
    expect(garbage.status).toBe(500);
    expect(garbage.headers.get('content-type')).not.toBe('application/octet-stream');
  });
});

describe('client assets', () => {
  it('says clearly when the client is not built', async () => {
    const t = await startTestServer();
    const res = await fetch(`${t.httpUrl}/meetings/abc`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('The client has not been built');
  });

  it('serves files and falls back to index.html for app routes, not for /api', async () => {
    const t = await startTestServer();
    mkdirSync(join(t.config.clientDist, 'assets'), { recursive: true });
    writeFileSync(join(t.config.clientDist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(t.config.clientDist, 'assets', 'app.js'), 'console.log(1)');
    const js = await fetch(`${t.httpUrl}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    // A chunk of an older build is a 404, never index.html posing as JavaScript.
    expect((await fetch(`${t.httpUrl}/assets/gone-123.js`)).status).toBe(404);
    const page = await fetch(`${t.httpUrl}/meetings/123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('id="root"');
    expect((await get(t, `/api/unknown`)).status).toBe(404);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
