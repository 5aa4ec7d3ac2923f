/**
 * Seeded protocol fuzz: valid frames, mutated ones (bit flips, truncation, extension, varint
 * overflow) and random bytes.
 *
 * In process, against a real room and store (no sockets, so it can run many frames): no frame
 * throws out of the handler or takes long; a bad frame closes only its connection; afterwards the
 * stored document equals the room's served document, i.e. nothing was served that is not durable
 * and nothing durable is missing.
 *
 * Over authenticated sockets, against the real server: 10,000 frames from an observer's and a
 * participant's socket (signed in with role links, reconnecting with a fresh ticket whenever a bad
 * frame gets them closed) while the facilitator keeps editing and an honest participant keeps
 * syncing. The server stays up, the honest clients converge with the server and the store, the
 * facilitator's content is intact, and nothing the observer sent changed the document.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  MessageType,
  addAgendaItem,
  getAgendaNotes,
  initMeeting,
  listAgendaItems,
  toMeetingView,
  updateAgendaItem,
} from '@suishin/shared';
import { createLogger } from '../logger';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { createRoleLink } from '../testing/serverAccess';
import { connectRaw, connectStockClient, saveRequestFrame, savedNonce, waitForDoc, type StockClient, isAttachedFrame } from '../testing/syncClients';
import { createMeetingViaApi, makeTempDir, startTestServer, type TestServer } from '../testing/testServer';
import type { Connection } from './connection';
import { handleMessage } from './messageHandler';
import { Room } from './room/room';
import { docFromStored } from '../meetings/storedDocument';

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

class FakeConnection {
  static nextId = 1;
  readonly id = FakeConnection.nextId++;
  readonly meetingId = 'fuzz';
  awarenessClientId: number | null = null;
  lastDeniedAt = -Infinity;
  // An authenticated participant: its updates are applied (an observer's would be dropped unread).
  readonly access = { meetingId: 'fuzz', role: 'participant' as const, admin: false, name: 'Fuzz', sessionId: null, keyVersion: 1, principal: 'fuzz', expiresAt: Infinity };
  invalidUpdates = 0;
  refusedSinceSaveRequest: string | null = null;
  stillGranted() {
    return true;
  }
  closed = false;
  closeCode: number | null = null;
  private listeners: (() => void)[] = [];
  send() {}
  close(code: number) {
    if (this.closed) return;
    this.closed = true;
    this.closeCode = code;
    for (const l of this.listeners.splice(0)) l();
  }
  onClose(l: () => void) {
    if (this.closed) l();
    else this.listeners.push(l);
  }
}

function corpus(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const doc = new Y.Doc();
  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };
  doc.on('update', (u: Uint8Array) =>
    frames.push(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeUpdate(e, u);
      }),
    ),
  );
  for (let i = 0; i < 15; i++) {
    const id = addAgendaItem(doc, { title: `item ${i}`, presenter: '佐藤' });
    updateAgendaItem(doc, id, { timeboxMinutes: 5 + i });
    const text = new Y.XmlText(`notes ${i}`);
    getAgendaNotes(doc, id).push([text]);
    text.insert(0, 'é😀');
    text.delete(1, 2);
  }
  frames.push(frame((e) => (encoding.writeVarUint(e, MessageType.sync), syncProtocol.writeSyncStep1(e, doc))));
  frames.push(frame((e) => (encoding.writeVarUint(e, MessageType.sync), syncProtocol.writeSyncStep2(e, doc))));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Aiko', color: '#f00' }, cursor: null });
  frames.push(
    frame((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
  );
  awareness.destroy();
  frames.push(frame((e) => (encoding.writeVarUint(e, MessageType.saveRequest), encoding.writeVarUint(e, 9))));
  frames.push(frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness)));
  return frames;
}

function mutate(frame: Uint8Array, rnd: () => number): Uint8Array {
  const kind = Math.floor(rnd() * 6);
  let out = frame.slice();
  if (kind === 0) {
    for (let k = 0, n = 1 + Math.floor(rnd() * 4); k < n; k++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
  } else if (kind === 1) {
    out = out.slice(0, Math.floor(rnd() * out.length));
  } else if (kind === 2) {
    out = Uint8Array.from([...out, ...Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256))]);
  } else if (kind === 3) {
    const at = Math.floor(rnd() * out.length);
    out = Uint8Array.from([...out.slice(0, at), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, ...out.slice(at)]);
  } else if (kind === 4) {
    out = Uint8Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256));
  }
  return out; // kind 5: unchanged (valid)
}

describe('protocol fuzz', () => {
  it('survives 10,000 seeded frames, and the store matches the served document', async () => {
    const store = openSqliteStore({ dataDir: makeTempDir() });
    const init = new Y.Doc();
    initMeeting(init, { title: 'Fuzz' });
    await store.createMeeting('fuzz', Y.encodeStateAsUpdate(init), { title: 'Fuzz', status: 'draft', scheduledStart: null });
    const room = (await Room.load('fuzz', {
      store,
      logger: createLogger('silent'),
      compactAfterUpdates: 50,
      maxUpdateBytes: 1 << 20,
      awareness: { maxEntries: 100, maxStateBytes: 16 * 1024 },
      projectionDelayMs: 10,
      onEmpty: () => undefined,
      onFailed: () => undefined,
    }))!;
    const frames = corpus();
    const rnd = seededRandom(20261128);
    let conn = new FakeConnection();
    let closedMalformed = 0;
    let slowest = 0;
    room.attach(conn as unknown as Connection);
    for (let i = 0; i < 10_000; i++) {
      const frame = mutate(frames[Math.floor(rnd() * frames.length)]!, rnd);
      const started = performance.now();
      handleMessage(room, conn as unknown as Connection, frame, createLogger('silent'));
      slowest = Math.max(slowest, performance.now() - started);
      if (conn.closed) {
        expect([4400, 1013]).toContain(conn.closeCode);
        closedMalformed++;
        conn = new FakeConnection();
        room.attach(conn as unknown as Connection);
      }
      if (i % 500 === 0) await new Promise((r) => setImmediate(r)); // let group commits run
    }
    await room.whenIdle();
    await store.flush();
    expect(closedMalformed).toBeGreaterThan(1000);
    expect(slowest).toBeLessThan(1000);

    const stored = docFromStored((await store.loadMeeting('fuzz'))!);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(room.doc));
    expect(toMeetingView(stored, 'fuzz')).toEqual(toMeetingView(room.doc, 'fuzz'));
    expect(toMeetingView(room.doc, 'fuzz').agenda.length).toBeGreaterThan(0); // valid frames did get through
    room.destroy();
    await store.close();
  });
});

/**
 * Sends `frames` over sockets authenticated with `token`, each frame followed by a save request
 * whose ack proves it was handled. A bad frame gets the socket closed: that frame counts as handled
 * and the rest go on over a new socket with a fresh ticket. Resolves with the number of closes.
 */
