/** Client-side helpers for the benchmark (no test runner): stock providers and raw sockets. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, TICKET_QUERY_KEY } from '@suishin/shared';

/** Single-use socket tickets for a meeting (the sync server admits scripts with one); null for the bare relay. */
export type TicketSource = ((meetingId: string) => Promise<string>) | null;

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export async function connectStock(syncUrl: string, meetingId: string, ticket: TicketSource = null): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: ticket ? { [TICKET_QUERY_KEY]: await ticket(meetingId) } : {},
  });
  // A ticket is good for one socket: a reconnect needs a fresh one.
  if (ticket) {
    provider.on('connection-close', () => {
      ticket(meetingId).then((t) => (provider.params[TICKET_QUERY_KEY] = t), () => undefined);
    });
  }
  const client = {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve(client);
    };
    provider.on('sync', onSync);
  });
}

export async function createMeeting(server: { httpUrl: string; adminToken: string }, title: string): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

export interface RawSocket {
  ws: WebSocket;
  send(frame: Uint8Array): void;
  /** Resolves when a `saved` frame with this nonce arrives. */
  saved(nonce: number): Promise<void>;
  close(): void;
}

export async function connectRawSocket(syncUrl: string, meetingId: string, ticket: string): Promise<RawSocket> {
  const ws = new WebSocket(`${syncUrl}/${meetingId}?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}`);
  const waiters = new Map<number, () => void>();
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MessageType.saved) return;
    const nonce = decoding.readVarUint(d);
    waiters.get(nonce)?.();
    waiters.delete(nonce);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    send: (frame) => ws.send(frame),
    saved: (nonce) => new Promise((resolve) => waiters.set(nonce, resolve)),
    close: () => ws.close(),
  };
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function saveRequestFrame(nonce: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.saveRequest);
  encoding.writeVarUint(e, nonce);
  return encoding.toUint8Array(e);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
