/**
 * History benchmark: a workspace grown to 300, 3,000 and 30,000 ended meetings (seeded through
 * the store and projection ports: server/bench/historySeed.ts), read through the HTTP API of the
 * real server, one request at a time, as the workspace admin. Prints p50 / p99 and response bytes
 * of each read, the server's RSS after the reads, and at the largest size the DOM nodes and height
 * of the home page and the archive in Chromium. Prints figures, asserts nothing.
 *
 *   npx pnpm@12.4.2 --filter @suishin/e2e bench:history            (300, 3,000, 30,000)
 *   npx pnpm@12.4.2 --filter @suishin/e2e bench:history -- --quick  (300, 3,000)
 *
 * Needs client/dist (scripts/bench.sh builds it). Goal (issue 21): every p50 within 2× from 300 to
 * 30,000, every response under 100 KB, the home page under 2,000 DOM nodes at 30,000.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { COMMON_WORD, DEPARTMENTS, OWNERS, RARE_WORD, seedHistory } from '../../server/bench/historySeed';
import { startChildServer, type ChildServer } from '../../server/src/testing/childServer';
import { signInAsAdmin } from '../fixtures/signIn';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [300, 3000] : [300, 3000, 30_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The server process's resident memory, from /proc (independent of what /healthz shows). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/** "YYYY-MM-DD" n weeks before today in Tokyo (the workspace's zone). */
const weeksAgo = (n: number) => new Date(Date.now() + 9 * 3_600_000 - n * 7 * 86_400_000).toISOString().slice(0, 10);

interface Read {
  name: string;
  path: string;
}

async function reads(server: ChildServer, seriesId: string): Promise<Read[]> {
  const auth = { authorization: `Bearer ${server.adminToken}` };
  // A later page: the cursor after 4 pages of 50 (300 meetings have 6).
  let cursor = '';
  for (let page = 0; page < 4; page++) {
    const body = (await (await fetch(`${server.httpUrl}/api/archive${cursor ? `?cursor=${cursor}` : ''}`, { headers: auth })).json()) as { nextCursor: string };
    cursor = encodeURIComponent(body.nextCursor);
  }
  return [
    { name: 'home', path: '/api/home' },
    { name: 'archive, first page', path: '/api/archive' },
    { name: 'archive, page 5', path: `/api/archive?cursor=${cursor}` },
    { name: `search rare (${RARE_WORD})`, path: `/api/search?q=${encodeURIComponent(RARE_WORD)}` },
    { name: `search common (${COMMON_WORD})`, path: `/api/search?q=${encodeURIComponent(COMMON_WORD)}` },
    { name: `search common, newest`, path: `/api/search?q=${encodeURIComponent(COMMON_WORD)}&sort=newest` },
    { name: 'dashboard, department', path: `/api/dashboard?department=${encodeURIComponent(DEPARTMENTS[0]!)}` },
    { name: 'dashboard, series', path: `/api/dashboard?series=${encodeURIComponent(seriesId)}` },
    { name: 'dashboard, dept., 8 weeks', path: `/api/dashboard?department=${encodeURIComponent(DEPARTMENTS[0]!)}&period=week&from=${weeksAgo(8)}` },
    { name: 'dashboard, meetings page', path: `/api/dashboard/meetings?department=${encodeURIComponent(DEPARTMENTS[0]!)}` },
    { name: 'decision register', path: '/api/decisions' },
    { name: 'due items (7 days)', path: '/api/action-items/due?days=7' },
    { name: `owner's open items`, path: `/api/action-items?state=open&owner=${encodeURIComponent(OWNERS[0]!)}` },
    { name: 'one meeting view', path: '/api/meetings/bench-000000' },
    { name: 'body registry (会議体一覧)', path: '/api/bodies' },
    { name: "a body's health and trend", path: `/api/series/${encodeURIComponent(seriesId)}/health` },
  ];
}

