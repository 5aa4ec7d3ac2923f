/**
 * Hostile input: each bad frame closes only its sender's connection, with the right code, and
 * leaves the room's document and its other clients untouched.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, addAgendaItem, listAgendaItems } from '@suishin/shared';
import {
  connectRaw,
  connectStockClient,
  frameOf,
  syncUpdateFrame,
  waitForDoc,
  isAttachedFrame,
} from '../testing/syncClients';
import { createMeetingViaApi, startTestServer } from '../testing/testServer';
import { checkReach } from './room/updateReach';
import { checkUpdate } from './room/updateValidation';

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A real update from a separate doc: adds agenda items (new content for the room). */
function realUpdate(titles: string[]): Uint8Array {
  const doc = new Y.Doc();
  for (const title of titles) addAgendaItem(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

/** A mutated update that passes the structural check but that Yjs throws on while integrating. */
function updateYjsRejects(): Uint8Array {
  const base = realUpdate(['a', 'b', 'c', 'd']);
  const rnd = seededRandom(7);
  for (let attempt = 0; attempt < 200_000; attempt++) {
    const u = base.slice();
    const flips = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < flips; k++) u[Math.floor(rnd() * u.length)] = Math.floor(rnd() * 256);
    if (!checkUpdate(u, { maxBytes: 1 << 20 }).ok) continue;
    // One that refers only to what it brings itself: the room refuses the others before Yjs sees them.
    if (!checkReach(() => 0, u).ok) continue;
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, u);
    } catch {
      return u;
    }
  }
  throw new Error('no rejected update found');
}

const syncFrame = (step: number, payload: Uint8Array) =>
  frameOf((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });

const rnd = seededRandom(1234);
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
const valid = syncUpdateFrame(realUpdate(['valid']));

const cases: { name: string; reason: RegExp; frame: () => Uint8Array }[] = [
  { name: 'random bytes', reason: /malformed update/, frame: () => Uint8Array.from([0, 2, 40, ...randomBytes(40)]) },
  { name: 'random bytes with a random type', reason: /unknown message type/, frame: () => Uint8Array.from([0x53, ...randomBytes(64)]) },
  { name: 'a truncated sync message', reason: /Unexpected end of array/, frame: () => valid.subarray(0, Math.floor(valid.length / 2)) },
  { name: 'a sync message cut after its type', reason: /Unexpected end of array/, frame: () => Uint8Array.from([0]) },
  { name: 'a corrupted update (unknown content ref)', reason: /malformed update/, frame: () => {
      const u = realUpdate(['x']);
      const bad = u.slice();
      bad[bad.length - 8] = 0x1f;
      return syncUpdateFrame(bad);
    } },
  { name: 'an update that Yjs throws on while integrating', reason: /update rejected by Yjs/, frame: () => syncUpdateFrame(updateYjsRejects()) },
  { name: 'a zero-length update', reason: /empty update/, frame: () => syncFrame(2, new Uint8Array()) },
  { name: 'a zero-length SyncStep2', reason: /empty update/, frame: () => syncFrame(1, new Uint8Array()) },
  { name: 'an update with huge varints', reason: /varint/, frame: () => syncFrame(2, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])) },
  { name: 'an update claiming 2^40 structs', reason: /struct count/, frame: () => syncFrame(2, Uint8Array.from([1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 1, 0])) },
  { name: 'a malformed state vector', reason: /malformed state vector/, frame: () => syncFrame(0, Uint8Array.from([5, 1])) },
  { name: 'an unknown sync step', reason: /unknown sync message type 9/, frame: () => syncFrame(9, new Uint8Array([0, 0])) },
  { name: 'trailing bytes after a valid message', reason: /trailing bytes/, frame: () => Uint8Array.from([...valid, 1, 2, 3]) },
  { name: 'an unknown message type', reason: /unknown message type 77/, frame: () => Uint8Array.from([77]) },
  { name: 'a server-only message type (saved)', reason: /unknown message type 101/, frame: () => Uint8Array.from([MessageType.saved, 1]) },
  { name: 'an auth message', reason: /unknown message type 2/, frame: () => Uint8Array.from([MessageType.auth, 0]) },
  { name: 'an empty frame', reason: /empty message/, frame: () => new Uint8Array() },
  { name: 'garbage awareness', reason: /awareness/, frame: () => frameOf((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, Uint8Array.from([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]));
    }) },
];

describe('hostile input', () => {
  it.each(cases)('$name closes only the sender, with malformedMessage, and changes nothing', async ({ frame, reason }) => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    addAgendaItem(a.doc, { title: 'before' });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 1);
    const room = t.server.rooms.peek(id)!;
    const before = Y.encodeStateAsUpdate(room.doc);

    const attacker = await connectRaw(t, id);
    await attacker.next(isAttachedFrame);
    attacker.send(frame());
    const closed = await attacker.closed;
    expect(closed.code).toBe(CloseCode.malformedMessage);
    expect(closed.reason.length).toBeGreaterThan(0);
    expect(closed.reason).toMatch(reason);

    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    addAgendaItem(a.doc, { title: 'after' });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 2, 'the other client keeps editing');
    expect(listAgendaItems(b.doc).map((i) => i.title)).toEqual(['before', 'after']);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('a text frame closes the sender with malformedMessage', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const attacker = await connectRaw(t, id);
    attacker.ws.send('hello');
    expect((await attacker.closed).code).toBe(CloseCode.malformedMessage);
  });

  it('an oversized frame closes with 1009 and the room carries on', async () => {
    const t = await startTestServer({ env: { MAX_MESSAGE_BYTES: String(64 * 1024) } });
    const id = await createMeetingViaApi(t);
    const a = await connectStockClient(t, id);
    const b = await connectStockClient(t, id);
    const attacker = await connectRaw(t, id);
    attacker.send(new Uint8Array(64 * 1024 + 1));
    expect((await attacker.closed).code).toBe(CloseCode.messageTooBig);
    addAgendaItem(a.doc, { title: 'still fine' });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 1);
  });

  it('frames sent before the room is ready are handled in order once it is', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const attacker = await connectRaw(t, id);
    attacker.send(Uint8Array.from([77]));
    expect((await attacker.closed).code).toBe(CloseCode.malformedMessage);
  });
});
