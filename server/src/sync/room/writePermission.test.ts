/**
 * Roles on the wire, with the stock y-websocket client: what an observer, a participant after the
 * meeting ended, or a participant steering the meeting sends is dropped (never stored, never
 * relayed) and the sender is told; presence identity comes from the credential.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  PermissionDenied,
  addAgendaItem,
  endMeeting,
  getMeta,
  listAgendaItems,
  startMeeting,
} from '@suishin/shared';
import { adminHeaders, createRoleLink } from '../../testing/serverAccess';
import {
  connectRaw,
  connectStockClient,
  deniedReason,
  editsOf,
  frameOf,
  sendAndSettle,
  syncUpdateFrame,
  waitForDoc,
  type StockClient,
} from '../../testing/syncClients';
import { createMeetingViaApi, startTestServer, type TestServer } from '../../testing/testServer';
import { docFromStored } from '../../meetings/storedDocument';

const titles = (doc: Y.Doc) => listAgendaItems(doc).map((i) => i.title).sort();

async function storedTitles(t: TestServer, meeting: string) {
  await t.server.rooms.peek(meeting)?.whenIdle();
  await t.server.store.flush();
  return titles(docFromStored((await t.server.store.loadMeeting(meeting))!));
}

/** Resolves once the server has handled everything `client` sent before (it answers queryAwareness in order). */
function roundTrip(client: StockClient): Promise<void> {
  return new Promise((resolve) => {
    const handlers = client.provider.messageHandlers;
    const original = handlers[MessageType.awareness]!;
    handlers[MessageType.awareness] = (...args) => {
      handlers[MessageType.awareness] = original;
      original(...args);
      resolve();
    };
    client.provider.ws!.send(Uint8Array.from([MessageType.queryAwareness]));
  });
}

async function meetingWithRoles(env?: Record<string, string>) {
  const t = await startTestServer({ env });
  const meeting = await createMeetingViaApi(t, 'Weekly sync');
  const participant = await createRoleLink(t, meeting, 'participant');
  const observer = await createRoleLink(t, meeting, 'observer');
  return { t, meeting, participantToken: participant.token, observerToken: observer.token };
}

