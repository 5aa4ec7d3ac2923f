import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, addAgendaItem, getMeta, listAgendaItems, toMeetingView } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import type { MeetingStore } from '../persistence/store';
import { gate, instrumentStore, nextEvent } from '../testing/instrumentedStore';
import {
  connectRaw,
  connectStockClient,
  messageTypeOf,
  saveRequestFrame,
  syncStep1Frame,
  savedNonce,
  syncUpdateFrame,
  waitForDoc,
  isAttachedFrame,
} from '../testing/syncClients';
import { adminHeaders } from '../testing/serverAccess';
import { createMeetingViaApi, makeTempDir, startTestServer } from '../testing/testServer';
import { docFromStored } from '../meetings/storedDocument';

const agendaTitles = (doc: Y.Doc) => listAgendaItems(doc).map((i) => i.title);
const hasAgenda = (n: number) => (doc: Y.Doc) => listAgendaItems(doc).length >= n;

async function storedBytes(store: MeetingStore, id: string) {
  const stored = await store.loadMeeting(id);
  const row = await store.getMeetingRow(id);
  const h = createHash('sha256');
  h.update(JSON.stringify(row));
  if (stored?.snapshot) h.update(stored.snapshot);
  for (const u of stored?.updates ?? []) h.update(`${u.seq}:`).update(u.data);
  return h.digest('hex');
}

