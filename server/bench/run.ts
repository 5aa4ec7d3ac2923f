/**
 * `pnpm bench`: builds and starts the real server (dist/main.js, as `npm start` runs it) as a child process on a free loopback port
 * with a temp DATA_DIR, and the stock y-websocket server (@y/websocket-server, in memory) as the
 * reference, and drives both, one after the other, with the same clients from this process. It
 * prints each figure for both and the ratio, then a table of them all. Suishin is durable
 * throughout: every relayed edit was committed (WAL, synchronous=FULL) first. Server CPU and RSS
 * come from /proc for both processes.
 *
 * All clients share this one process, so on a small machine part of every latency is the
 * harness itself (the same for both servers). `--quick` runs shorter, smaller scenarios.
 * BENCH_CPU_PROFILE_DIR profiles the Suishin server; BENCH_ONLY=fanout|idle|burst runs one part.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminHealthResponse } from '@suishin/shared/protocol';
import { openSqliteStore } from '../src/persistence/sqlite/sqliteStore';
import { startChildServer, type ChildServer } from '../src/testing/childServer';
import { adminHeaders, fetchTicket } from '../src/testing/serverAccess';
import { createMeeting, percentile } from './benchClients';
import { burstAndColdJoin, type BurstTarget } from './burst';
import { connectRooms, fanOutPass, leaveRooms } from './fanOut';
import { idleRooms, type IdleTarget } from './idleRooms';
import { rssBytes } from './procStats';
import { startReferenceServer } from './referenceServer';
import { table, type Row } from './report';

process.setMaxListeners(0); // each stock provider adds a process 'exit' listener
const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const only = process.env.BENCH_ONLY;
const runs = (part: string) => only === undefined || only === part;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;

/** The longest event-loop stall in every health reading since the last stallWindow() (each reading starts a new window on the server). */
let stallSeen = 0;

async function health(server: ChildServer) {
  const h = (await (await fetch(`${server.httpUrl}/api/admin/health`, { headers: adminHeaders(server) })).json()) as AdminHealthResponse;
  stallSeen = Math.max(stallSeen, h.eventLoopDelaySinceLastCheck.maxMs);
  return h;
}

async function stallWindow(server: ChildServer) {
  await health(server);
  const longest = stallSeen;
  stallSeen = 0;
  return longest;
}

async function untilUnloaded(server: ChildServer) {
  for (;;) {
    const h = await health(server);
    if (h.openRooms === 0 && h.unloadingRooms === 0) return;
    await sleep(10);
  }
}

/** The server as `npm start` runs it: built once (build/bundle.ts), then plain node. BENCH_FROM_SOURCES=1 runs src/ through tsx. */
const entry = process.env.BENCH_FROM_SOURCES ? 'sources' : 'compiled';

async function startSuishin(dataDir: string) {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  if (entry === 'compiled') {
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'build/bundle.ts'], { cwd: SERVER_DIR, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the server failed');
  }
  return startChildServer(
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      COMPACT_AFTER_UPDATES: '500',
      // The burst scenario sends thousands of frames at once, far above the per-connection limits for people.
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000000',
      RATE_LIMIT_MESSAGE_BURST: '1000000',
      RATE_LIMIT_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
      // Bench edits go to root keys of their own, which real meetings may not have.
      SUISHIN_TESTING_EXTRA_ROOT_KEYS: 'bench,bench-warmup,bench-1,bench-10',
    },
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    entry,
  );
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

