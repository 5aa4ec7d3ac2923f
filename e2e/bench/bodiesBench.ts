/**
 * 会議体 and 経営報告 benchmark: 50 bodies in a tree (5 top bodies, each with 9 below it), 1,000
 * ended meetings (20 weeks of every body; server/bench/historySeed.ts), read through the real
 * server's HTTP API on loopback, one request at a time, as the workspace admin. Prints p50 / p95
 * per read against the aim of 300 ms (loopback round trip, so the server's time plus a little).
 * The 5,000 課題 and the search over 課題 are not here yet: the 課題 register is not merged.
 *
 *   npx pnpm@12.4.2 --filter @suishin/e2e bench:bodies
 *   BENCH_ONLY=registry|body|search|report   one row only
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFollowThroughDb } from '../../server/src/projections/sqlite/followThroughDb';
import { sqliteSeriesStore } from '../../server/src/persistence/sqlite/sqliteSeriesStore';
import { COMMON_WORD, seedHistory } from '../../server/bench/historySeed';
import { startChildServer } from '../../server/src/testing/childServer';

const BODIES = 50;
const MEETINGS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const AIM_MS = 300;
const only = process.env.BENCH_ONLY;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

const dataDir = mkdtempSync(join(tmpdir(), 'suishin-bodies-bench-'));
try {
  const seededAt = performance.now();
  const { seriesIds } = await seedHistory(dataDir, 0, MEETINGS, Date.now(), BODIES);
  // Bodies 0–4 are the top; body b ≥ 5 escalates to body b % 5.
  const { db } = openFollowThroughDb(dataDir);
  const series = sqliteSeriesStore(db);
  for (let b = 5; b < BODIES; b++) await series.update(seriesIds[b]!, { parentId: seriesIds[b % 5]! });
  db.close();
  console.log(`seeded ${BODIES} bodies, ${MEETINGS} meetings in ${Math.round(performance.now() - seededAt)} ms; 課題: missing (the 課題 register is not merged)`);

  const server = await startChildServer({ DATA_DIR: dataDir, CLIENT_DIST: join(dataDir, 'no-client') });
  try {
    const to = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(Date.parse(to) - 365 * 86_400_000).toISOString().slice(0, 10);
    const rows = [
      { key: 'registry', name: '会議体一覧 (GET /api/bodies)', path: '/api/bodies' },
      { key: 'body', name: "a body's page (health)", path: `/api/series/${seriesIds[0]}/health` },
      { key: 'search', name: `search decisions (${COMMON_WORD}…見直す)`, path: `/api/search?q=${encodeURIComponent('見直す')}` },
      { key: 'report', name: '経営報告, one year, top body + 9 (JSON)', path: `/api/reports/management?series=${seriesIds[0]}&from=${from}&to=${to}` },
      { key: 'report', name: '経営報告, one year, top body + 9 (HTML)', path: `/api/reports/management?series=${seriesIds[0]}&from=${from}&to=${to}&format=html` },
    ].filter((r) => !only || r.key === only);
    if (rows.length === 0) throw new Error(`BENCH_ONLY=${only}: no such row (registry, body, search, report)`);
    const auth = { authorization: `Bearer ${server.adminToken}` };
    console.log(`${'read'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  aim ${AIM_MS} ms`);
    for (const row of rows) {
      const times: number[] = [];
      for (let run = 0; run < RUNS + 3; run++) {
        const start = performance.now();
        const res = await fetch(`${server.httpUrl}${row.path}`, { headers: auth });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${row.path}: ${res.status}`);
        if (run >= 3) times.push(performance.now() - start);
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      console.log(`${row.name.padEnd(44)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${p95 <= AIM_MS ? 'ok' : 'OVER'}`);
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
