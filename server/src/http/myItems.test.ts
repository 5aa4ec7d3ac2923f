/**
 * Integration: an owner's personal link on a real server. The list shows their open items across
 * meetings (newest due first); marking one done writes the ended meeting of origin (frozen for
 * clients, changed by the server) and closes the chain; a bad, expired or revoked link gets
 * 401 / 403 and changes nothing; another person's item is 404.
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, getActionItem, listActionItems } from '@suishin/shared';
import type * as Y from 'yjs';
import { TokenSigner } from '../auth/signedToken';
import { MeetingDocuments } from '../meetings/meetingDocuments';
import { adminHeaders } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

async function api<T = any>(t: TestServer, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** Reads the meeting's durable document as the server holds it. */
const readDoc = <T>(t: TestServer, meetingId: string, read: (doc: Y.Doc) => T) =>
  new MeetingDocuments({ store: t.server.store, rooms: t.server.rooms }).read(meetingId, read);

async function ownerWithItems(t: TestServer) {
  const admin = adminHeaders(t);
  const seriesId = (await api(t, 'POST', '/api/series', admin, { name: '定例', departments: ['営業'], agendaTemplate: [] })).json.id as string;
  const meetingId = (await api(t, 'POST', `/api/series/${seriesId}/next`, admin, {})).json.meetingId as string;
  await t.server.rooms.withRoom(meetingId, (room) => room.applyServerChange((doc) => {
    addActionItem(doc, { title: '見積もりを送る', owner: { name: '佐藤 花子', department: '営業' }, dueDate: '2026-01-10' });
    addActionItem(doc, { title: '資料を作る', owner: { name: '佐藤 花子', department: '営業' }, dueDate: '2026-03-01' });
    addActionItem(doc, { title: 'Ship it', owner: { name: 'Tanaka', department: '製品' }, dueDate: '2026-02-01' });
  }));
  await t.server.closing.end(meetingId);
  const person = (await api(t, 'POST', '/api/people', admin, { name: '佐藤 花子', department: '営業', email: 'sato@example.jp', language: 'ja' })).json;
  const link = (await api(t, 'POST', `/api/people/${person.id}/link`, admin)).json;
  return { admin, meetingId, person, token: link.token as string };
}

describe('personal links: my items', () => {
  it('lists the owner’s open items newest due first; done is written into the ended meeting of origin', async () => {
    const t = await startTestServer();
    const { meetingId, token } = await ownerWithItems(t);
    const list = await api(t, 'GET', `/api/my/${token}/items`);
    expect(list.status).toBe(200);
    expect(list.json.person).toEqual({ name: '佐藤 花子', department: '営業', language: 'ja' });
    expect(list.json.items.map((i: any) => i.title)).toEqual(['資料を作る', '見積もりを送る']);
    const target = list.json.items[1];
    const after = await api(t, 'PUT', `/api/my/${token}/items`, {}, { meetingId: target.meetingId, actionItemId: target.actionItemId, state: 'done' });
    expect(after.status).toBe(200);
    expect(after.json.items.map((i: any) => i.title)).toEqual(['資料を作る']);
    const stored = await readDoc(t, meetingId, (doc) => getActionItem(doc, target.actionItemId)?.status);
    expect(stored).toBe('done');
    // A restart keeps it (durable first).
    const again = await t.restart();
    expect(await readDoc(again, meetingId, (doc) => getActionItem(doc, target.actionItemId)?.status)).toBe('done');
  });

  it('bad, expired and revoked links get 401 / 403; another person’s item 404; nothing changes', async () => {
    const t = await startTestServer();
    const { admin, meetingId, person, token } = await ownerWithItems(t);
    const before = await readDoc(t, meetingId, (doc) => listActionItems(doc).map((a) => a.status));
    const tanaka = (await readDoc(t, meetingId, (doc) => listActionItems(doc).find((a) => a.title === 'Ship it')!.id))!;
    expect((await api(t, 'PUT', `/api/my/${token}/items`, {}, { meetingId, actionItemId: tanaka, state: 'done' })).status).toBe(404);
    expect((await api(t, 'PUT', `/api/my/${token}/items`, {}, { meetingId, actionItemId: tanaka, state: 'finished' })).status).toBe(400);

    const signer = new TokenSigner(Buffer.from(t.secret, 'base64url'));
    const expired = signer.sign('personal', { p: person.id, w: 'default', k: 1, exp: Math.floor(Date.now() / 1000) - 5 });
    const otherWorkspace = signer.sign('personal', { p: person.id, w: 'other', k: 1, exp: Math.floor(Date.now() / 1000) + 600 });
    const asRoleLink = signer.sign('link', { p: person.id, w: 'default', k: 1, exp: Math.floor(Date.now() / 1000) + 600 } as never);
    for (const bad of ['garbage', `${token}x`, expired, otherWorkspace, asRoleLink]) {
      const res = await api(t, 'GET', `/api/my/${encodeURIComponent(bad)}/items`);
      expect(res.status, bad).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
    expect((await api(t, 'POST', `/api/people/${person.id}/revoke-links`, admin)).status).toBe(200);
    const revoked = await api(t, 'PUT', `/api/my/${token}/items`, {}, { meetingId, actionItemId: tanaka, state: 'done' });
    expect(revoked.status).toBe(403);
    expect(revoked.json.error.message).toMatch(/revoked/);
    expect(await readDoc(t, meetingId, (doc) => listActionItems(doc).map((a) => a.status))).toEqual(before);
  });
});