describe('write permission on the wire', () => {
  it("an observer's edits never reach the store or other clients, while a participant's do; the observer still reads live", async () => {
    const { t, meeting, participantToken, observerToken } = await meetingWithRoles();
    const facilitator = await connectStockClient(t, meeting, { name: 'Fumi' });
    const participant = await connectStockClient(t, meeting, { token: participantToken, name: 'Pat' });
    const observerStock = await connectStockClient(t, meeting, { token: observerToken, name: 'Olivia' });
    const observerRaw = await connectRaw(t, meeting, { token: observerToken, name: 'Olivia' });
    // Told at once, before trying anything.
    expect(deniedReason(await observerRaw.next((f) => deniedReason(f) !== null))).toBe(PermissionDenied.readOnly);

    addAgendaItem(observerStock.doc, { title: 'observer (stock client)' });
    await roundTrip(observerStock);
    // A crafted SyncStep2 and Update from the raw observer socket, then a save request: all handled.
    expect(await sendAndSettle(observerRaw, editsOf((d) => addAgendaItem(d, { title: 'observer (raw update)' })), 1)).toBe(PermissionDenied.readOnly);
    const step2 = editsOf((d) => addAgendaItem(d, { title: 'observer (raw SyncStep2)' }))[0]!;
    step2[1] = 1; // sync message type 1 = SyncStep2, same payload
    expect(await sendAndSettle(observerRaw, [step2], 2)).toBe(PermissionDenied.readOnly);
    // Sending back what the room already has is no lost edit: that save request is answered saved.
    expect(await sendAndSettle(observerRaw, [syncUpdateFrame(Y.encodeStateAsUpdate(t.server.rooms.peek(meeting)!.doc))], 3)).toBe('saved');

    addAgendaItem(participant.doc, { title: 'participant' });
    await waitForDoc(facilitator.doc, (d) => listAgendaItems(d).length >= 1, 'the participant edit at the facilitator');
    await waitForDoc(observerStock.doc, (d) => titles(d).includes('participant'), 'the participant edit at the observer');

    expect(titles(facilitator.doc)).toEqual(['participant']);
    expect(titles(participant.doc)).toEqual(['participant']);
    expect(titles(t.server.rooms.peek(meeting)!.doc)).toEqual(['participant']);
    expect(await storedTitles(t, meeting)).toEqual(['participant']);
    // The observer's socket stays open: reading and presence go on.
    expect(observerRaw.ws.readyState).toBe(observerRaw.ws.OPEN);
  });

  it("after the meeting ends, a participant's update changes nothing in the store or other clients; the ending update itself is kept", async () => {
    const { t, meeting, participantToken } = await meetingWithRoles();
    const facilitator = await connectStockClient(t, meeting, { name: 'Fumi' });
    const participant = await connectStockClient(t, meeting, { token: participantToken, name: 'Pat' });
    const other = await connectStockClient(t, meeting, { token: participantToken, name: 'Quinn' });
    const raw = await connectRaw(t, meeting, { token: participantToken, name: 'Ray' });
    addAgendaItem(participant.doc, { title: 'before the end' });
    await waitForDoc(facilitator.doc, (d) => listAgendaItems(d).length === 1);

    startMeeting(facilitator.doc, Date.now());
    await roundTrip(facilitator);
    await t.server.rooms.peek(meeting)!.whenIdle();
    // Meetings end through the closing checklist; a document update cannot end one (test below).
    const ending = await fetch(`${t.httpUrl}/api/meetings/${meeting}/end`, {
      method: 'POST',
      headers: { ...adminHeaders(t), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ending.status).toBe(200);
    // The ending is applied and relayed to everyone, and every open socket is told it is read-only now.
    await waitForDoc(other.doc, (d) => getMeta(d).status === 'ended', 'the end at the other participant');
    expect(deniedReason(await raw.next((f) => deniedReason(f) !== null))).toBe(PermissionDenied.readOnly);

    addAgendaItem(participant.doc, { title: 'too late (participant)' });
    await roundTrip(participant);
    addAgendaItem(facilitator.doc, { title: 'too late (facilitator)' });
    await roundTrip(facilitator);
    expect(await sendAndSettle(raw, editsOf((d) => addAgendaItem(d, { title: 'too late (raw)' })), 1)).toBe(PermissionDenied.readOnly);

    expect(titles(other.doc)).toEqual(['before the end']);
    expect(titles(t.server.rooms.peek(meeting)!.doc)).toEqual(['before the end']);
    expect(await storedTitles(t, meeting)).toEqual(['before the end']);
    const stored = docFromStored((await t.server.store.loadMeeting(meeting))!);
    expect(getMeta(stored).status).toBe('ended');
  });

  it('only a facilitator starts or steers the meeting, and nobody ends it by a document update', async () => {
    const { t, meeting, participantToken } = await meetingWithRoles();
    const facilitator = await connectStockClient(t, meeting, { name: 'Fumi' });
    const raw = await connectRaw(t, meeting, { token: participantToken, name: 'Pat' });
    const itemFrames = editsOf((d) => addAgendaItem(d, { title: 'first item' }));
    expect(await sendAndSettle(raw, itemFrames, 1)).toBe('saved');
    await waitForDoc(facilitator.doc, (d) => listAgendaItems(d).length === 1);

    // A participant's own copy of the document, ended locally: its update must not end the meeting.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(facilitator.doc));
    const endFrames = editsOf((d) => endMeeting(d, Date.now()), copy);
    expect(await sendAndSettle(raw, endFrames, 2)).toBe(PermissionDenied.facilitatorOnly);
    expect(raw.frames.map(deniedReason)).toContain(PermissionDenied.facilitatorOnly);
    expect(getMeta(t.server.rooms.peek(meeting)!.doc).status).toBe('draft');
    expect(getMeta(facilitator.doc).status).toBe('draft');

    // The facilitator's own start is accepted.
    startMeeting(facilitator.doc, Date.now());
    await roundTrip(facilitator);
    await t.server.rooms.peek(meeting)!.whenIdle();
    expect(getMeta(t.server.rooms.peek(meeting)!.doc).status).toBe('live');

    // Not even a facilitator ends it by a document update: that skips the closing checklist.
    const facilitatorRaw = await connectRaw(t, meeting, { name: 'Fumi' });
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(t.server.rooms.peek(meeting)!.doc));
    expect(await sendAndSettle(facilitatorRaw, editsOf((d) => endMeeting(d, Date.now()), live), 3)).toBe(PermissionDenied.endThroughClosing);
    expect(getMeta(t.server.rooms.peek(meeting)!.doc).status).toBe('live');
    expect(getMeta(facilitator.doc).status).toBe('live');
    // …and the room still takes the facilitator's other edits.
    expect(await sendAndSettle(facilitatorRaw, editsOf((d) => addAgendaItem(d, { title: 'second item' }), live), 4)).toBe('saved');
  });

  it("an awareness entry for another client's id is ignored, and forged names and roles are overwritten from the credential", async () => {
    const { t, meeting, observerToken } = await meetingWithRoles();
    const facilitator = await connectStockClient(t, meeting, { name: 'Fumi' });
    const observer = await connectStockClient(t, meeting, { token: observerToken, name: 'Olivia' });
    const room = t.server.rooms.peek(meeting)!;
    const sees = (client: StockClient, clientId: number, predicate: (state: Record<string, any> | undefined) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!predicate(client.provider.awareness.getStates().get(clientId) as Record<string, any> | undefined)) return;
          client.provider.awareness.off('change', check);
          resolve();
        };
        client.provider.awareness.on('change', check);
        check();
      });

    facilitator.provider.awareness.setLocalStateField('user', { name: 'Fumi', color: '#0f766e' });
    await sees(observer, facilitator.doc.clientID, (s) => s?.user?.name === 'Fumi');
    // The observer claims to be the facilitator, in its own state…
    observer.provider.awareness.setLocalStateField('user', { name: 'Fumi', role: 'facilitator', color: '#c2410c' });
    await sees(facilitator, observer.doc.clientID, (s) => s?.user !== undefined);
    expect(room.awareness.getStates().get(observer.doc.clientID)).toEqual({
      user: { name: 'Olivia', role: 'observer', color: '#c2410c' },
    });
    expect(facilitator.provider.awareness.getStates().get(observer.doc.clientID)).toEqual({
      user: { name: 'Olivia', role: 'observer', color: '#c2410c' },
    });

    // …and by writing the facilitator's client id: set and remove are both ignored.
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = facilitator.doc.clientID;
    forged.setLocalState({ user: { name: 'Mallory', color: '#000000' } });
    forged.meta.get(facilitator.doc.clientID)!.clock = 10_000;
    const ws = observer.provider.ws!;
    const awarenessMessage = (update: Uint8Array) =>
      frameOf((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, update);
      });
    ws.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(forged, [facilitator.doc.clientID])));
    forged.setLocalState(null);
    ws.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(forged, [facilitator.doc.clientID])));
    await roundTrip(observer);
    expect(room.awareness.getStates().get(facilitator.doc.clientID)).toEqual({
      user: { name: 'Fumi', role: 'facilitator', color: '#0f766e' },
    });
    forged.destroy();
  });

  it('an awareness state over 4 KiB closes only its sender', async () => {
    const { t, meeting, participantToken } = await meetingWithRoles();
    const facilitator = await connectStockClient(t, meeting, { name: 'Fumi' });
    const raw = await connectRaw(t, meeting, { token: participantToken, name: 'Pat' });
    const big = new awarenessProtocol.Awareness(new Y.Doc());
    big.setLocalState({ user: { name: 'Pat', color: '#0f766e' }, blob: 'x'.repeat(5000) });
    raw.send(
      frameOf((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(big, [big.clientID]));
      }),
    );
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.malformedMessage);
    expect(closed.reason).toMatch(/4096 bytes/);
    addAgendaItem(facilitator.doc, { title: 'still fine' });
    await roundTrip(facilitator);
    expect(await storedTitles(t, meeting)).toEqual(['still fine']);
    big.destroy();
  });
});
