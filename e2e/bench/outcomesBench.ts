/**
 * Outcomes benchmark (KPIs, decisions, action items): prints figures, asserts nothing.
 * Run by `npx pnpm@12.4.2 --filter @suishin/e2e bench` after the room figures (roomBench.ts calls
 * `outcomesFigures`), or alone: `node --import tsx bench/outcomesBench.ts` in e2e/ (builds nothing:
 * build the client first).
 *
 * (d) a large meeting: 300 action items, 50 KPIs, 100 decisions, 20 attendees, with 20 people in
 *     the room (18 simulated sync clients whose presence changes and who keep editing action
 *     items and KPIs). Time from navigation start until the KPI table shows all 50 rows, every
 *     tab shows its count and the paste button is enabled (rendered and editable); then the time
 *     to switch to the 300 action items and to the 100 decisions; then the latency of a remote
 *     action-item edit while everyone edits, and the main thread's long tasks meanwhile.
 * (e) a 50-row spreadsheet paste: from the paster's click on Apply until the 50 new KPIs are
 *     rendered in the other browser (and in the paster's own), over several pastes.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  addActionItem,
  addAgendaItem,
  addAttendee,
  addDecision,
  addKpi,
  listActionItems,
  listKpis,
  MessageType,
  SYNC_PATH,
  TICKET_QUERY_KEY,
  updateActionItem,
  updateKpi,
} from '@suishin/shared';
import { startServer } from '../fixtures/server';
import { navigateUntil } from './pageProbe';
import { untilBrowserQuiet } from './quietBrowser';
import { runBench } from './runBench';

/** Where the server is and the admin token it runs with (SUISHIN_ADMIN_TOKEN). */
export interface BenchServer {
  baseURL: string;
  adminToken: string;
}

const ACTIONS = 300;
const KPIS = 50;
const DECISIONS = 100;
const ATTENDEES = 20;
const PARTICIPANTS = 20;
const LOAD_RUNS = 5;
const REMOTE_EDITS = 30;
const PASTE_ROWS = 50;
const PASTES = 5;
const PEER_COLORS = ['#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f'];
const DEPARTMENTS = ['営業', 'プロダクト', 'CS', '法務', 'マーケティング'];

const ms = (value: number) => `${Math.round(value)} ms`;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const median = (values: number[]) => percentile(values, 50);

async function api<T>(server: BenchServer, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A sync client for a script: the stock y-websocket provider with a single-use socket ticket. */
async function connect(server: BenchServer, meetingId: string, name: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const { ticket } = await api<{ ticket: string }>(server, `/api/meetings/${meetingId}/ticket`, { name });
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.baseURL.replace(/^http/, 'ws') + SYNC_PATH, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { [TICKET_QUERY_KEY]: ticket },
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider };
}

/** Resolves once the server has stored everything this client sent (save request → saved). */
function saved(provider: WebsocketProvider, nonce: number): Promise<void> {
  return new Promise((resolve, reject) => {
    provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) >= nonce) resolve();
    };
    provider.messageHandlers[MessageType.saveFailed] = (_encoder, decoder) => reject(new Error(decoding.readVarString(decoder)));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.saveRequest);
    encoding.writeVarUint(encoder, nonce);
    provider.ws!.send(encoding.toUint8Array(encoder));
  });
}

