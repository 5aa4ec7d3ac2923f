/**
 * `pnpm bench`: starts the real server (src/main.ts) as a child process on a free loopback port
 * with a temp DATA_DIR, drives it with stock y-websocket clients from this process, and prints
 * figures. Durable throughout: every relayed edit was committed (WAL, synchronous=FULL) first.
 *
 * Fan-out latency = from the writer's local edit until every other client has applied it.
 * Bench edits push to a "bench" array in the meeting document (a client-side choice, so the
 * receivers can tell edits apart); the server treats them like any other update.
 *
 * All clients share this one process, so on a small machine part of every latency is the
 * harness itself: the same scenario is also run against a bare in-memory relay for reference.
 * `--quick` runs shorter, smaller scenarios. BENCH_CPU_PROFILE_DIR profiles the server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addAgendaItem, getAgendaNotes } from '@suishin/shared';
import type { AdminHealthResponse } from '@suishin/shared/protocol';
import { openSqliteStore } from '../src/persistence/sqlite/sqliteStore';
import { startChildServer, type ChildServer } from '../src/testing/childServer';
import { adminHeaders, fetchTicket } from '../src/testing/serverAccess';
import {
  connectRawSocket,
  connectStock,
  createMeeting,
  percentile,
  saveRequestFrame,
  updateFrame,
  type BenchClient,
  type TicketSource,
} from './benchClients';

process.setMaxListeners(0); // each stock provider adds a process 'exit' listener
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The server's gauges (the admin-only endpoint; /healthz says only "ok"). */
async function health(server: ChildServer) {
  return (await (await fetch(`${server.httpUrl}/api/admin/health`, { headers: adminHeaders(server) })).json()) as AdminHealthResponse;
}

/**
 * One writer per room edits at `ratePerSecond`. Per edit: `latencies` until every other client of
 * the room has applied it, `firstLatencies` until the first one has (the rest of the spread is
 * this process working through its many clients, not the server).
 */
