/**
 * Per-connection rate limits throttle, they do not cut off: a client over its budget waits (its
 * socket is not read meanwhile) and everything it sent arrives; only one that stays over its budget
 * for RATE_LIMIT_MAX_THROTTLED_SECONDS is closed, with a code every client retries.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, MessageType, PERMANENT_CLOSE_CODES, addAgendaItem, listAgendaItems } from '@suishin/shared';
import { createRoleLink } from '../testing/serverAccess';
import {
  connectRaw,
  connectStockClient,
  frameOf,
  isAttachedFrame,
  saveRequestFrame,
  savedNonce,
  waitForDoc,
} from '../testing/syncClients';
import { createMeetingViaApi, startTestServer } from '../testing/testServer';

async function meeting(env: Record<string, string>) {
  const t = await startTestServer({ env });
  const id = await createMeetingViaApi(t, 'Import');
  const participant = await createRoleLink(t, id, 'participant');
  return { t, id, participantToken: participant.token };
}

describe('per-connection rate limits', () => {
  it('a stock client pushing 500 edits as fast as it can is throttled, not cut off: all 500 arrive, and other rooms stay responsive', async () => {
    const { t, id, participantToken } = await meeting({ RATE_LIMIT_MESSAGES_PER_SECOND: '100', RATE_LIMIT_MESSAGE_BURST: '100' });
    const importer = await connectStockClient(t, id, { token: participantToken, name: 'Import script' });
    const reader = await connectStockClient(t, id, { name: 'Reader' });
    const otherRoom = await createMeetingViaApi(t, 'Another meeting');
    const otherA = await connectStockClient(t, otherRoom, { name: 'A' });
    const otherB = await connectStockClient(t, otherRoom, { name: 'B' });
    let closes = 0;
    importer.provider.on('connection-close', () => closes++);

    // One update (one message) per edit, as fast as the provider sends them.
    for (let i = 0; i < 500; i++) addAgendaItem(importer.doc, { title: `imported ${i}` });
    // While the importer is held back (400 messages over its burst take about 4 s), another
    // meeting's edits go through at once.
    addAgendaItem(otherA.doc, { title: 'meanwhile' });
    await waitForDoc(otherB.doc, (d) => listAgendaItems(d).length === 1, 'the other room’s edit');
    expect(listAgendaItems(reader.doc).length).toBeLessThan(500); // the import was still being throttled

    await waitForDoc(reader.doc, (d) => listAgendaItems(d).length === 500, 'all 500 imported items at the reader');
    expect(closes).toBe(0);
    expect(importer.provider.wsconnected).toBe(true);
  });

  it('holds a flood of messages to the limit, answering every one of them', async () => {
    const { t, id, participantToken } = await meeting({ RATE_LIMIT_MESSAGES_PER_SECOND: '50', RATE_LIMIT_MESSAGE_BURST: '50' });
    const flood = await connectRaw(t, id, { token: participantToken, name: 'Flood' });
    await flood.next(isAttachedFrame);
    const started = performance.now();
    for (let i = 1; i <= 200; i++) flood.send(saveRequestFrame(i));
    await flood.next((f) => savedNonce(f) === 200);
    // 150 messages over the burst, at 50 a second: no sooner than 3 s (a lower bound: never flaky).
    expect(performance.now() - started).toBeGreaterThan(2_800);
    const answered = flood.frames.map(savedNonce).filter((n) => n !== null);
    expect(answered).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(flood.ws.readyState).toBe(flood.ws.OPEN);
  });

  it('holds a flood of bytes to the limit', async () => {
    const { t, id, participantToken } = await meeting({
      MAX_MESSAGE_BYTES: String(16 * 1024),
      RATE_LIMIT_BYTES_PER_SECOND: String(64 * 1024),
    });
    const flood = await connectRaw(t, id, { token: participantToken, name: 'Flood' });
    await flood.next(isAttachedFrame);
    const padding = new awarenessProtocol.Awareness(new Y.Doc());
    padding.setLocalState({ pad: 'p'.repeat(3_000) }); // presence states are limited to 4 KiB
    const frame = frameOf((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(padding, [padding.clientID]));
    });
    const started = performance.now();
    for (let i = 0; i < 100; i++) flood.send(frame);
    flood.send(saveRequestFrame(1));
    await flood.next((f) => savedNonce(f) === 1);
    // About 300 KB against a 128 KiB burst at 64 KiB/s: no sooner than 2.5 s.
    expect(performance.now() - started).toBeGreaterThan(2_300);
    expect(flood.ws.readyState).toBe(flood.ws.OPEN);
    padding.destroy();
  });

  it('closes a connection that stays over its limit, with a code clients retry', async () => {
    const { t, id, participantToken } = await meeting({
      RATE_LIMIT_MESSAGES_PER_SECOND: '10',
      RATE_LIMIT_MESSAGE_BURST: '10',
      RATE_LIMIT_MAX_THROTTLED_SECONDS: '1',
    });
    const flood = await connectRaw(t, id, { token: participantToken, name: 'Flood' });
    await flood.next(isAttachedFrame);
    for (let i = 1; i <= 200; i++) flood.send(saveRequestFrame(i)); // 19 s of budget
    const closed = await flood.closed;
    expect(closed.code).toBe(CloseCode.tryAgainLater);
    expect(PERMANENT_CLOSE_CODES.has(closed.code)).toBe(false);
    expect(closed.code < 4400 || closed.code > 4499).toBe(true); // y-websocket 3 gives up on 4400–4499
    // The meeting is fine for everyone else.
    const a = await connectStockClient(t, id, { name: 'A' });
    const b = await connectStockClient(t, id, { token: participantToken, name: 'B' });
    addAgendaItem(a.doc, { title: 'still fine' });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 1);
  });
});
