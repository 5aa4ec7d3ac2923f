import { expect, type BrowserContext, type Page, type TestInfo, type WebSocketRoute } from '@playwright/test';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SYNC_PATH, TICKET_QUERY_KEY, type TicketResponse } from '@suishin/shared';
import type { RunningServer } from '../fixtures/server';

/** Creates a meeting through the "New meeting" form and waits until its room is live. */
export async function createMeetingViaUi(page: Page, title: string): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLive(page);
  return page.url();
}

export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveAttribute('data-phase', 'live');
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveAttribute('data-save', 'saved');
}

export function agendaTitles(page: Page) {
  return page.getByTestId('agenda-item-title');
}

export async function addAgendaItem(page: Page, title: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'New agenda item' });
  await input.fill(title);
  await input.press('Enter');
  await expect(agendaTitles(page).filter({ hasText: title })).toHaveCount(1);
}

/** Saves a full-page screenshot as a test artifact (test-results/…) to look at. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * A switchable network for one participant's sync socket. Chromium's offline emulation
 * (`context.setOffline`) blocks new requests but leaves an open WebSocket running, so a real
 * network drop is simulated here: every sync socket goes through Playwright's WebSocket routing,
 * `down()` closes them abruptly (both ends, as a dead link would) and refuses new ones, and
 * `up()` lets the client's own backoff reconnect.
 */
export async function networkSwitch(participant: { page: Page; context: BrowserContext }) {
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await participant.page.routeWebSocket(/\/sync\//, (ws) => {
    if (offline) {
      ws.close({ code: 1011, reason: 'network down (test)' });
      return;
    }
    const server = ws.connectToServer();
    open.add(ws);
    ws.onClose(() => {
      open.delete(ws);
      server.close();
    });
    server.onClose(() => {
      open.delete(ws);
      ws.close();
    });
  });
  return {
    /** `keepHttp`: only sync sockets fail (so the page itself can still be reloaded). */
    async down({ keepHttp = false }: { keepHttp?: boolean } = {}) {
      offline = true;
      if (!keepHttp) await participant.context.setOffline(true);
      for (const ws of [...open]) await ws.close({ code: 1011, reason: 'network down (test)' });
      open.clear();
    },
    async up() {
      offline = false;
      await participant.context.setOffline(false);
    },
  };
}

export function notesEditor(page: Page) {
  return page.getByTestId('notes-editor');
}

/** The notes' text without other people's caret labels (they are widgets inside the editor). */
export function notesText(page: Page): Promise<string> {
  return notesEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });
}

/** Remaining seconds on the facilitation timer (negative once over). */
export async function remainingSeconds(page: Page): Promise<number> {
  const value = await page.getByTestId('timer').getAttribute('data-remaining');
  if (!value) throw new Error('no timer shown');
  const negative = value.startsWith('-');
  const parts = value.replace('-', '').split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return negative ? -seconds : seconds;
}

/** Opens an agenda item by its position (1-based) in the agenda list. */
export async function openItem(page: Page, number: number): Promise<void> {
  await page.getByTestId('agenda-item').nth(number - 1).getByRole('button', { name: /^Item \d+:|^項目 \d+：/ }).click();
}

/** Changes a meeting's document as a script would: over the sync protocol, waiting until the server says it is durable. */
export async function editOverSync(baseURL: string, adminToken: string, meetingId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const ticket = await fetch(`${baseURL}/api/meetings/${meetingId}/ticket`, { method: 'POST', headers: auth, body: '{}' });
  if (!ticket.ok) throw new Error(`POST ticket: ${ticket.status} ${await ticket.text()}`);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseURL.replace(/^http/, 'ws') + SYNC_PATH, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { [TICKET_QUERY_KEY]: ((await ticket.json()) as TicketResponse).ticket },
  });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    doc.transact(() => change(doc));
    await new Promise<void>((resolve, reject) => {
      provider.messageHandlers[MessageType.saved] = () => resolve();
      provider.messageHandlers[MessageType.saveFailed] = (_encoder, decoder) => reject(new Error(decoding.readVarString(decoder)));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.saveRequest);
      encoding.writeVarUint(encoder, 1);
      provider.ws!.send(encoding.toUint8Array(encoder));
    });
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** A REST call as the workspace admin; resolves with the JSON answer, throws on any error status. */
export async function adminApi<T>(server: Pick<RunningServer, 'baseURL' | 'adminToken'>, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