describe('sync server with the stock y-websocket client', () => {
  it('two providers converge, and the content survives a restart', async () => {
    let t = await startTestServer();
    const id = await createMeetingViaApi(t, 'Sales × Product');
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    expect(getMeta(a.doc).title).toBe('Sales × Product');

    addAgendaItem(a.doc, { title: 'Pipeline review' });
    addAgendaItem(b.doc, { title: 'Launch date' });
    await Promise.all([waitForDoc(a.doc, hasAgenda(2)), waitForDoc(b.doc, hasAgenda(2))]);
    expect(toMeetingView(a.doc, id)).toEqual(toMeetingView(b.doc, id));

    a.destroy();
    b.destroy();
    t = await t.restart();
    const c = await connectStockClient(t, id);
    expect(agendaTitles(c.doc).sort()).toEqual(['Launch date', 'Pipeline review']);
    const res = await fetch(`${t.httpUrl}/api/meetings/${id}`, { headers: adminHeaders(t) });
    const view = (await res.json()) as { agenda: { title: string }[] };
    expect(view.agenda.map((i) => i.title).sort()).toEqual(['Launch date', 'Pipeline review']);
  });

  it('compacts the log after the threshold, and the content survives a restart', async () => {
    let t = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '20' } });
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    for (let i = 0; i < 50; i++) addAgendaItem(a.doc, { title: `item ${i}` });
    await waitForDoc(b.doc, hasAgenda(50), '50 items at b');
    await t.server.store.flush();
    const stored = await t.server.store.loadMeeting(id);
    expect(stored!.snapshotUptoSeq).toBeGreaterThan(0);
    expect(stored!.updates.length).toBeLessThan(20);

    a.destroy();
    b.destroy();
    t = await t.restart();
    const c = await connectStockClient(t, id);
    expect(listAgendaItems(c.doc)).toHaveLength(50);
  });

  it('a client that has nothing gets the current document after every edit, and after a reload', async () => {
    // The room answers such clients from a cached full state (room.ts): it must never be stale.
    const t = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '2' } });
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    for (let i = 1; i <= 3; i++) {
      addAgendaItem(a.doc, { title: `item ${i}` });
      await waitForDoc(b.doc, hasAgenda(i), `${i} items at b`);
      const fresh = await connectStockClient(t, id);
      expect(listAgendaItems(fresh.doc)).toHaveLength(i);
      fresh.destroy();
    }
    a.destroy();
    b.destroy();
    await expect.poll(() => t.server.rooms.peek(id)).toBeUndefined(); // unloaded: next join loads it from the store

    const c = await connectStockClient(t, id);
    expect(listAgendaItems(c.doc)).toHaveLength(3);
    addAgendaItem(c.doc, { title: 'item 4' });
    const d = await connectStockClient(t, id);
    await waitForDoc(d.doc, hasAgenda(4), '4 items at a client that joined after the reload');
    c.destroy();
    d.destroy();
  });

  it('a join that loads a compacted meeting is sent its stored state at once, then only what is newer', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    for (let i = 1; i <= 20; i++) addAgendaItem(a.doc, { title: `item ${i}` });
    const b = await connectStockClient(t, id);
    await waitForDoc(b.doc, hasAgenda(20), '20 items at b');
    a.destroy();
    b.destroy();
    await expect.poll(() => t.server.rooms.peek(id)).toBeUndefined();

    // A client with nothing, asking as the stock client does on open.
    const raw = await connectRaw(t, id);
    raw.send(syncStep1Frame(new Y.Doc()));
    const isSync = (frame: Uint8Array, step: number) => messageTypeOf(frame) === 0 && frame[1] === step;
    const answer = await raw.next((f) => isSync(f, 1) && raw.frames.filter((g) => isSync(g, 1)).indexOf(f) === 1);
    const syncFrames = raw.frames.filter((f) => messageTypeOf(f) === 0);
    // The stored state came first, before the room had even built its document (its SyncStep1 follows).
    const [first, serverStep1] = syncFrames;
    expect(isSync(first!, 1)).toBe(true);
    expect(isSync(serverStep1!, 0)).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, readSyncPayload(first!));
    expect(listAgendaItems(doc)).toHaveLength(20);
    // The answer to the client's SyncStep1 carries only what is newer than that: nothing.
    expect(answer.length).toBeLessThan(64);
    expect(first!.length).toBeGreaterThan(1000);
  });

  it('refuses an unknown meeting with a clear close reason, and a bad path with 400', async () => {
    const t = await startTestServer();
    const raw = await connectRaw(t, 'no-such-meeting');
    expect(await raw.closed).toEqual({ code: CloseCode.unknownMeeting, reason: 'unknown meeting no-such-meeting' });

    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${t.httpUrl.replace('http', 'ws')}/elsewhere`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(400);
  });

  it('answers saved(nonce) only once the update is in the store', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const raw = await connectRaw(t, id);
    await raw.next(isAttachedFrame); // the server's SyncStep1: the room is attached

    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    addAgendaItem(local, { title: 'Acked item' });
    for (const u of updates) raw.send(syncUpdateFrame(u));
    raw.send(saveRequestFrame(42));
    const saved = await raw.next((f) => savedNonce(f) !== null);
    expect(savedNonce(saved)).toBe(42);

    // At the moment `saved` arrives, the update is already committed.
    const stored = await t.server.store.loadMeeting(id);
    const doc = docFromStored(stored!);
    expect(agendaTitles(doc)).toEqual(['Acked item']);

    // With nothing pending, the ack comes straight back.
    raw.send(saveRequestFrame(7));
    expect(savedNonce(await raw.next((f) => savedNonce(f) === 7))).toBe(7);
  });

  it('clients connecting while the room loads all get the loaded state from one load', async () => {
    const dataDir = makeTempDir();
    const loading = gate();
    const store = instrumentStore(openSqliteStore({ dataDir }), { beforeLoad: () => loading.promise });
    const t = await startTestServer({ dataDir, deps: { store } });
    const id = await createMeetingViaApi(t, 'Loaded title');
    const clients = [1, 2, 3].map(() => connectStockClient(t, id));
    await nextEvent(store.events, 'load', id);
    loading.open();
    const connected = await Promise.all(clients);
    for (const c of connected) expect(getMeta(c.doc).title).toBe('Loaded title');
    expect(store.calls.load).toBe(1);
  });

  it('a client arriving while the room unloads gets everything', async () => {
    const dataDir = makeTempDir();
    const unloading = gate();
    let holdCompaction = true;
    const store = instrumentStore(openSqliteStore({ dataDir }), {
      beforeCompact: () => (holdCompaction ? unloading.promise : undefined),
    });
    const t = await startTestServer({ dataDir, deps: { store } });
    const id = await createMeetingViaApi(t);

    const a = await connectStockClient(t, id);
    for (let i = 0; i < 5; i++) addAgendaItem(a.doc, { title: `edit ${i}` });
    // Disconnect right after editing: the last updates may still be in flight at the server.
    const compactStarted = nextEvent(store.events, 'compact', id);
    a.destroy();
    await compactStarted; // the room is now unloading, held inside its final compaction

    const bPromise = connectStockClient(t, id);
    holdCompaction = false;
    unloading.open();
    const b = await bPromise;
    expect(listAgendaItems(b.doc)).toHaveLength(5);
    expect(store.calls.load).toBe(2); // reloaded from the store after the unload finished
  });

  it('a client arriving while the last edits are still being stored gets them (no lost update)', async () => {
    const dataDir = makeTempDir();
    const storing = gate();
    let hold = false;
    const store = instrumentStore(openSqliteStore({ dataDir }), {
      beforeAppend: () => (hold ? storing.promise : undefined),
    });
    const t = await startTestServer({ dataDir, deps: { store } });
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    hold = true;
    let requested = 0;
    const appendsStarted = new Promise<void>((resolve) =>
      store.events.on('append', () => {
        if (++requested === 2) resolve();
      }),
    );
    addAgendaItem(a.doc, { title: 'first' });
    addAgendaItem(a.doc, { title: 'second' });
    await appendsStarted; // both updates reached the server and are waiting on the store
    const unloading = nextEvent(t.server.rooms.events, 'unloading', id);
    a.destroy();
    await unloading; // the room is unloading with two appends in flight
    const bPromise = connectStockClient(t, id);
    hold = false;
    storing.open();
    const b = await bPromise;
    expect(agendaTitles(b.doc).sort()).toEqual(['first', 'second']);
  });

  it('refuses a room that fails to load, and leaves its stored bytes untouched', async () => {
    const dataDir = makeTempDir();
    let broken = '';
    const inner = openSqliteStore({ dataDir });
    const store = instrumentStore(inner, {
      beforeLoad: (id) => {
        if (id === broken) throw new Error('disk on fire');
      },
    });
    const t = await startTestServer({ dataDir, deps: { store } });
    broken = await createMeetingViaApi(t, 'Broken');
    const healthy = await createMeetingViaApi(t, 'Healthy');
    const before = await storedBytes(inner, broken);

    const raw = await connectRaw(t, broken);
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => raw.send(syncUpdateFrame(u)));
    addAgendaItem(local, { title: 'must not be stored' });
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.loadFailed);
    expect(closed.reason).toMatch(/could not load meeting/);

    await store.flush();
    expect(await storedBytes(inner, broken)).toBe(before);
    expect(t.server.rooms.peek(broken)).toBeUndefined();

    const ok = await connectStockClient(t, healthy);
    expect(getMeta(ok.doc).title).toBe('Healthy');
  });

  it('stored bytes that are not a valid update are never sent to a joining client; the room is refused', async () => {
    const dataDir = makeTempDir();
    const store = openSqliteStore({ dataDir });
    await store.createMeeting('m-garbage', new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]), { title: 'Garbage', status: 'draft', scheduledStart: null });
    await store.close();
    const t = await startTestServer({ dataDir });
    const raw = await connectRaw(t, 'm-garbage');
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.loadFailed);
    expect(raw.frames.filter((f) => messageTypeOf(f) === 0)).toEqual([]);
  });

  it('a connection may only set its own awareness state', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id, { name: 'Aiko' });
    const b = await connectStockClient(t, id, { name: 'Mallory' });
    a.provider.awareness.setLocalStateField('user', { name: 'Aiko' });
    await new Promise<void>((resolve) => {
      const check = () => {
        if (b.provider.awareness.getStates().get(a.doc.clientID)) {
          b.provider.awareness.off('change', check);
          resolve();
        }
      };
      b.provider.awareness.on('change', check);
      check();
    });
    const room = t.server.rooms.peek(id)!;
    // b tries to remove a's state and to forge one for a: the server ignores both.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const forged = new Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'Mallory' } });
    forged.setLocalState({ user: { name: 'Mallory' } });
    const { MessageType } = await import('@suishin/shared');
    const { frameOf } = await import('../testing/syncClients');
    const encoding = await import('lib0/encoding');
    const ws = (b.provider as unknown as { ws: WebSocket }).ws;
    const meta = forged.meta.get(a.doc.clientID)!;
    meta.clock = 1000;
    ws.send(
      frameOf((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(forged, [a.doc.clientID]));
      }),
    );
    // b's own edits still flow, so the frame was handled (and not fatal) before this round trip.
    addAgendaItem(b.doc, { title: 'after forgery' });
    await waitForDoc(a.doc, hasAgenda(1));
    expect(room.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Aiko', role: 'facilitator' } });
    forged.destroy();
  });
});

/** The update carried by a sync frame (SyncStep2 or update). */
function readSyncPayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type
  decoding.readVarUint(decoder); // sync step
  return decoding.readVarUint8Array(decoder);
}