/** A meeting of the benchmark's size, written over the sync protocol in one transaction. */
async function seedLargeMeeting(server: BenchServer, options: { kpis: number }): Promise<string> {
  const { id } = await api<{ id: string }>(server, '/api/meetings', { title: `Bench: outcomes`, language: 'ja', departments: DEPARTMENTS });
  const { doc, provider } = await connect(server, id, 'Seeder');
  try {
    doc.transact(() => {
      const people = Array.from({ length: ATTENDEES }, (_, i) => ({ name: i % 2 ? `Person ${i}` : `担当者 ${i}`, department: DEPARTMENTS[i % DEPARTMENTS.length]! }));
      for (const person of people) addAttendee(doc, person);
      const agenda = Array.from({ length: 10 }, (_, i) => addAgendaItem(doc, { title: `議題 ${i + 1}`, timeboxMinutes: 10 }));
      const kpis = Array.from({ length: options.kpis }, (_, i) =>
        addKpi(doc, {
          name: `KPI ${i + 1} 指標`,
          unit: ['%', '件', '百万円', 'h'][i % 4],
          target: 100 + i,
          actual: 80 + ((i * 7) % 40),
          previous: 90 + ((i * 3) % 20),
          direction: i % 3 ? 'higher_is_better' : 'lower_is_better',
          owner: people[i % ATTENDEES]!.name,
          comment: i % 4 ? '' : '先週から改善傾向',
        }),
      );
      const decisions = Array.from({ length: DECISIONS }, (_, i) =>
        addDecision(doc, { text: `決定 ${i + 1}: 価格改定の方針を確認した`, rationale: i % 2 ? 'コスト上昇のため' : '', decidedBy: people[i % ATTENDEES]!.name, agendaItemId: agenda[i % agenda.length]! }),
      );
      for (let i = 0; i < ACTIONS; i++) {
        const link = i % 3 === 0 ? { kind: 'decision' as const, id: decisions[i % DECISIONS]! } : i % 3 === 1 && kpis.length ? { kind: 'kpi' as const, id: kpis[i % kpis.length]! } : { kind: 'agenda' as const, id: agenda[i % agenda.length]! };
        const day = String(1 + (i % 28)).padStart(2, '0');
        addActionItem(doc, {
          title: `アクション ${i + 1}: 見積書を送付する`,
          owner: people[i % ATTENDEES]!,
          dueDate: i % 7 === 0 ? null : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
          status: (['open', 'in_progress', 'done', 'open'] as const)[i % 4],
          link,
        });
      }
    });
    await saved(provider, 1);
  } finally {
    provider.destroy();
    doc.destroy();
  }
  return id;
}

/**
 * `count` more people in the room: their presence changes about once a second and, with
 * `edits`, each also changes an action item's status or a KPI's actual every couple of seconds.
 */
async function simulateEditors(server: BenchServer, meetingId: string, count: number, edits: boolean): Promise<() => void> {
  const peers = await Promise.all(Array.from({ length: count }, (_, i) => connect(server, meetingId, `Peer ${i + 1}`)));
  peers.forEach(({ provider }, i) => provider.awareness.setLocalState({ user: { name: `Peer ${i + 1}`, color: PEER_COLORS[i % PEER_COLORS.length] }, editing: null }));
  const agendaIds = [...peers[0]!.doc.getMap('agenda').keys()];
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    peers.forEach(({ doc, provider }, i) => {
      if (Math.random() < 0.5) provider.awareness.setLocalStateField('editing', { agendaItemId: agendaIds[(i + tick) % agendaIds.length], field: 'notes' });
      if (!edits || (i + tick) % 4 !== 0) return;
      const actions = listActionItems(doc);
      const kpis = listKpis(doc);
      // Leave the first action item alone: the browser times its own edits of it.
      if (i % 2 && actions.length > 1) updateActionItem(doc, actions[1 + ((i * 13 + tick) % (actions.length - 1))]!.id, { status: (['open', 'in_progress', 'done'] as const)[tick % 3] });
      else if (kpis.length) updateKpi(doc, kpis[(i * 7 + tick) % kpis.length]!.id, { actual: 80 + ((i + tick) % 40) });
    });
  }, 500);
  return () => {
    clearInterval(timer);
    for (const { provider, doc } of peers) {
      provider.destroy();
      doc.destroy();
    }
  };
}

async function newPerson(browser: Browser, server: BenchServer, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1366, height: 860 }, locale: 'ja-JP' });
  await context.addInitScript((identity) => localStorage.setItem('suishin.identity', JSON.stringify(identity)), { name, color: '#1d4ed8' });
  const response = await context.request.post('/api/session', { data: { token: server.adminToken, name } });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
  const page = await context.newPage();
  await untilBrowserQuiet(); // the window is open before the link is clicked: see quietBrowser.ts
  return page;
}

