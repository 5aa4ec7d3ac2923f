/**
 * Clients for integration tests: the stock y-websocket provider, and a raw protocol socket. Both
 * authenticate like a script: a single-use ticket (`?ticket=`) fetched with a bearer token (the
 * admin's unless `token` names a role link's), fetched again before every reconnect.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, TICKET_QUERY_KEY } from '@suishin/shared';
import { fetchTicket, type ServerEndpoint } from './serverAccess';

export interface ClientCredential {
  /** Bearer token to get tickets with: a role link's token; default the admin token. */
  token?: string;
  /** A ticket obtained elsewhere (e.g. with a session cookie); used as is, once. */
  ticket?: string;
  /** The display name the server stamps on this client's presence. */
  name?: string;
}

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock WebsocketProvider (unchanged y-websocket client) in Node, synced. */
export async function connectStockClient(
  server: ServerEndpoint,
  meetingId: string,
  credential: ClientCredential = {},
): Promise<StockClient> {
  const doc = new Y.Doc();
  const ticket = () => fetchTicket(server, meetingId, credential);
  const provider = new WebsocketProvider(server.syncUrl, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
    // In one Node process, providers would otherwise also sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    params: { [TICKET_QUERY_KEY]: await ticket() },
  });
  // Tickets are single-use: the provider's next attempt must carry a fresh one (its params are read per attempt).
  provider.on('connection-close', () => {
    ticket().then(
      (fresh) => (provider.params[TICKET_QUERY_KEY] = fresh),
      () => undefined, // the server is gone (a restart test); the provider keeps retrying
    );
  });
  const client = {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  onTestFinished(() => client.destroy());
  await whenSynced(provider);
  return client;
}

export function whenSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Resolves when `predicate(doc)` holds, re-checking after every update of the doc. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, label = 'condition'): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error(`timed out waiting for ${label}`));
    }, 20_000);
    const check = () => {
      if (!predicate(doc)) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

export interface RawClient {
  ws: WebSocket;
  /** Frames received, in order. */
  frames: Uint8Array[];
  send(frame: Uint8Array): void;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first received frame matching `match`. */
  next(match: (frame: Uint8Array) => boolean): Promise<Uint8Array>;
}

export async function connectRaw(
  server: ServerEndpoint,
  meetingId: string,
  credential: ClientCredential = {},
): Promise<RawClient> {
  const ticket = credential.ticket ?? (await fetchTicket(server, meetingId, credential));
  const ws = new WebSocket(`${server.syncUrl}/${meetingId}?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}`);
  ws.binaryType = 'nodebuffer';
  const frames: Uint8Array[] = [];
  const waiters: { match: (f: Uint8Array) => boolean; resolve: (f: Uint8Array) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.match(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => undefined);
  onTestFinished(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(frame),
    next(match) {
      const found = frames.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

export const messageTypeOf = (frame: Uint8Array) => decoding.readVarUint(decoding.createDecoder(frame));

/**
 * The server's SyncStep1, which it sends when it attaches the connection to the loaded room. (A
 * sync frame may come before it: a join that loads a compacted meeting is sent its stored state first.)
 */
export const isAttachedFrame = (frame: Uint8Array) => {
  const decoder = decoding.createDecoder(frame);
  return decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === 0;
};

export function frameOf(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const syncUpdateFrame = (update: Uint8Array) =>
  frameOf((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const syncStep1Frame = (doc: Y.Doc) =>
  frameOf((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

export const saveRequestFrame = (nonce: number) =>
  frameOf((e) => {
    encoding.writeVarUint(e, MessageType.saveRequest);
    encoding.writeVarUint(e, nonce);
  });

/** The nonce of a `saved` frame, or null for other frames. */
export function savedNonce(frame: Uint8Array): number | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== MessageType.saved) return null;
  return decoding.readVarUint(d);
}

/** The reason of a `saveFailed` frame, or null for other frames. */
export function saveFailedReason(frame: Uint8Array): string | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== MessageType.saveFailed) return null;
  return decoding.readVarString(d);
}

/** The reason of a y-protocols/auth permission-denied frame, or null for other frames. */
export function deniedReason(frame: Uint8Array): string | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== MessageType.auth || decoding.readVarUint(d) !== 0) return null;
  return decoding.readVarString(d);
}

/** Local edits of a separate doc (starting from `base`'s state), as update frames a raw client can send. */
export function editsOf(edit: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array[] {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  edit(doc);
  doc.destroy();
  return updates.map(syncUpdateFrame);
}

/**
 * Sends `frames` then a save request; resolves once the server has answered it: 'saved', or the
 * refusal it answered with (an edit it dropped is never reported saved).
 */
export async function sendAndSettle(raw: RawClient, frames: Uint8Array[], nonce: number): Promise<string> {
  const answeredAfter = raw.frames.length; // earlier answers do not count
  for (const f of frames) raw.send(f);
  raw.send(saveRequestFrame(nonce));
  const answer = await raw.next((f) => raw.frames.indexOf(f) >= answeredAfter && (savedNonce(f) === nonce || saveFailedReason(f) !== null));
  return saveFailedReason(answer) ?? 'saved';
}