async function fuzzOverSockets(t: TestServer, meetingId: string, token: string, frames: Uint8Array[], onProgress: (handled: number) => void) {
  // Four sockets at once, each with its share of the frames.
  const share = Math.ceil(frames.length / 4);
  let handled = 0;
  const closes = await Promise.all(
    [0, 1, 2, 3].map((k) =>
      fuzzOneSocketAtATime(t, meetingId, token, frames.slice(k * share, (k + 1) * share), (n) => onProgress((handled += n))),
    ),
  );
  return closes.reduce((a, b) => a + b, 0);
}

async function fuzzOneSocketAtATime(t: TestServer, meetingId: string, token: string, frames: Uint8Array[], onHandled: (n: number) => void) {
  const NONCE_BASE = 1_000_000_000_000; // far from the small nonces mutated frames may carry
  let next = 0;
  let closes = 0;
  while (next < frames.length) {
    const before = next;
    const raw = await connectRaw(t, meetingId, { token, name: 'Fuzzer' });
    await raw.next(isAttachedFrame); // attached to the room
    const batch = frames.slice(next, next + 64);
    const socket = (raw.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.cork(); // one write for the whole batch
    batch.forEach((frame, k) => {
      raw.send(frame);
      raw.send(saveRequestFrame(NONCE_BASE + next + k));
    });
    // The batch's last save request may be answered saveFailed (its frame was refused): this one,
    // sent after it, is answered saved once everything before it is handled.
    const last = NONCE_BASE + next + batch.length;
    raw.send(saveRequestFrame(last));
    socket.uncork();
    const outcome = await Promise.race([raw.next((f) => savedNonce(f) === last).then(() => 'done' as const), raw.closed]);
    if (outcome === 'done') {
      next += batch.length;
      raw.ws.close();
    } else {
      let acked = -1;
      for (const f of raw.frames) {
        const nonce = savedNonce(f);
        if (nonce !== null && nonce >= NONCE_BASE && nonce < last) acked = Math.max(acked, nonce - NONCE_BASE);
      }
      next = Math.max(next, acked + 1) + 1; // the frame after the last ack closed the socket
      closes++;
    }
    onHandled(next - before);
  }
  return closes;
}

describe('protocol fuzz over authenticated sockets', () => {
  it('10,000 frames from an observer and a participant: the server stays up, honest clients keep syncing, garbage changes nothing', async () => {
    const t = await startTestServer({
      env: {
        // This test is about parsing, not about the limits: let the fuzzer send as fast as it can.
        RATE_LIMIT_MESSAGES_PER_SECOND: '1000000',
        RATE_LIMIT_MESSAGE_BURST: '1000000',
        RATE_LIMIT_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
      },
    });
    const meetingId = await createMeetingViaApi(t, 'Fuzz');
    const observer = await createRoleLink(t, meetingId, 'observer');
    const participant = await createRoleLink(t, meetingId, 'participant');
    const facilitator = await connectStockClient(t, meetingId, { name: 'Fumi' });
    const honest = await connectStockClient(t, meetingId, { token: participant.token, name: 'Hana' });
    const rnd = seededRandom(20261129);
    const source = corpus();
    const generate = (n: number) => Array.from({ length: n }, () => mutate(source[Math.floor(rnd() * source.length)]!, rnd));
    const facilitatorTitles: string[] = [];
    const edit = (handled: number) => {
      // The facilitator keeps working through the attack, about once per 250 frames.
      while (facilitatorTitles.length < Math.floor(handled / 250) + 1) {
        const title = `facilitator ${facilitatorTitles.length}`;
        facilitatorTitles.push(title);
        addAgendaItem(facilitator.doc, { title, timeboxMinutes: 5 });
      }
    };
    const converged = async (label: string, clients: StockClient[]) => {
      for (const client of clients) {
        await waitForDoc(client.doc, (d) => facilitatorTitles.every((title) => listAgendaItems(d).some((i) => i.title === title)), label);
      }
    };

    // Phase 1: an observer sends 5,000 frames. Nothing it sends may change the document.
    const observerCloses = await fuzzOverSockets(t, meetingId, observer.token, generate(5_000), edit);
    await converged('the facilitator’s edits at the honest participant (observer phase)', [honest]);
    const room = t.server.rooms.peek(meetingId)!;
    await room.whenIdle();
    expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVector(facilitator.doc));
    expect(toMeetingView(room.doc, meetingId)).toEqual(toMeetingView(facilitator.doc, meetingId));

    // Phase 2: a participant sends 5,000 frames. Valid ones may add content; garbage must not hurt anyone.
    const participantCloses = await fuzzOverSockets(t, meetingId, participant.token, generate(5_000), edit);
    await converged('the facilitator’s edits everywhere (participant phase)', [honest, facilitator]);
    expect(observerCloses + participantCloses).toBeGreaterThan(1000); // the garbage did reach the parser
    expect(facilitator.provider.wsconnected && honest.provider.wsconnected).toBe(true);
    expect((await fetch(`${t.httpUrl}/healthz`)).status).toBe(200);

    // Everyone converges on one document, the store holds exactly what is served, and the
    // facilitator's items are intact.
    await room.whenIdle();
    await t.server.store.flush();
    const served = toMeetingView(room.doc, meetingId);
    await waitForDoc(honest.doc, (d) => JSON.stringify(toMeetingView(d, meetingId)) === JSON.stringify(served), 'the honest participant equals the server');
    await waitForDoc(facilitator.doc, (d) => JSON.stringify(toMeetingView(d, meetingId)) === JSON.stringify(served), 'the facilitator equals the server');
    const stored = docFromStored((await t.server.store.loadMeeting(meetingId))!);
    expect(toMeetingView(stored, meetingId)).toEqual(served);
    const items = listAgendaItems(room.doc).filter((i) => i.title.startsWith('facilitator '));
    expect(items.map((i) => i.title).sort()).toEqual([...facilitatorTitles].sort());
    expect(items.every((i) => i.timeboxMinutes === 5)).toBe(true);
  }, 180_000); // about 7,500 reconnects, each a ticket, a TCP connection and a handshake: ~25 s here
});