/** ms from navigation start until the outcomes column is rendered and editable. */
async function timeToOutcomes(page: Page, url: string): Promise<{ editable: number; synced: number; agenda: number }> {
  const [editable, synced, agenda] = await navigateUntil<[number, number, number]>(
    page,
    url,
    `(() => {
      const kpis = document.querySelectorAll('[data-testid="kpi"]').length;
      const count = (tab) => document.querySelector('[data-testid="tab-' + tab + '"] .outcomes__count')?.textContent;
      const paste = document.querySelector('[data-testid="kpi-paste-open"]');
      const ready = kpis === ${KPIS} && count('decisions') === '${DECISIONS}' && count('actions') === '${ACTIONS}' && paste && !paste.hasAttribute('data-disabled');
      if (!window.__agendaAt && document.querySelectorAll('[data-testid="agenda-item"]').length > 0) window.__agendaAt = performance.now();
      const synced = performance.getEntriesByName('suishin:synced')[0];
      return ready ? [performance.now(), synced ? synced.startTime : -1, window.__agendaAt ?? -1] : null;
    })()`,
  );
  return { editable, synced, agenda };
}

/** ms from a click on a tab until its panel shows `rows` rows of `testId`. */
async function timeTabSwitch(page: Page, tab: string, testId: string, rows: number): Promise<number> {
  // Plain-string scripts: tsx would wrap named arrow functions in a helper the page lacks.
  return (await page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    document.querySelector('[data-testid="tab-${tab}"]').click();
    const check = () => {
      if (document.querySelectorAll('[data-testid="${testId}"]').length >= ${rows}) resolve(performance.now() - start);
      else requestAnimationFrame(check);
    };
    check();
  })`)) as number;
}

/** Epoch ms at which `condition` (a JS expression) first holds in the page, checked every frame. */
function whenTrue(page: Page, condition: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      if (${condition}) resolve(performance.timeOrigin + performance.now());
      else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number>;
}

async function loadAndEditFigures(browser: Browser, server: BenchServer): Promise<void> {
  const meetingId = await seedLargeMeeting(server, { kpis: KPIS });
  const url = `/meetings/${encodeURIComponent(meetingId)}`;
  const leave = await simulateEditors(server, meetingId, PARTICIPANTS - 2, true);
  try {
    const cold: number[] = [];
    const toActions: number[] = [];
    const toDecisions: number[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      const page = await newPerson(browser, server, `Cold ${i + 1}`);
      const { editable, synced, agenda } = await timeToOutcomes(page, url);
      cold.push(editable);
      if (process.env.BENCH_VERBOSE) console.log(`      synced at ${ms(synced)}, agenda rows at ${ms(agenda)}, outcomes editable at ${ms(editable)}`);
      toActions.push(await timeTabSwitch(page, 'actions', 'action-item', ACTIONS));
      toDecisions.push(await timeTabSwitch(page, 'decisions', 'decision', DECISIONS));
      await page.context().close();
    }
    console.log(`(d) ${ACTIONS} action items, ${KPIS} KPIs, ${DECISIONS} decisions, ${PARTICIPANTS} people in the room (18 simulated, editing)`);
    console.log(`    navigation start → KPI table, tab counts and paste button ready   median ${ms(median(cold))}   (runs: ${cold.map(ms).join(', ')})`);
    console.log(`    switch to the ${ACTIONS} action items                          median ${ms(median(toActions))}   max ${ms(Math.max(...toActions))}`);
    console.log(`    switch to the ${DECISIONS} decisions                             median ${ms(median(toDecisions))}   max ${ms(Math.max(...toDecisions))}`);

    // Remote edits while everyone edits: the writer flips the first action item's status, the
    // reader stamps when its row shows it. Long tasks on the reader's main thread are counted.
    const writer = await newPerson(browser, server, 'Writer');
    const reader = await newPerson(browser, server, 'Reader');
    await Promise.all([timeToOutcomes(writer, url), timeToOutcomes(reader, url)]);
    await Promise.all([writer.getByTestId('tab-actions').click(), reader.getByTestId('tab-actions').click()]);
    await reader.waitForFunction(`document.querySelectorAll('[data-testid="action-item"]').length === ${ACTIONS}`);
    await reader.evaluate(`(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ entryTypes: ['longtask'] });
    })()`);
    const latencies: number[] = [];
    const statuses = ['in_progress', 'done', 'open'];
    for (let i = 0; i < REMOTE_EDITS; i++) {
      const status = statuses[i % statuses.length]!;
      const arrived = whenTrue(reader, `document.querySelector('[data-testid="action-item"] select').value === '${status}'`);
      const sentAt = await writer.evaluate((status) => {
        const select = document.querySelector('[data-testid="action-item"] select') as HTMLSelectElement;
        const at = performance.timeOrigin + performance.now();
        select.value = status;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return at;
      }, status);
      latencies.push((await arrived) - sentAt);
      await writer.waitForTimeout(100);
    }
    const longTasks = (await reader.evaluate('window.__longTasks')) as number[];
    console.log(`    remote action-item edit → visible in the other browser (${REMOTE_EDITS} edits, 18 peers editing meanwhile)`);
    console.log(`      p50 ${latencies.length ? median(latencies).toFixed(1) : '?'} ms   p90 ${percentile(latencies, 90).toFixed(1)} ms   max ${Math.max(...latencies).toFixed(1)} ms`);
    console.log(`      reader's long tasks (> 50 ms) meanwhile: ${longTasks.length}${longTasks.length ? `, longest ${ms(Math.max(...longTasks))}` : ''}`);
    await writer.context().close();
    await reader.context().close();
  } finally {
    leave();
  }
}

