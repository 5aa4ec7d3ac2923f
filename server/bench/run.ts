/**
 * `pnpm bench`: starts the real server (src/main.ts) as a child process on a free loopback port
 * with a temp DATA_DIR, drives it with stock y-websocket clients from this process, and prints
 * figures. Durable throughout: every relayed edit was committed (WAL, synchronous=FULL) first.
 *
 * Fan-out latency = from the writer's local edit until every other client has applied it.
 * Bench edits push to a "bench" array in the meeting document (a client-side choice, so the
 * receivers can tell edits apart); the server treats them like any other update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { addAgendaItem, getAgendaNotes } from '@suishin/shared';
import { openSqliteStore } from '../src/persistence/sqlite/sqliteStore';
import { startChildServer, type ChildServer } from '../src/testing/childServer';
import {
  connectRawSocket,
  connectStock,
  createMeeting,
  percentile,
  saveRequestFrame,
  updateFrame,
  type BenchClient,
} from './benchClients';

process.setMaxListeners(0); // each stock provider adds a process 'exit' listener
const quick = process.argv.includes('--quick');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function health(server: ChildServer) {
  return (await (await fetch(`${server.httpUrl}/healthz`)).json()) as {
    openRooms: number;
    connections: number;
    memory: { rssBytes: number; heapUsedBytes: number };
  };
}

/** One writer edits at `ratePerSecond`; returns per-edit fan-out latencies (ms). */
async function fanOut(rooms: BenchClient[][], ratePerSecond: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const runs = rooms.map(async (clients, roomIndex) => {
    const [writer, ...readers] = clients as [BenchClient, ...BenchClient[]];
    const sentAt = new Map<number, number>();
    const pending = new Map<number, number>();
    const done = new Set<number>();
    let resolveAll!: () => void;
    const allDone = new Promise<void>((r) => (resolveAll = r));
    const total = Math.round(ratePerSecond * seconds);
    for (const reader of readers) {
      reader.doc.getArray<number>('bench').observe((event) => {
        const now = performance.now();
        for (const item of event.changes.added) {
          for (const n of item.content.getContent() as number[]) {
            const left = (pending.get(n) ?? readers.length) - 1;
            pending.set(n, left);
            if (left === 0) {
              latencies.push(now - sentAt.get(n)!);
              done.add(n);
              if (done.size === total) resolveAll();
            }
          }
        }
      });
    }
    const arr = writer.doc.getArray<number>('bench');
    await sleep((roomIndex * (1000 / ratePerSecond)) / rooms.length); // spread rooms over the period
    const interval = 1000 / ratePerSecond;
    const start = performance.now();
    for (let n = 0; n < total; n++) {
      const due = start + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt.set(n, performance.now());
      arr.push([n]);
    }
    await Promise.race([allDone, sleep(10_000)]);
  });
  await Promise.all(runs);
  return latencies;
}

async function connectRoom(server: ChildServer, clientsPerRoom: number): Promise<BenchClient[]> {
  const id = await createMeeting(server.httpUrl, 'Bench');
  const clients: BenchClient[] = [];
  for (let i = 0; i < clientsPerRoom; i++) clients.push(await connectStock(server.syncUrl, id));
  return clients;
}

async function scenarioFanOut(server: ChildServer, roomCount: number, clientsPerRoom: number, rate: number, seconds: number) {
  const rooms: BenchClient[][] = [];
  const batch = 20;
  for (let i = 0; i < roomCount; i += batch) {
    rooms.push(...(await Promise.all(Array.from({ length: Math.min(batch, roomCount - i) }, () => connectRoom(server, clientsPerRoom)))));
  }
  const h = await health(server);
  const t0 = performance.now();
  const latencies = await fanOut(rooms, rate, seconds);
  const elapsed = (performance.now() - t0) / 1000;
  const after = await health(server);
  for (const room of rooms) for (const c of room) c.destroy();
  return { latencies, connections: h.connections, memory: after.memory, edits: latencies.length, elapsed };
}

