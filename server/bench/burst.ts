/**
 * The burst and the cold join: one client sends 20,000 keystrokes (into one agenda item's notes,
 * at random places, so Yjs cannot merge them into a few long runs; an occasional deletion) in one
 * go, then others join the room with all of that in it.
 *
 * Ingest ends, for Suishin, when the `saved` ack for a save request sent after the burst arrives
 * (every edit durable, applied and relayed); for the reference, which has no acks, when the answer
 * to a SyncStep1 sent after the burst arrives (it handles frames in order, in memory).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addAgendaItem, getAgendaNotes, MessageType, TICKET_QUERY_KEY } from '@suishin/shared';
import { connectStock, saveRequestFrame, updateFrame } from './benchClients';
import type { Target } from './fanOut';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BurstTarget extends Target {
  /** Suishin: acks saves. The reference: does not. */
  acks: boolean;
  /** Resolves once the room has been unloaded (Suishin); the reference keeps every room in memory. */
  whenUnloaded?(): Promise<void>;
}

function makeBurst(edits: number) {
  const local = new Y.Doc();
  const frames: Uint8Array[] = [];
  const itemId = addAgendaItem(local, { title: 'Notes' });
  const paragraph = new Y.XmlText();
  getAgendaNotes(local, itemId).push([paragraph]);
  frames.push(updateFrame(Y.encodeStateAsUpdate(local)));
  local.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const text = 'Decided to ship the pilot in Osaka first; owners below. ';
  for (let i = 0; i < edits; i++) {
    if (i % 10 === 9 && paragraph.length > 0) paragraph.delete(Math.floor(rnd() * paragraph.length), 1);
    else paragraph.insert(Math.floor(rnd() * (paragraph.length + 1)), text[i % text.length]!);
  }
  return { local, frames, itemId, expected: paragraph.toString() };
}

/** Sends the frames on one socket and resolves with the time until the server has taken them all. */
async function sendBurst(target: BurstTarget, room: string, frames: Uint8Array[], local: Y.Doc): Promise<number> {
  const ticket = target.ticket ? await target.ticket(room) : null;
  const ws = new WebSocket(`${target.syncUrl}/${room}${ticket ? `?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}` : ''}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await sleep(50);
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (target.acks && type === MessageType.saved && decoding.readVarUint(d) === 1) done();
    if (!target.acks && type === MessageType.sync && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2) done();
  });
  const t0 = performance.now();
  for (const f of frames) ws.send(f);
  if (target.acks) ws.send(saveRequestFrame(1));
  else {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, local);
    ws.send(encoding.toUint8Array(e));
  }
  await finished;
  const ms = performance.now() - t0;
  ws.close();
  return ms;
}

export async function burstAndColdJoin(target: BurstTarget, edits: number) {
  const room = await target.newRoom();
  const { local, frames, itemId, expected } = makeBurst(edits);
  const burstMs = await sendBurst(target, room, frames, local);

  // Joins: each after the room has unloaded (Suishin: persisted and compacted; the reference
  // keeps it in memory). Three, since one lands now and then on a garbage collection.
  const joins: number[] = [];
  let ok = true;
  let docBytes = 0;
  for (let run = 0; run < 3; run++) {
    await target.whenUnloaded?.();
    const ticket = target.ticket ? await target.ticket(room) : null; // fetched first, timed apart
    const t1 = performance.now();
    const joiner = await connectStock(target.syncUrl, room, ticket === null ? null : async () => ticket);
    joins.push(performance.now() - t1);
    const notes = getAgendaNotes(joiner.doc, itemId).toArray()[0] as Y.XmlText | undefined;
    ok &&= notes?.toString() === expected;
    docBytes = Y.encodeStateAsUpdate(joiner.doc).length;
    joiner.destroy();
  }
  joins.sort((a, b) => a - b);
  return { burstMs, frames: frames.length, ratePerSecond: frames.length / (burstMs / 1000), joins, joinMs: joins[1]!, ok, docBytes };
}
