/**
 * Many idle meetings: `rooms` × `perRoom` idle sockets (idleSockets.ts), held through one
 * presence-renewal period, then all closed at once (a network blip, a deploy).
 */
import * as Y from 'yjs';
import { updateFrame } from './benchClients';
import { openIdleSocket, type IdleSocket } from './idleSockets';
import type { Target } from './fanOut';
import { cpuShareDuring, rssBytes } from './procStats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An edit of a fresh client: a few agenda-note-sized strings in the bench array. */
function roomEdit(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<string>('bench').push(['Decided to ship the pilot in Osaka first; owners below.', 'Next: budget review.']);
  const frame = updateFrame(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return frame;
}

export interface IdleTarget extends Target {
  /** Starts a new event-loop stall window (Suishin's gauge); resolves with the previous window's longest stall. */
  stallWindow?(): Promise<number>;
  /** Resolves once every room has been unloaded (Suishin); the reference never unloads. */
  whenUnloaded?(): Promise<void>;
}

export async function idleRooms(target: IdleTarget, rooms: number, perRoom: number, holdMs: number) {
  const sockets: IdleSocket[] = [];
  const t0 = performance.now();
  const batch = 40;
  for (let i = 0; i < rooms; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, rooms - i) }, async () => {
        const room = await target.newRoom();
        const tickets = await Promise.all(Array.from({ length: perRoom }, () => (target.ticket ? target.ticket(room) : null)));
        // The first person wrote something before going quiet: every room has an edit to persist and compact on unload.
        const edit = roomEdit();
        sockets.push(...(await Promise.all(tickets.map((t, k) => openIdleSocket(target.syncUrl, room, t, k === 0 ? edit : undefined)))));
      }),
    );
  }
  const connectMs = performance.now() - t0;
  // Through a whole renewal period: every socket renews its presence once.
  const { cpuShare } = await cpuShareDuring(target.pid, () => sleep(holdMs));
  const rssDuring = rssBytes(target.pid);
  await target.stallWindow?.();
  const left = performance.now();
  for (const s of sockets) s.close();
  await target.whenUnloaded?.();
  const unloadMs = performance.now() - left;
  const stallMs = (await target.stallWindow?.()) ?? NaN;
  await sleep(3000); // freed memory goes back after a moment (GC, allocator)
  const rssAfter = rssBytes(target.pid);
  return { sockets: sockets.length, connectMs, cpuShare, rssDuring, rssAfter, unloadMs, stallMs };
}