async function scenarioBurstAndColdJoin(server: ChildServer, edits: number) {
  const id = await createMeeting(server.httpUrl, 'Burst');
  // Pre-generate the burst: typing `edits` characters into one agenda item's notes.
  const local = new Y.Doc();
  const frames: Uint8Array[] = [];
  const itemId = addAgendaItem(local, { title: 'Notes' });
  const paragraph = new Y.XmlText();
  getAgendaNotes(local, itemId).push([paragraph]);
  frames.push(updateFrame(Y.encodeStateAsUpdate(local)));
  local.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
  const text = 'Decided to ship the pilot in Osaka first; owners below. ';
  for (let i = 0; i < edits; i++) paragraph.insert(i, text[i % text.length]!);

  const socket = await connectRawSocket(server.syncUrl, id);
  await sleep(50);
  // Probe the server's responsiveness while it digests the burst: the longest /healthz round trip.
  let probing = true;
  let maxProbe = 0;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      await fetch(`${server.httpUrl}/healthz`);
      maxProbe = Math.max(maxProbe, performance.now() - t);
      await sleep(10);
    }
  })();
  const t0 = performance.now();
  for (const f of frames) socket.send(f);
  const saved = socket.saved(1);
  socket.send(saveRequestFrame(1));
  await saved;
  const burstMs = performance.now() - t0;
  probing = false;
  await probe;
  socket.close();

  // Wait for the room to unload (persisted and compacted), then time a cold join.
  for (let i = 0; i < 200 && (await health(server)).openRooms > 0; i++) await sleep(25);
  const t1 = performance.now();
  const joiner = await connectStock(server.syncUrl, id);
  const coldJoinMs = performance.now() - t1;
  const ok = joiner.doc.getXmlFragment !== undefined && getAgendaNotes(joiner.doc, itemId).toString().length === edits;
  joiner.destroy();
  // A warm join (room already open) for comparison.
  const keeper = await connectStock(server.syncUrl, id);
  const t2 = performance.now();
  const warm = await connectStock(server.syncUrl, id);
  const warmJoinMs = performance.now() - t2;
  warm.destroy();
  keeper.destroy();
  return { burstMs, maxProbe, coldJoinMs, warmJoinMs, ok, frames: frames.length };
}

async function storeAppends(seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'suishin-bench-store-'));
  const store = openSqliteStore({ dataDir: dir });
  const meetings = 50;
  for (let m = 0; m < meetings; m++) await store.createMeeting(`m${m}`, new Uint8Array([0, 0]), { title: 'b', status: 'draft', scheduledStart: null });
  const payload = new Uint8Array(120).fill(7);
  const results: { concurrency: number; perSecond: number }[] = [];
  for (const concurrency of [1, 10, 200]) {
    let count = 0;
    const deadline = performance.now() + (seconds * 1000) / 3;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (performance.now() < deadline) {
          await store.appendUpdate(`m${w % meetings}`, payload);
          count++;
        }
      }),
    );
    results.push({ concurrency, perSecond: count / (seconds / 3) });
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return results;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suishin-bench-'));
  const server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', COMPACT_AFTER_UPDATES: '500' });
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  try {
    const idle = await health(server);
    out(`Suishin server bench (durable: SQLite WAL, synchronous=FULL, group commit) — node ${process.version}`);
    out(`server idle: RSS ${mib(idle.memory.rssBytes)}, heap ${mib(idle.memory.heapUsedBytes)}`);

    const s1 = await scenarioFanOut(server, 1, 50, 20, quick ? 3 : 10);
    out(
      `1 room × 50 clients, 1 writer at 20 edits/s: fan-out p50 ${fmt(percentile(s1.latencies, 50))}, ` +
        `p99 ${fmt(percentile(s1.latencies, 99))}, max ${fmt(Math.max(...s1.latencies))} (${s1.edits} edits)`,
    );

    const s2 = await scenarioFanOut(server, quick ? 40 : 200, 10, 1, quick ? 4 : 10);
    out(
      `${quick ? 40 : 200} rooms × 10 clients, 1 edit/s per room: fan-out p50 ${fmt(percentile(s2.latencies, 50))}, ` +
        `p99 ${fmt(percentile(s2.latencies, 99))}, max ${fmt(Math.max(...s2.latencies))} (${s2.edits} edits, ${s2.connections} sockets)`,
    );
    out(`server with ${s2.connections} sockets open: RSS ${mib(s2.memory.rssBytes)}, heap ${mib(s2.memory.heapUsedBytes)}`);

    const burst = await scenarioBurstAndColdJoin(server, quick ? 5000 : 20_000);
    const loadLines = server.stderr().split('\n').filter((l) => l.includes('room loaded'));
    const lastLoad = loadLines.at(-2) ?? loadLines.at(-1) ?? '';
    const loadMs = Number(/"ms":([\d.]+)/.exec(lastLoad)?.[1] ?? NaN);
    out(
      `burst of ${burst.frames} edits from one client: all durable and applied (saved ack) after ${fmt(burst.burstMs)} ` +
        `(${Math.round(burst.frames / (burst.burstMs / 1000))} durable appends/s); longest /healthz round trip meanwhile ${fmt(burst.maxProbe)}`,
    );
    out(
      `cold join of that room: ${fmt(burst.coldJoinMs)} end to end (server load ${fmt(loadMs)}), ` +
        `warm join ${fmt(burst.warmJoinMs)}${burst.ok ? '' : ' — CONTENT MISSING'}`,
    );

    const appends = await storeAppends(quick ? 3 : 6);
    out(
      `store appends (120 B, group commit): ` +
        appends.map((r) => `${r.concurrency} in flight → ${Math.round(r.perSecond)}/s`).join(', '),
    );
    const end = await health(server);
    out(`server at the end: RSS ${mib(end.memory.rssBytes)}, heap ${mib(end.memory.heapUsedBytes)}, open rooms ${end.openRooms}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const started = performance.now();
main().then(
  () => {
    console.log(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