async function fanOut(rooms: BenchClient[][], ratePerSecond: number, seconds: number, pass: string) {
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  const runs = rooms.map(async (clients, roomIndex) => {
    const [writer, ...readers] = clients as [BenchClient, ...BenchClient[]];
    const sentAt = new Map<number, number>();
    const pending = new Map<number, number>();
    const done = new Set<number>();
    let resolveAll!: () => void;
    const allDone = new Promise<void>((r) => (resolveAll = r));
    const total = Math.round(ratePerSecond * seconds);
    for (const reader of readers) {
      reader.doc.getArray<number>(pass).observe((event) => {
        const now = performance.now();
        for (const item of event.changes.added) {
          for (const n of item.content.getContent() as number[]) {
            if (!pending.has(n)) firstLatencies.push(now - sentAt.get(n)!);
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
    const arr = writer.doc.getArray<number>(pass);
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
  return { latencies, firstLatencies };
}

async function connectRoom(target: Target, meetingId: string, clientsPerRoom: number): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < clientsPerRoom; i++) clients.push(await connectStock(target.syncUrl, meetingId, target.ticket));
  return clients;
}

interface Target {
  syncUrl: string;
  newRoom(): Promise<string>;
  ticket: TicketSource;
}

/**
 * Connects the rooms, runs a warm-up pass (`warmupSeconds`, reported apart: a server that has just
 * taken 50 sockets is still compiling its hot paths), then the measured pass. `reading` (the
 * server's health) is taken right after the measured pass, before anyone leaves; then every client
 * leaves at once and `leftAfterMs` is how long until the server has unloaded the rooms (each one
 * persisted and compacted) and answers again.
 */
async function scenarioFanOut<R>(
  target: Target,
  roomCount: number,
  clientsPerRoom: number,
  rate: number,
  seconds: number,
  options: { warmupSeconds: number; reading?: () => Promise<R>; openRooms?: () => Promise<number> },
) {
  const rooms: BenchClient[][] = [];
  const batch = 20;
  for (let i = 0; i < roomCount; i += batch) {
    const size = Math.min(batch, roomCount - i);
    rooms.push(
      ...(await Promise.all(
        Array.from({ length: size }, async () => connectRoom(target, await target.newRoom(), clientsPerRoom)),
      )),
    );
  }
  const warmup = options.warmupSeconds > 0 ? (await fanOut(rooms, rate, options.warmupSeconds, 'bench-warmup')).latencies : [];
  await options.reading?.(); // starts the server's stall window for the measured pass
  const { latencies, firstLatencies } = await fanOut(rooms, rate, seconds, 'bench');
  const reading = await options.reading?.();
  const leaveStarted = performance.now();
  for (const room of rooms) for (const c of room) c.destroy();
  let leftAfterMs = NaN;
  if (options.openRooms) {
    while ((await options.openRooms()) > 0) await sleep(5);
    leftAfterMs = performance.now() - leaveStarted;
  }
  return { warmup, latencies, firstLatencies, edits: latencies.length, reading, leftAfterMs };
}

async function scenarioBurstAndColdJoin(server: ChildServer, edits: number) {
  const id = await createMeeting(server, 'Burst');
  const ticket: TicketSource = (meetingId) => fetchTicket(server, meetingId);
  // Pre-generate the burst: `edits` keystrokes into one agenda item's notes, at random places
  // (so Yjs cannot merge them into a few long runs), with an occasional deletion.
  const local = new Y.Doc();
  const frames: Uint8Array[] = [];
  const itemId = addAgendaItem(local, { title: 'Notes' });
  const paragraph = new Y.XmlText();
  getAgendaNotes(local, itemId).push([paragraph]);
  frames.push(updateFrame(Y.encodeStateAsUpdate(local)));
  local.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const text = 'Decided to ship the pilot in Osaka first; owners below. ';
  for (let i = 0; i < edits; i++) {
    if (i % 10 === 9 && paragraph.length > 0) paragraph.delete(Math.floor(rnd() * paragraph.length), 1);
    else paragraph.insert(Math.floor(rnd() * (paragraph.length + 1)), text[i % text.length]!);
  }
  const expected = paragraph.toString();

  const socket = await connectRawSocket(server.syncUrl, id, await fetchTicket(server, id));
  await sleep(50);
  await health(server); // starts a new event-loop delay window
  const t0 = performance.now();
  const saved = socket.saved(1);
  for (const f of frames) socket.send(f);
  socket.send(saveRequestFrame(1));
  await saved;
  const burstMs = performance.now() - t0;
  const stallMs = (await health(server)).eventLoopDelaySinceLastCheck.maxMs;
  socket.close();

  // A warm join first (room open; also warms this process's client code), then a cold one.
  const keeper = await connectStock(server.syncUrl, id, ticket);
  const t2 = performance.now();
  const warm = await connectStock(server.syncUrl, id, ticket);
  const warmJoinMs = performance.now() - t2;
  warm.destroy();
  keeper.destroy();

  // Cold joins: each time the room has unloaded (persisted and compacted) first. Three of them,
  // since one lands now and then on a garbage collection left over from the burst.
  const coldJoins: { ms: number; ticketMs: number; loadMs: number }[] = [];
  let ok = true;
  let docBytes = 0;
  for (let run = 0; run < 3; run++) {
    for (let i = 0; i < 400 && (await health(server)).openRooms > 0; i++) await sleep(25);
    // A script's socket needs a ticket (a browser's carries its cookie): fetched first, timed apart.
    const t0 = performance.now();
    const joinTicket = await fetchTicket(server, id);
    const ticketMs = performance.now() - t0;
    const logMark = server.stderr().length;
    const t1 = performance.now();
    const joiner = await connectStock(server.syncUrl, id, async () => joinTicket);
    const coldJoinMs = performance.now() - t1;
    // The server's debug lines arrive over a pipe: give them a moment.
    for (let i = 0; i < 100 && !/room loaded /.test(server.stderr().slice(logMark)); i++) await sleep(10);
    const joinLog = server.stderr().slice(logMark);
    const loadMs = Number(/room loaded .*"ms":([\d.]+)/.exec(joinLog)?.[1] ?? NaN);
    coldJoins.push({ ms: coldJoinMs, ticketMs, loadMs });
    const notes = getAgendaNotes(joiner.doc, itemId).toArray()[0] as Y.XmlText | undefined;
    ok &&= notes?.toString() === expected;
    docBytes = Y.encodeStateAsUpdate(joiner.doc).length;
    joiner.destroy();
  }
  coldJoins.sort((a, b) => a.ms - b.ms);
  return { burstMs, stallMs, coldJoins, warmJoinMs, ok, frames: frames.length, docBytes };
}

async function startBaseline(): Promise<{ target: Target; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'baselineRelay.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    }),
  );
  let n = 0;
  return {
    target: { syncUrl: `ws://127.0.0.1:${port}/sync`, newRoom: async () => `room-${n++}`, ticket: null },
    stop: () => child.kill('SIGKILL'),
  };
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
  // BENCH_CPU_PROFILE_DIR=/some/dir writes a V8 CPU profile of the server process there.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const server = await startChildServer(
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      COMPACT_AFTER_UPDATES: '500',
      // The burst scenario sends thousands of frames at once, far above the per-connection limits for people.
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000000',
      RATE_LIMIT_MESSAGE_BURST: '1000000',
      RATE_LIMIT_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
      // Bench edits go to a root key of their own ("bench"), which real meetings may not have.
      SUISHIN_TESTING_EXTRA_ROOT_KEYS: 'bench',
    },
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      // BENCH_SERVER_NODE_ARGS='--max-semi-space-size=32': try V8 settings on the server alone (that
      // one did not help in interleaved runs).
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  );
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  try {
    const idle = await health(server);
    out(`Suishin server bench (durable: SQLite WAL, synchronous=FULL, group commit) — node ${process.version}`);
    out(`server idle: RSS ${mib(idle.memory.rssBytes)}, heap ${mib(idle.memory.heapUsedBytes)}`);

    const target: Target = {
      syncUrl: server.syncUrl,
      newRoom: () => createMeeting(server, 'Bench'),
      ticket: (meetingId) => fetchTicket(server, meetingId),
    };
    // A first small room warms the lazily loaded modules and the writer thread; not measured.
    await scenarioFanOut(target, 2, 5, 20, 1, { warmupSeconds: 0 });
    const openRooms = async () => (await health(server)).openRooms;
    const warmupSeconds = quick ? 2 : 3;
    const fanOutSeconds = quick ? 3 : 20;
    const s1 = await scenarioFanOut(target, 1, 50, 20, fanOutSeconds, { warmupSeconds, reading: () => health(server), openRooms });
    const stall1 = s1.reading!.eventLoopDelaySinceLastCheck.maxMs;
    out(
      `1 room × 50 clients, 1 writer at 20 edits/s: fan-out p50 ${fmt(percentile(s1.latencies, 50))}, ` +
        `p99 ${fmt(percentile(s1.latencies, 99))}, max ${fmt(Math.max(...s1.latencies))} (${s1.edits} edits; ` +
        `server's longest event-loop stall ${fmt(stall1)})`,
    );
    const writes1 = s1.reading!.durableWritesSinceLastCheck;
    out(
      `  until the first of the 49 has applied it: p50 ${fmt(percentile(s1.firstLatencies, 50))}, ` +
        `p99 ${fmt(percentile(s1.firstLatencies, 99))}; of which the server's durable commit (fsync): ` +
        `p50 ${fmt(writes1.p50Ms)}, p99 ${fmt(writes1.p99Ms)}, max ${fmt(writes1.maxMs)}`,
    );
    out(
      `  its first ${warmupSeconds} s, right after the 50 joined (warm-up, not in the figures above): ` +
        `p50 ${fmt(percentile(s1.warmup, 50))}, p99 ${fmt(percentile(s1.warmup, 99))}`,
    );

    const baseline = await startBaseline();
    try {
      const b1 = await scenarioFanOut(baseline.target, 1, 50, 20, fanOutSeconds, { warmupSeconds });
      out(
        `  same harness against a bare in-memory relay (stock-server style, no persistence): ` +
          `p50 ${fmt(percentile(b1.latencies, 50))}, p99 ${fmt(percentile(b1.latencies, 99))}; ` +
          `first of the 49: p50 ${fmt(percentile(b1.firstLatencies, 50))}, p99 ${fmt(percentile(b1.firstLatencies, 99))}`,
      );
    } finally {
      baseline.stop();
    }

    const roomCount = quick ? 40 : 200;
    const s2 = await scenarioFanOut(target, roomCount, 10, 1, quick ? 4 : 10, { warmupSeconds, reading: () => health(server), openRooms });
    const h2 = s2.reading!;
    out(
      `${roomCount} rooms × 10 clients, 1 edit/s per room: fan-out p50 ${fmt(percentile(s2.latencies, 50))}, ` +
        `p99 ${fmt(percentile(s2.latencies, 99))}, max ${fmt(Math.max(...s2.latencies))} (${s2.edits} edits; ` +
        `server's longest event-loop stall ${fmt(h2.eventLoopDelaySinceLastCheck.maxMs)})`,
    );
    out(`server with ${roomCount * 10} sockets: RSS ${mib(h2.memory.rssBytes)}, heap ${mib(h2.memory.heapUsedBytes)}`);
    out(`all ${roomCount * 10} clients leaving at once: every room persisted, compacted and unloaded after ${fmt(s2.leftAfterMs)}`);
    const baseline2 = await startBaseline();
    try {
      const b2 = await scenarioFanOut(baseline2.target, roomCount, 10, 1, quick ? 4 : 10, { warmupSeconds });
      out(
        `  same harness against the bare in-memory relay: p50 ${fmt(percentile(b2.latencies, 50))}, ` +
          `p99 ${fmt(percentile(b2.latencies, 99))}, max ${fmt(Math.max(...b2.latencies))}`,
      );
    } finally {
      baseline2.stop();
    }

    const edits = quick ? 5000 : 20_000;
    const burst = await scenarioBurstAndColdJoin(server, edits);
    out(
      `burst of ${edits} edits (+1 setup update) in one go from one client: all durable, applied and acked after ` +
        `${fmt(burst.burstMs)} (${Math.round(burst.frames / (burst.burstMs / 1000))} durable appends/s end to end); ` +
        `server's longest event-loop stall meanwhile ${fmt(burst.stallMs)}`,
    );
    const median = burst.coldJoins[1]!;
    out(
      `cold join of that room (${edits} prior edits, ${(burst.docBytes / 1024).toFixed(0)} KiB of state): ` +
        `median ${fmt(median.ms)} end to end, from opening the socket until synced (runs: ` +
        `${burst.coldJoins.map((j) => fmt(j.ms)).join(', ')}; the script's ticket before that ${fmt(median.ticketMs)}); ` +
        `the server sent the stored state as soon as it had read it, then spent ${fmt(median.loadMs)} loading the room; ` +
        `warm join ${fmt(burst.warmJoinMs)}${burst.ok ? '' : ' — CONTENT MISMATCH'}`,
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