async function measure(server: ChildServer, read: Read): Promise<{ p50: number; p99: number; bytes: number }> {
  const headers = { authorization: `Bearer ${server.adminToken}` };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    const res = await fetch(`${server.httpUrl}${read.path}`, { headers });
    const body = await res.arrayBuffer();
    const ms = performance.now() - start;
    if (!res.ok) throw new Error(`${read.path}: ${res.status} ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
    if (i >= WARMUP) times.push(ms);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), bytes };
}

async function pageWeight(server: ChildServer, path: string, ready: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const context = await browser.newContext({ baseURL: server.httpUrl, viewport: { width: 1366, height: 860 } });
    await signInAsAdmin(context, server.adminToken, OWNERS[0]!);
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(path);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const settled = performance.now() - start;
    const { nodes, height } = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, height: document.documentElement.scrollHeight }));
    return { nodes, height, settled };
  } finally {
    await browser.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'suishin-history-bench-'));
const results: Array<{ size: number; seedSeconds: number; rss: number; figures: Map<string, { p50: number; p99: number; bytes: number }> }> = [];
const benchStart = performance.now();
try {
  let seeded = 0;
  const now = Date.now();
  const pages: Array<[string, Awaited<ReturnType<typeof pageWeight>>]> = [];
  for (const size of SIZES) {
    const t0 = performance.now();
    const workspace = await seedHistory(dataDir, seeded, size, now);
    const seedSeconds = (performance.now() - t0) / 1000;
    seeded = size;
    const server = await startChildServer({ DATA_DIR: dataDir, CLIENT_DIST: join(repoRoot, 'client', 'dist') });
    try {
      const figures = new Map<string, { p50: number; p99: number; bytes: number }>();
      for (const read of await reads(server, workspace.seriesIds[0]!)) figures.set(read.name, await measure(server, read));
      results.push({ size, seedSeconds, rss: rssMiB(server.child.pid!), figures });
      console.log(`  ${size.toLocaleString('en')} meetings: seeded in ${seedSeconds.toFixed(1)} s, measured`);
      if (size === SIZES.at(-1)) {
        for (const [name, path, ready] of [['home page', '/', '.home-section'], ['archive page', '/archive', '.ft-table tbody tr']] as const) {
          try {
            pages.push([name, await pageWeight(server, path, ready)]);
          } catch (error) {
            console.log(`  ${name}: not measured (${(error as Error).message.split('\n')[0]})`);
          }
        }
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }

  const ms = (v: number) => `${v.toFixed(1)}`.padStart(6);
  console.log(`\nhistory bench: reads through HTTP, one at a time, ${RUNS} runs each (ms p50 / p99, response KB)`);
  console.log(`  ${'read'.padEnd(28)}${results.map((r) => `${r.size.toLocaleString('en')} meetings`.padStart(24)).join('')}   p50 ×`);
  for (const name of results[0]!.figures.keys()) {
    const cells = results.map((r) => {
      const f = r.figures.get(name)!;
      return `${ms(f.p50)} /${ms(f.p99)}  ${(f.bytes / 1024).toFixed(1).padStart(5)}`;
    });
    const ratio = results.at(-1)!.figures.get(name)!.p50 / results[0]!.figures.get(name)!.p50;
    console.log(`  ${name.padEnd(28)}${cells.map((c) => c.padStart(24)).join('')}   ${ratio.toFixed(1)}`);
  }
  console.log(`  ${'server RSS after the reads'.padEnd(28)}${results.map((r) => `${r.rss.toFixed(0)} MiB`.padStart(24)).join('')}`);
  console.log(`  ${'seeding (store + projection)'.padEnd(28)}${results.map((r) => `${r.seedSeconds.toFixed(1)} s`.padStart(24)).join('')}`);
  for (const [name, w] of pages) {
    console.log(`  ${name} at ${SIZES.at(-1)!.toLocaleString('en')}: ${w.nodes} DOM nodes, ${w.height} px tall, settled in ${Math.round(w.settled)} ms`);
  }
  console.log(`  whole history bench: ${((performance.now() - benchStart) / 1000).toFixed(0)} s`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