const pasteTable = (run: number) =>
  ['指標\t単位\t目標\t実績\t前回\t方向\t担当\tコメント']
    .concat(Array.from({ length: PASTE_ROWS }, (_, i) => `貼付 ${run}-${i + 1}\t件\t1,${String(100 + i).padStart(3, '0')}\t１２３\t▲5\t高\t担当者 ${i % 20}\t`))
    .join('\n');

async function pasteFigures(browser: Browser, server: BenchServer): Promise<void> {
  const meetingId = await seedLargeMeeting(server, { kpis: 0 });
  const url = `/meetings/${encodeURIComponent(meetingId)}`;
  const leave = await simulateEditors(server, meetingId, PARTICIPANTS - 2, false);
  const paster = await newPerson(browser, server, 'Paster');
  const other = await newPerson(browser, server, 'Other');
  try {
    for (const page of [paster, other]) {
      await page.goto(url);
      await page.getByTestId('kpi-paste-open').waitFor();
    }
    const toOther: number[] = [];
    const toSelf: number[] = [];
    for (let run = 0; run < PASTES; run++) {
      const expected = PASTE_ROWS * (run + 1);
      await paster.getByTestId('kpi-paste-open').click();
      await paster.getByTestId('kpi-paste-text').evaluate((element, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, pasteTable(run + 1));
      await paster.getByTestId('kpi-paste-apply').filter({ hasText: `${PASTE_ROWS}` }).waitFor();
      const rowsVisible = (page: Page) => whenTrue(page, `document.querySelectorAll('[data-testid="kpi"]').length >= ${expected}`);
      const atOther = rowsVisible(other);
      const clickedAt = await paster.evaluate(() => {
        const at = performance.timeOrigin + performance.now();
        (document.querySelector('[data-testid="kpi-paste-apply"]') as HTMLElement).click();
        return at;
      });
      const atSelf = await rowsVisible(paster);
      toSelf.push(atSelf - clickedAt);
      toOther.push((await atOther) - clickedAt);
    }
    console.log(`(e) ${PASTE_ROWS}-row spreadsheet paste (one transaction), Apply clicked → all ${PASTE_ROWS} KPIs rendered, ${PASTES} pastes, ${PARTICIPANTS} people in the room`);
    console.log(`    in the other browser   median ${ms(median(toOther))}   max ${ms(Math.max(...toOther))}   (runs: ${toOther.map(ms).join(', ')})`);
    console.log(`    in the paster's own    median ${ms(median(toSelf))}   max ${ms(Math.max(...toSelf))}`);
  } finally {
    await paster.context().close();
    await other.context().close();
    leave();
  }
}

/** Both outcome figures against a running server (the room benchmark's, or our own). */
export async function outcomesFigures(browser: Browser, server: BenchServer): Promise<void> {
  await loadAndEditFigures(browser, server);
  await pasteFigures(browser, server);
}

async function main(): Promise<void> {
  const external = process.env.E2E_BASE_URL;
  const started = external ? null : await startServer();
  const server: BenchServer = started ?? { baseURL: external!, adminToken: process.env.E2E_ADMIN_TOKEN ?? '' };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-background-networking', '--no-first-run'] });
  try {
    await outcomesFigures(browser, server);
  } finally {
    await browser.close();
    await started?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Every Node sync client (y-websocket) adds a process 'exit' listener; 20 of them are expected.
  process.setMaxListeners(64);
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 240_000);
  runBench('bench', main, timeoutMs);
}
