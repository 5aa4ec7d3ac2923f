import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { addAgendaItem, getAgendaNotes, MessageType, SYNC_PATH, TICKET_QUERY_KEY, type TicketResponse } from '@suishin/shared';

/** Where the server is and how to sign in to it as the workspace admin (the e2e fixture's RunningServer). */
export interface BenchServer {
  baseURL: string;
  adminToken: string;
}

/** A single-use socket ticket for the admin, as a script gets one (the sync socket refuses anything else without a cookie). */
async function ticketFor(server: BenchServer, meetingId: string, name: string): Promise<string> {
  const response = await fetch(`${server.baseURL}/api/meetings/${meetingId}/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`POST ticket: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TicketResponse).ticket;
}

const SENTENCES = [
  '売上パイプラインは前週比 12% 増。大型案件 3 件がクロージング段階。',
  'Churn is flat at 1.8%; the onboarding fix ships next sprint.',
  '次回までに各部門の KPI 目標を再確認し、担当者を決める。',
];

/**
 * Creates a meeting through the REST API and fills it over the sync protocol, like a client
 * would: `items` agenda items, each with three paragraphs of notes. Resolves once the server
 * has confirmed everything durable (save request → saved).
 */
export async function seedMeeting(server: BenchServer, items: number): Promise<string> {
  const baseURL = server.baseURL;
  const response = await fetch(`${baseURL}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: `Bench: ${items} items`, language: 'ja', departments: ['営業', 'プロダクト'] }),
  });
  if (!response.ok) throw new Error(`POST /api/meetings: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };

  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseURL.replace(/^http/, 'ws') + SYNC_PATH, id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { [TICKET_QUERY_KEY]: await ticketFor(server, id, 'Seeder') },
  });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    doc.transact(() => {
      for (let i = 0; i < items; i++) {
        const itemId = addAgendaItem(doc, { title: `議題 ${i + 1}: Topic ${i + 1}`, presenter: i % 2 ? 'Sato' : '田中', timeboxMinutes: 5 + (i % 4) * 5 });
        const notes = getAgendaNotes(doc, itemId);
        notes.insert(0, SENTENCES.map((sentence) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(sentence)]);
          return paragraph;
        }));
      }
    });
    await new Promise<void>((resolve, reject) => {
      const nonce = 1;
      provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
        if (decoding.readVarUint(decoder) >= nonce) resolve();
      };
      provider.messageHandlers[MessageType.saveFailed] = (_encoder, decoder) => reject(new Error(decoding.readVarString(decoder)));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.saveRequest);
      encoding.writeVarUint(encoder, nonce);
      provider.ws!.send(encoding.toUint8Array(encoder));
    });
  } finally {
    provider.destroy();
    doc.destroy();
  }
  return id;
}

const PEER_COLORS = ['#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f'];

/**
 * `count` more people in the room, each a real sync client with its own copy of the document,
 * whose presence changes (what they are editing) about once a second, as a busy meeting's would.
 * Returns a function that makes them leave.
 */
export async function simulatePeers(server: BenchServer, meetingId: string, count: number): Promise<() => void> {
  const baseURL = server.baseURL;
  const peers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(baseURL.replace(/^http/, 'ws') + SYNC_PATH, meetingId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { [TICKET_QUERY_KEY]: await ticketFor(server, meetingId, `Peer ${i + 1}`) },
      });
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      provider.awareness.setLocalState({ user: { name: `Peer ${i + 1}`, color: PEER_COLORS[i % PEER_COLORS.length] }, editing: null });
      return { doc, provider };
    }),
  );
  const itemIds = [...peers[0]!.doc.getMap('agenda').keys()];
  const fields = ['title', 'presenter', 'notes'] as const;
  const timer = setInterval(() => {
    for (const { provider } of peers) {
      if (Math.random() < 0.5) continue;
      const agendaItemId = itemIds[Math.floor(Math.random() * itemIds.length)]!;
      provider.awareness.setLocalStateField('editing', { agendaItemId, field: fields[Math.floor(Math.random() * fields.length)] });
    }
  }, 500);
  return () => {
    clearInterval(timer);
    for (const { provider, doc } of peers) {
      provider.destroy();
      doc.destroy();
    }
  };
}
