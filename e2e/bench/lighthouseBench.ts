/**
 * Loading on a phone: Lighthouse 12 against the built app, signed in, on the home page and a
 * meeting room with content, with its mobile preset (a mid-range phone on slow 4G, simulated) and
 * its desktop preset for reference. Prints the performance score, FCP, LCP, TBT and the number of
 * requests (median of LH_RUNS runs, default 3); asserts nothing.
 *
 *   npx pnpm@12.4.2 --filter @suishin/e2e bench:lighthouse      (part of `pnpm bench`)
 *
 * Builds nothing: run after `npx pnpm@12.4.2 --filter @suishin/client build` (bench.sh does).
 * Starts the real server on a free loopback port (E2E_BASE_URL + E2E_ADMIN_TOKEN use a running
 * one), seeds a 12-item meeting with notes, and launches Debian's Chromium (CHROMIUM_PATH) through
 * chrome-launcher. The session cookie and the remembered name (so no "choose your name" dialog)
 * are put into that browser's profile once, through Playwright over CDP; Lighthouse keeps them
 * (`disableStorageReset`), and the HTTP cache is cleared before every run, so each run is a cold load.
 */
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type RunnerResult } from 'lighthouse';
import { startServer, type RunningServer } from '../fixtures/server';
import { seedMeeting } from './seedMeeting';
import { runBench } from './runBench';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const ITEMS = 12;
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

interface Figures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  requests: number;
  unusedJsKiB: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Signs the launched browser's profile in and remembers a display name, as a returning person. */
async function prepareProfile(port: number, server: RunningServer): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${server.baseURL}/healthz`);
    const status = await page.evaluate(async (token) => {
      localStorage.setItem('suishin.identity', JSON.stringify({ name: 'Bench', color: '#1d4ed8', department: '' }));
      const response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Bench' }) });
      return response.status;
    }, server.adminToken);
    if (status >= 300) throw new Error(`sign-in failed: ${status}`);
    await page.close();
  } finally {
    // Only the CDP connection closes; the browser stays for Lighthouse.
    await browser.close();
  }
}

async function clearHttpCache(port: number): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    const session = await page.context().newCDPSession(page);
    await session.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.close();
  }
}

async function audit(port: number, url: string, preset: 'mobile' | 'desktop'): Promise<Figures> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true };
  const result = (await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined)) as RunnerResult | undefined;
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // LH_DETAILS=1: what the LCP element is, and the scripts that kept the main thread busy.
  if (process.env.LH_DETAILS) {
    const lcp = lhr.audits['largest-contentful-paint-element']?.details as { items?: Array<{ items?: Array<{ node?: { snippet?: string }; phase?: string; timing?: number }> }> } | undefined;
    const first = lcp?.items?.[0]?.items?.[0]?.node?.snippet ?? /"snippet":"((?:[^"\\]|\\.)*)"/.exec(JSON.stringify(lcp ?? {}))?.[1] ?? '(not reported)';
    const phases = (lcp?.items?.[1]?.items ?? []).map((p) => `${p.phase} ${Math.round(p.timing ?? 0)} ms`).join(', ');
    const boot = ((lhr.audits['bootup-time']?.details as { items?: Array<{ url: string; scripting: number }> } | undefined)?.items ?? [])
      .slice(0, 5).map((i) => `${i.url.split('/').pop()} ${Math.round(i.scripting)} ms`).join(', ');
    console.log(`      ${preset} ${url}\n        LCP element ${first}\n        LCP phases: ${phases}\n        scripting: ${boot}`);
  }
  const unused = lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    requests: (lhr.audits['network-requests']?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0,
    unusedJsKiB: (unused?.overallSavingsBytes ?? 0) / 1024,
  };
}

function line(label: string, runs: Figures[]): string {
  const m = (key: keyof Figures) => median(runs.map((r) => r[key]));
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  return (
    `    ${label.padEnd(16)} score ${String(m('score')).padStart(3)}   FCP ${s(m('fcp')).padStart(7)}   LCP ${s(m('lcp')).padStart(7)}` +
    `   TBT ${`${Math.round(m('tbt'))} ms`.padStart(7)}   ${String(m('requests')).padStart(3)} requests   unused JS ${m('unusedJsKiB').toFixed(0)} KiB` +
    `   (scores ${runs.map((r) => r.score).join(', ')})`
  );
}

async function main(): Promise<void> {
  const external = process.env.E2E_BASE_URL;
  const server: RunningServer = external
    ? { baseURL: external, dataDir: '', adminToken: process.env.E2E_ADMIN_TOKEN ?? '', output: () => '', stop: async () => {} }
    : await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-component-update'],
  });
  try {
    const meetingId = await seedMeeting(server, ITEMS);
    await prepareProfile(chrome.port, server);
    const pages = { home: `${server.baseURL}/`, room: `${server.baseURL}/meetings/${meetingId}` };
    console.log(`Lighthouse 12 performance, signed in, cold cache, median of ${RUNS} runs (room: ${ITEMS} agenda items with notes)`);
    for (const preset of ['mobile', 'desktop'] as const) {
      console.log(`  ${preset} preset${preset === 'mobile' ? ' (Moto G Power, slow 4G, 4× CPU slowdown; simulated)' : ''}`);
      for (const [name, url] of Object.entries(pages)) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) {
          await clearHttpCache(chrome.port);
          runs.push(await audit(chrome.port, url, preset));
        }
        console.log(line(name, runs));
      }
    }
    console.log('  targets (issue 20): mobile score ≥ 90 and LCP ≤ 2.5 s for room and home');
  } finally {
    chrome.kill();
    await server.stop();
  }
}

runBench('lighthouse bench', main, timeoutMs);
