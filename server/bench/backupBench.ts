/**
 * `pnpm --filter @suishin/server bench:backup`: backup of a 3,000-meeting workspace (the history
 * bench's seed, server/bench/historySeed.ts) while the real server (src/main.ts, a child process)
 * serves live edits, and how the server's event loop fares meanwhile. Prints figures, asserts nothing.
 *
 * Two ways a backup is taken, both timed, each window compared with a window of the same length and
 * the same load without a backup (the reference, in the same run):
 *   - `npm run backup` (its own process, reading beside the server);
 *   - a scheduled backup (BACKUP_DIR: the same copy on a worker thread inside the server).
 * The longest event-loop stall and the durable-write p99 are the server's own readings
 * (/api/admin/health, since the previous reading).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminHealthResponse } from '@suishin/shared/protocol';
import { backupFileName } from '../src/backup/backupSchedule';
import { startChildServer, type ChildServer } from '../src/testing/childServer';
import { adminHeaders, fetchTicket } from '../src/testing/serverAccess';
import { connectStock, createMeeting, type BenchClient } from './benchClients';
import { seedHistory } from './historySeed';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MEETINGS = process.argv.includes('--quick') ? 300 : 3000;
const EDITS_PER_SECOND = 20; // per room, 4 rooms
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function health(server: ChildServer): Promise<AdminHealthResponse> {
  return (await (await fetch(`${server.httpUrl}/api/admin/health`, { headers: adminHeaders(server) })).json()) as AdminHealthResponse;
}

/** Writers that keep editing until stopped: the live load every window runs under. */
function liveLoad(clients: BenchClient[]) {
  let running = true;
  const runs = clients.map(async (client) => {
    const arr = client.doc.getArray<number>('bench');
    for (let n = 0; running; n++) {
      arr.push([n]);
      await sleep(1000 / EDITS_PER_SECOND);
    }
  });
  return async () => {
    running = false;
    await Promise.all(runs);
  };
}

function runBackupCli(dataDir: string, file: string): Promise<{ code: number | null; ms: number; err: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/backup.ts', '--', file], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ms: performance.now() - started, err })));
}

interface Window {
  stallMs: number;
  durableP99Ms: number;
  durableCount: number;
}

const reading = (h: AdminHealthResponse): Window => ({ stallMs: h.eventLoopDelaySinceLastCheck.maxMs, durableP99Ms: h.durableWritesSinceLastCheck.p99Ms, durableCount: h.durableWritesSinceLastCheck.count });

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'suishin-backup-bench-'));
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'scheduled');
  mkdirSync(backupDir, { recursive: true });
  try {
    const seeding = performance.now();
    await seedHistory(dataDir, 0, MEETINGS, Date.now());
    const dbBytes = statSync(join(dataDir, 'suishin.sqlite')).size;
    console.log(`seeded ${MEETINGS} ended meetings in ${(performance.now() - seeding).toFixed(0)} ms: database ${mib(dbBytes)}`);

    // A backup "made" 60 s minus a lead ago, so the schedule (BACKUP_EVERY=1m) comes due mid-run.
    const leadMs = 25_000;
    const fake = join(backupDir, backupFileName(Date.now() - 60_000));
    writeFileSync(fake, 'placeholder');
    const dueAt = Date.now() + leadMs;
    utimesSync(fake, new Date(dueAt - 60_000), new Date(dueAt - 60_000));

    const server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SUISHIN_TESTING_EXTRA_ROOT_KEYS: 'bench', BACKUP_DIR: backupDir, BACKUP_EVERY: '1m', BACKUP_KEEP: '2' });
    try {
      const ticket = (id: string) => fetchTicket(server, id);
      const clients: BenchClient[] = [];
      for (let i = 0; i < 4; i++) clients.push(await connectStock(server.syncUrl, await createMeeting(server, `live ${i}`), ticket));
      await sleep(500);
      const stop = liveLoad(clients);

      // Reference: the same load, a window as long as the command-line backup will take (measured first without the server reading it).
      await health(server);
      const cli = await runBackupCli(dataDir, join(root, 'cli.sqlite'));
      const duringCli = reading(await health(server));
      if (cli.code !== 0) throw new Error(`backup failed: ${cli.err}`);
      await sleep(cli.ms);
      const reference = reading(await health(server));

      // The scheduled backup, in the server: read just before it is due, then once it is made.
      const before = (await health(server)).backups?.lastBackup?.at ?? 0;
      await sleep(Math.max(0, dueAt - Date.now() - 300));
      await health(server);
      let made: AdminHealthResponse | null = null;
      let worstScheduled = 0;
      for (let tries = 0; tries < 600 && !made; tries++) {
        await sleep(50);
        const h = await fetch(`${server.httpUrl}/api/admin/health`, { headers: adminHeaders(server) });
        const body = (await h.json()) as AdminHealthResponse;
        // Each call starts a new window: keep the worst stall seen across the polls.
        worstScheduled = Math.max(worstScheduled, body.eventLoopDelaySinceLastCheck.maxMs);
        made = body.backups?.lastBackup && body.backups.lastBackup.at > before ? body : null;
      }
      await stop();
      if (!made) throw new Error('the scheduled backup never came');
      const scheduled = made.backups!.lastBackup!;

      console.log(`backup of ${MEETINGS} meetings (${mib(dbBytes)}), 4 rooms editing at ${EDITS_PER_SECOND}/s each meanwhile:`);
      console.log(`  npm run backup (own process): ${ms(cli.ms)} wall clock incl. process start; file ${mib(statSync(join(root, 'cli.sqlite')).size)}`);
      console.log(`    server event loop: longest stall ${ms(duringCli.stallMs)} during it vs ${ms(reference.stallMs)} in a reference window of the same length and load (ratio ${(duringCli.stallMs / Math.max(reference.stallMs, 0.01)).toFixed(2)})`);
      console.log(`    durable writes p99: ${ms(duringCli.durableP99Ms)} (${duringCli.durableCount} batches) vs ${ms(reference.durableP99Ms)} (${reference.durableCount}) in the reference`);
      console.log(`  scheduled backup (worker thread in the server): ${ms(scheduled.tookMs ?? NaN)} copy; file ${mib(scheduled.bytes)}`);
      console.log(`    server event loop: longest stall ${ms(worstScheduled)} from just before it was due until it was made (reference ${ms(reference.stallMs)}, ratio ${(worstScheduled / Math.max(reference.stallMs, 0.01)).toFixed(2)})`);
      for (const c of clients) c.destroy();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
