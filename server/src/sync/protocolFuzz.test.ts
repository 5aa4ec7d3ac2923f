/**
 * Seeded protocol fuzz against a real room and store (no sockets, so it can run many frames):
 * valid frames, mutated ones (bit flips, truncation, extension, varint overflow) and random bytes.
 * Invariants: no frame throws out of the handler or takes long; a bad frame closes only its
 * connection; and afterwards the stored document equals the room's served document, i.e. nothing
 * was served that is not durable and nothing durable is missing.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, addAgendaItem, getAgendaNotes, initMeeting, toMeetingView, updateAgendaItem } from '@suishin/shared';
import { createLogger } from '../logger';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { makeTempDir } from '../testing/testServer';
import type { Connection } from './connection';
import { handleMessage } from './messageHandler';
import { Room } from './room';
import { docFromStored } from './storedDoc';

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
