/**
 * Room benchmark: prints figures, asserts nothing (see the design notes: benchmarks are scripts).
 *
 *   npx pnpm@12.4.2 --filter @suishin/e2e bench
 *
 * (a) initial JavaScript, gzip, from the Vite build manifest: the meetings list page (entry and
 *     its static imports) vs the meeting room route (entry + the room's lazy chunk and its static
 *     imports), and the notes editor chunk the room loads next.
 * (b) time until a 100-item meeting with notes is rendered and editable in headless Chromium,
 *     from navigation start, on a cold browser profile (no code or document cached) and a warm one,
 *     in a browser window that is already open (quietBrowser.ts: a new window keeps Chromium itself
 *     busy for about a second), and for reference in one opened at the same instant.
 * (c) time for a remote notes edit to appear in the other browser, over 30 edits (p50, p90),
 *     with 20 people in the room (18 simulated sync clients whose presence keeps changing).
 * (d), (e) the outcomes column (KPIs, decisions, action items) at 300/50/100 with 20 people
 *     editing, and a 50-row KPI paste reaching the other browser: see outcomesBench.ts.
 *
 * Builds the client, starts the real server on a free loopback port with a temporary DATA_DIR
 * (as the e2e fixture does; E2E_BASE_URL uses a running one instead), seeds the meeting through
 * the sync protocol, and stops everything at the end. Bounded: gives up after BENCH_TIMEOUT_MS
 * (default 360 s). BENCH_VERBOSE=1 prints when each run synced, showed the rows, became editable.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { signInAsAdmin } from '../fixtures/signIn';
import { startServer, type RunningServer } from '../fixtures/server';
import { outcomesFigures } from './outcomesBench';
import { navigateUntil } from './pageProbe';
import { untilBrowserQuiet } from './quietBrowser';
import { seedMeeting, simulatePeers } from './seedMeeting';
import { runBench } from './runBench';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const clientDist = join(repoRoot, 'client', 'dist');
const ITEMS = 100;
const EDITS = 30;
const COLD_RUNS = 5;
/** People in the room while remote edits are timed: the two browsers plus simulated peers. */
const PARTICIPANTS = 20;
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 360_000);

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
const ms = (value: number) => `${Math.round(value)} ms`;

function bundleFigures(): void {
  const manifest = JSON.parse(readFileSync(join(clientDist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gz = new Map<string, number>();
  const gzipOf = (key: string) => {
    const file = manifest[key]!.file;
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(clientDist, file))).length);
    return gz.get(file)!;
  };
  /** The chunks loaded with `roots`: the roots and everything they import statically. */
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    roots.forEach(visit);
    return seen;
  };
  const total = (keys: Iterable<string>) => [...keys].reduce((sum, key) => sum + gzipOf(key), 0);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const room = 'src/features/room/MeetingRoomPage.tsx';
  const editor = 'src/editor/NotesEditor.tsx';
  const form = 'src/features/meetings/NewMeetingForm.tsx';

  const list = closure([entry]);
  const roomInitial = closure([entry, room]);
  const withEditor = closure([entry, room, editor]);
  const listWithForm = closure([entry, form]);
  const lazyGraph = [...roomInitial].filter((key) => !list.has(key));
  console.log('(a) initial JavaScript, gzip (from the Vite manifest)');
  console.log(`    meetings list page       ${kb(total(list)).padStart(10)}   (${[...list].map((k) => manifest[k]!.file).join(', ')})`);
  console.log(`      + new-meeting form     ${kb(total(listWithForm)).padStart(10)}   (loaded lazily after the list)`);
  console.log(`    meeting room route       ${kb(total(roomInitial)).padStart(10)}   (entry + ${lazyGraph.map((k) => manifest[k]!.file).join(' + ')})`);
  console.log(`      + notes editor chunk   ${kb(total(withEditor)).padStart(10)}   (${manifest[editor]!.file} loads when the room shows notes)`);
}

/** A signed-in person's new browser window, once Chromium has finished opening it (`untilBrowserQuiet`). */
async function newPerson(browser: Browser, server: RunningServer, name: string, { settle = true } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1366, height: 860 }, locale: 'en-US' });
  await context.addInitScript((identity) => localStorage.setItem('suishin.identity', JSON.stringify(identity)), { name, color: '#1d4ed8' });
  await signInAsAdmin(context, server.adminToken, name);
  const page = await context.newPage();
  if (settle) await untilBrowserQuiet();
  return page;
}

/** Navigates and returns ms from navigation start until every row is shown and the notes editor is editable. */
async function timeToEditable(page: Page, url: string): Promise<number> {
  const [rowsAt, editableAt, syncedAt] = await navigateUntil<[number, number, number]>(
    page,
    url,
    `(() => {
      const rows = document.querySelectorAll('[data-testid="agenda-item"]').length;
      const editor = document.querySelector('[data-testid="notes-editor"][contenteditable="true"]');
      if (rows === ${ITEMS} && !window.__rowsAt) window.__rowsAt = performance.now();
      const synced = performance.getEntriesByName('suishin:synced')[0];
      return rows === ${ITEMS} && editor !== null && editor.textContent !== '' ? [window.__rowsAt, performance.now(), synced ? synced.startTime : -1] : null;
    })()`,
  );
  if (process.env.BENCH_VERBOSE) console.log(`      synced at ${ms(syncedAt)}, rows at ${ms(rowsAt)}, editable at ${ms(editableAt)}`);
  return editableAt;
}