let suishinServer: ChildServer | undefined;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suishin-bench-'));
  const server = (suishinServer = await startSuishin(dataDir));
  const reference = await startReferenceServer();
  const rows: Row[] = [];
  try {
    await sleep(1000);
    const idleS = rssBytes(server.child.pid!);
    const idleR = rssBytes(reference.pid);
    console.log(`Suishin (${entry === 'compiled' ? 'compiled, dist/main.js' : 'from sources through tsx'}; durable: SQLite WAL, synchronous=FULL, group commit) vs stock @y/websocket-server 0.1.1 (in memory) — node ${process.version}`);
    console.log(`idle after start: RSS Suishin ${mib(idleS)}, reference ${mib(idleR)}`);
    rows.push({ figure: 'server RSS, idle after start', suishin: idleS, reference: idleR, unit: 'MiB', better: 'lower' });

    let n = 0;
    let creating: Promise<unknown> = Promise.resolve();
    const suishin: BurstTarget & IdleTarget = {
      name: 'Suishin',
      pid: server.child.pid!,
      syncUrl: server.syncUrl,
      // One at a time: concurrent creations can meet "database is locked" (a 500) in the projection store.
      newRoom: () => {
        const created = creating.then(() => createMeeting(server, 'Bench'));
        creating = created.catch(() => undefined);
        return created;
      },
      ticket: (meetingId) => fetchTicket(server, meetingId),
      acks: true,
      whenUnloaded: () => untilUnloaded(server),
      stallWindow: () => stallWindow(server),
    };
    const ref: BurstTarget & IdleTarget = {
      name: 'reference',
      pid: reference.pid,
      syncUrl: reference.syncUrl,
      newRoom: async () => `room-${n++}`,
      ticket: null,
      acks: false,
    };
    const targets = [suishin, ref];
    // A first small room warms each server's lazily loaded modules; not measured.
    for (const t of targets) {
      const rooms = await connectRooms(t, 2, 5);
      await fanOutPass(t, rooms, { rate: 20, seconds: 1, pass: 'bench-warmup' });
      leaveRooms(rooms);
    }
    if (suishin.whenUnloaded) await suishin.whenUnloaded();

    if (runs('fanout')) {
      const seconds = quick ? 3 : 10;
      const warmup = quick ? 1 : 3;
      const one: Record<string, { p50: number; p99: number }> = {};
      for (const t of targets) {
        const rooms = await connectRooms(t, 1, 50);
        await fanOutPass(t, rooms, { rate: 20, seconds: warmup, pass: 'bench-warmup' });
        const r = await fanOutPass(t, rooms, { rate: 20, seconds, pass: 'bench' });
        one[t.name] = { p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) };
        console.log(`1 room × 50 clients, 20 edits/s, ${t.name}: fan-out p50 ${fmt(one[t.name]!.p50)}, p99 ${fmt(one[t.name]!.p99)} (${r.latencies.length} edits; first of 49 p99 ${fmt(percentile(r.firstLatencies, 99))})`);
        leaveRooms(rooms);
        await t.whenUnloaded?.();
      }
      rows.push({ figure: '1 × 50 clients, 20 edits/s: fan-out p50', suishin: one.Suishin!.p50, reference: one.reference!.p50, unit: 'ms', better: 'lower' });
      rows.push({ figure: '1 × 50 clients, 20 edits/s: fan-out p99', suishin: one.Suishin!.p99, reference: one.reference!.p99, unit: 'ms', better: 'lower' });

      const roomCount = quick ? 40 : 200;
      const many: Record<string, { slow: { p50: number; p99: number }; fast: { p50: number; p99: number; cpu: number } }> = {};
      for (const t of targets) {
        const rooms = await connectRooms(t, roomCount, 10);
        await fanOutPass(t, rooms, { rate: 1, seconds: warmup, pass: 'bench-warmup' });
        const slow = await fanOutPass(t, rooms, { rate: 1, seconds, pass: 'bench-1' });
        const fast = await fanOutPass(t, rooms, { rate: 10, seconds, pass: 'bench-10', cursor: true });
        many[t.name] = {
          slow: { p50: percentile(slow.latencies, 50), p99: percentile(slow.latencies, 99) },
          fast: { p50: percentile(fast.latencies, 50), p99: percentile(fast.latencies, 99), cpu: fast.cpuShare },
        };
        const m = many[t.name]!;
        console.log(`${roomCount} rooms × 10 clients, 1 edit/s, ${t.name}: fan-out p50 ${fmt(m.slow.p50)}, p99 ${fmt(m.slow.p99)} (${slow.latencies.length} edits; server CPU ${pct(slow.cpuShare)})`);
        console.log(`${roomCount} rooms × 10 clients, 10 edits/s + a caret move each, ${t.name}: fan-out p50 ${fmt(m.fast.p50)}, p99 ${fmt(m.fast.p99)} (${fast.latencies.length} edits); server CPU ${pct(m.fast.cpu)} of a core`);
        leaveRooms(rooms);
        await t.whenUnloaded?.();
      }
      const label = `${roomCount} × 10`;
      rows.push({ figure: `${label}, 1 edit/s: fan-out p50`, suishin: many.Suishin!.slow.p50, reference: many.reference!.slow.p50, unit: 'ms', better: 'lower' });
      rows.push({ figure: `${label}, 1 edit/s: fan-out p99`, suishin: many.Suishin!.slow.p99, reference: many.reference!.slow.p99, unit: 'ms', better: 'lower' });
      rows.push({ figure: `${label}, 10 edits/s + caret: server CPU (of one core)`, suishin: many.Suishin!.fast.cpu, reference: many.reference!.fast.cpu, unit: '%', better: 'lower' });
      rows.push({ figure: `${label}, 10 edits/s + caret: fan-out p99`, suishin: many.Suishin!.fast.p99, reference: many.reference!.fast.p99, unit: 'ms', better: 'lower' });
    }

    if (runs('idle')) {
      const roomCount = quick ? 200 : 1600;
      const hold = quick ? 5000 : 16_000;
      const idle: Record<string, Awaited<ReturnType<typeof idleRooms>>> = {};
      for (const t of targets) {
        const r = (idle[t.name] = await idleRooms(t, roomCount, 10, hold));
        console.log(
          `${roomCount} rooms × 10 idle sockets, ${t.name}: connected in ${fmt(r.connectMs)}; RSS ${mib(r.rssDuring)} (CPU ${pct(r.cpuShare)} for renewals), ` +
            `${mib(r.rssAfter)} after they left; all left at once: unloaded after ${fmt(r.unloadMs)}, longest event-loop stall ${fmt(r.stallMs)}`,
        );
      }
      const label = `${roomCount} × 10 idle sockets`;
      rows.push({ figure: `${label}: RSS`, suishin: idle.Suishin!.rssDuring, reference: idle.reference!.rssDuring, unit: 'MiB', better: 'lower' });
      rows.push({ figure: `${label}: RSS after they left`, suishin: idle.Suishin!.rssAfter, reference: idle.reference!.rssAfter, unit: 'MiB', better: 'lower' });
      rows.push({ figure: `${roomCount} rooms emptied at once: longest event-loop stall`, suishin: idle.Suishin!.stallMs, reference: NaN, unit: 'ms', better: 'lower' });
    }

    if (runs('burst')) {
      const edits = quick ? 5000 : 20_000;
      const burst: Record<string, Awaited<ReturnType<typeof burstAndColdJoin>>> = {};
      for (const t of targets) {
        const b = (burst[t.name] = await burstAndColdJoin(t, edits));
        console.log(
          `burst of ${edits} edits from one client, ${t.name}: taken in ${fmt(b.burstMs)} (${Math.round(b.ratePerSecond)} edits/s${t.acks ? ', all durable and acked' : ''}); ` +
            `then a join${t.whenUnloaded ? ' after the room unloaded (cold)' : ' (the room stays in memory)'}: median ${fmt(b.joinMs)} (${b.joins.map(fmt).join(', ')}; ` +
            `${(b.docBytes / 1024).toFixed(0)} KiB of state)${b.ok ? '' : ' — CONTENT MISMATCH'}`,
        );
      }
      rows.push({ figure: `${edits}-edit burst: ingest rate`, suishin: burst.Suishin!.ratePerSecond, reference: burst.reference!.ratePerSecond, unit: '/s', better: 'higher' });
      rows.push({ figure: `join of that meeting (Suishin: cold, from the store)`, suishin: burst.Suishin!.joinMs, reference: burst.reference!.joinMs, unit: 'ms', better: 'lower' });
    }

    if (only === undefined) {
      const appends = await storeAppends(quick ? 3 : 6);
      console.log(`store appends (120 B, group commit): ${appends.map((r) => `${r.concurrency} in flight → ${Math.round(r.perSecond)}/s`).join(', ')}`);
    }
    console.log(`server at the end: Suishin RSS ${mib(rssBytes(server.child.pid!))}, reference ${mib(rssBytes(reference.pid))}`);
    console.log('');
    console.log(table(rows));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await reference.stop();
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
    if (suishinServer) console.error(`the server's last log lines:\n${suishinServer.stderr().slice(-4000)}`);
    process.exit(1);
  },
);