async function loadFigures(browser: Browser, server: RunningServer, meetingId: string): Promise<void> {
  const url = `/meetings/${encodeURIComponent(meetingId)}`;
  const cold: number[] = [];
  let warm = 0;
  for (let i = 0; i < COLD_RUNS; i++) {
    const page = await newPerson(browser, server, `Cold ${i + 1}`);
    cold.push(await timeToEditable(page, url));
    // Same profile again: the code is cached, the document comes from IndexedDB first, then syncs.
    if (i === COLD_RUNS - 1) warm = await timeToEditable(page, url);
    await page.context().close();
  }
  // For reference: the link opened in the same instant as a new browser window, while Chromium
  // is still setting that window up (see untilBrowserQuiet).
  const atOnce: number[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await newPerson(browser, server, `At once ${i + 1}`, { settle: false });
    atOnce.push(await timeToEditable(page, url));
    await page.context().close();
  }
  console.log(`(b) ${ITEMS}-item meeting with notes, navigation start → all rows shown and notes editable`);
  console.log(`    cold profile  median ${ms(median(cold))}   (runs: ${cold.map(ms).join(', ')}; nothing cached: code, document)`);
  console.log(`    warm profile  ${ms(warm)}   (same browser profile, reloaded)`);
  console.log(`    cold, opened with a new browser window   ${atOnce.map(ms).join(', ')}   (Chromium busy opening the window meanwhile)`);
}

async function remoteEditFigures(browser: Browser, server: RunningServer, meetingId: string): Promise<void> {
  const url = `/meetings/${encodeURIComponent(meetingId)}`;
  const leave = await simulatePeers(server, meetingId, PARTICIPANTS - 2);
  const writer = await newPerson(browser, server, 'Writer');
  const reader = await newPerson(browser, server, 'Reader');
  await Promise.all([timeToEditable(writer, url), timeToEditable(reader, url)]);
  await reader.waitForFunction(`document.querySelector('[data-testid="presence"]')?.getAttribute('data-count') === '${PARTICIPANTS}'`, undefined, { timeout: 10_000 });

  // The reader stamps the moment each new "q" shows up in its editor; the writer stamps each
  // keystroke as it enters its editor. Both stamps are epoch ms on the same machine.
  // (Plain-string scripts: tsx would wrap named arrow functions in a helper the page lacks.)
  await reader.evaluate(`(() => {
    const editor = document.querySelector('[data-testid="notes-editor"]');
    const arrivals = (window.__arrivals = []);
    const count = () => (editor.textContent || '').split('q').length - 1;
    let seen = count();
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      const current = count();
      for (; seen < current; seen++) arrivals.push(now);
    }).observe(editor, { subtree: true, childList: true, characterData: true });
  })()`);
  await writer.evaluate(`(() => {
    const editor = document.querySelector('[data-testid="notes-editor"]');
    const sent = (window.__sent = []);
    editor.addEventListener('beforeinput', (event) => {
      if (event.data === 'q') sent.push(performance.timeOrigin + performance.now());
    });
  })()`);
  await writer.getByTestId('notes-editor').click();
  await writer.keyboard.press('ControlOrMeta+End');
  for (let i = 0; i < EDITS; i++) {
    await writer.keyboard.type('q');
    await reader.waitForFunction((n) => (window as unknown as { __arrivals: number[] }).__arrivals.length >= n, i + 1, { timeout: 10_000 });
    await writer.waitForTimeout(100);
  }
  const sent = await writer.evaluate(() => (window as unknown as { __sent: number[] }).__sent);
  const arrivals = await reader.evaluate(() => (window as unknown as { __arrivals: number[] }).__arrivals);
  const latencies = sent.map((t, i) => arrivals[i]! - t);
  console.log(`(c) remote notes edit → visible in the other browser, ${latencies.length} edits, ${PARTICIPANTS} people in the room`);
  console.log('    (18 simulated peers change their presence every second; the server stores each update durably before relaying it)');
  console.log(`    p50 ${latencies.length ? median(latencies).toFixed(1) : '?'} ms   p90 ${percentile(latencies, 90).toFixed(1)} ms   max ${Math.max(...latencies).toFixed(1)} ms`);
  await writer.context().close();
  await reader.context().close();
  leave();
}

async function main(): Promise<void> {
  console.log('building the client…');
  execFileSync('npx', ['--yes', 'pnpm@12.4.2', '--filter', '@suishin/client', 'build'], { cwd: repoRoot, stdio: 'ignore' });
  bundleFigures();

  // E2E_BASE_URL: measure against an already running server (as the e2e fixture allows).
  const external = process.env.E2E_BASE_URL;
  const server: RunningServer = external
    ? { baseURL: external, dataDir: '', adminToken: process.env.E2E_ADMIN_TOKEN ?? '', output: () => '', stop: async () => {} }
    : await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-background-networking', '--no-first-run'] });
  try {
    const meetingId = await seedMeeting(server, ITEMS);
    await loadFigures(browser, server, meetingId);
    await remoteEditFigures(browser, server, meetingId);
    await outcomesFigures(browser, server);
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Every Node sync client (y-websocket) adds a process 'exit' listener; 20 of them are expected.
process.setMaxListeners(64);

runBench('bench', main, timeoutMs);
