/**
 * Crafted updates from an authenticated participant, against a live room: delete sets reaching
 * past another client's clock, structs that continue past what the meeting has, content written
 * under someone else's client id, records that break the document's layout. Each is refused, the
 * sender is told, the room, the store and every other client stay byte for byte as they were, and
 * the victim's next edit is stored exactly as they made it.
 */
import { createHash } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  UpdateRefused,
  addAgendaItem,
  addActionItem,
  addIssue,
  getMeta,
  updateAgendaItem,
  listAgendaItems,
  startMeeting,
  toMeetingView,
  updateMeta,
} from '@suishin/shared';
import { randomEdit, seededRandom } from '@suishin/shared/testing';
import { createRoleLink } from '../testing/serverAccess';
import {
  connectRaw,
  connectStockClient,
  deniedReason,
  isAttachedFrame,
  sendAndSettle,
  syncUpdateFrame,
  waitForDoc,
  type RawClient,
  type StockClient,
} from '../testing/syncClients';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';
import { docFromStored } from '../meetings/storedDocument';

/** An update with no structs and one delete range: `{client: [clock, clock + len)}`. */
export function deleteRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

/** The updates `edit` makes on a copy of `base`, under `clientID` if given (a crafted doc). */
function updatesOf(base: Y.Doc, edit: (doc: Y.Doc) => void, clientID?: number): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  // Set after loading: Yjs gives a doc a new id when a remote update writes under its own.
  if (clientID !== undefined) doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  edit(doc);
  doc.destroy();
  return updates;
}

async function storedDigest(t: TestServer, meetingId: string) {
  await t.server.rooms.peek(meetingId)?.whenIdle();
  await t.server.store.flush();
  const stored = await t.server.store.loadMeeting(meetingId);
  const h = createHash('sha256');
  if (stored?.snapshot) h.update(stored.snapshot);
  for (const u of stored?.updates ?? []) h.update(`${u.seq}:`).update(u.data);
  return h.digest('hex');
}

async function storedDoc(t: TestServer, meetingId: string) {
  await t.server.rooms.peek(meetingId)?.whenIdle();
  await t.server.store.flush();
  return docFromStored((await t.server.store.loadMeeting(meetingId))!);
}

async function setup() {
  const t = await startTestServer();
  const meetingId = await createMeetingViaApi(t, 'Weekly sync');
  const participant = await createRoleLink(t, meetingId, 'participant');
  const victim = await connectStockClient(t, meetingId, { name: 'Facilitator' });
  const bystander = await connectStockClient(t, meetingId, { token: participant.token, name: 'Bystander' });
  const attacker = await connectRaw(t, meetingId, { token: (await createRoleLink(t, meetingId, 'participant', 48)).token, name: 'Mallory' });
  await attacker.next(isAttachedFrame);
  addAgendaItem(victim.doc, { title: 'Pipeline' });
  updateMeta(victim.doc, { title: 'Weekly sync #1' });
  await waitForDoc(bystander.doc, (d) => listAgendaItems(d).length === 1 && getMeta(d).title === 'Weekly sync #1', 'the victim’s edits');
  return { t, meetingId, victim, bystander, attacker, participantToken: participant.token };
}

/**
 * Sends `updates` from the attacker and asserts they were refused with `reason` and changed
 * nothing anywhere: the room's document, the store, the bystander's copy.
 */
async function expectRefusedUnchanged(
  { t, meetingId, bystander, attacker }: { t: TestServer; meetingId: string; bystander: StockClient; attacker: RawClient },
  updates: Uint8Array[],
  reason: string,
  nonce: number,
) {
  const room = t.server.rooms.peek(meetingId)!;
  const served = Y.encodeStateAsUpdate(room.doc);
  const stored = await storedDigest(t, meetingId);
  const seen = Y.encodeStateAsUpdate(bystander.doc);
  expect(await sendAndSettle(attacker, updates.map(syncUpdateFrame), nonce)).toBe(reason);
  // The sender is told why (notices go out at most once a second, so look at all of them).
  expect(attacker.frames.map(deniedReason).some((r) => r?.startsWith(`${reason}: `))).toBe(true);
  expect(Y.encodeStateAsUpdate(room.doc)).toEqual(served);
  expect(await storedDigest(t, meetingId)).toBe(stored);
  expect(Y.encodeStateAsUpdate(bystander.doc)).toEqual(seen);
  expect(attacker.ws.readyState).toBe(attacker.ws.OPEN);
}

/** The victim edits; the store, the room and the bystander then hold exactly the victim's document. */
async function expectVictimEditStored(s: Awaited<ReturnType<typeof setup>>) {
  updateMeta(s.victim.doc, { title: 'Typed by the facilitator' });
  startMeeting(s.victim.doc, Date.now());
  addAgendaItem(s.victim.doc, { title: 'Added after the attack' });
  const arrived = (d: Y.Doc) =>
    getMeta(d).status === 'live' && JSON.stringify(toMeetingView(d, s.meetingId)) === JSON.stringify(toMeetingView(s.victim.doc, s.meetingId));
  await waitForDoc(s.bystander.doc, arrived, 'the victim’s edits at the bystander');
  const stored = await storedDoc(s.t, s.meetingId);
  expect(getMeta(stored)).toMatchObject({ title: 'Typed by the facilitator', status: 'live' });
  expect(toMeetingView(stored, s.meetingId)).toEqual(toMeetingView(s.victim.doc, s.meetingId));
  expect(toMeetingView(s.bystander.doc, s.meetingId)).toEqual(toMeetingView(s.victim.doc, s.meetingId));
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(s.victim.doc));
}

describe('crafted updates against a live room', () => {
  it('a delete set past the victim’s clock is refused; the victim’s later edits are stored as made', async () => {
    const s = await setup();
    const victimId = s.victim.doc.clientID;
    const clock = Y.getState(s.victim.doc.store, victimId);
    await expectRefusedUnchanged(s, [deleteRangeUpdate(victimId, clock, 100_000)], UpdateRefused.outOfRange, 1);
    // Also one that starts inside what the meeting has and reaches past it.
    await expectRefusedUnchanged(s, [deleteRangeUpdate(victimId, clock - 1, 100_000)], UpdateRefused.outOfRange, 2);
    await expectVictimEditStored(s);
  });

  it('structs past what the meeting has (a gap, an unknown origin) are refused', async () => {
    const s = await setup();
    const room = s.t.server.rooms.peek(s.meetingId)!;
    // Two edits of the attacker's own doc; only the second is sent: it continues past clock 0.
    const [, second] = updatesOf(room.doc, (d) => {
      addAgendaItem(d, { title: 'first' });
      addAgendaItem(d, { title: 'second' });
    });
    await expectRefusedUnchanged(s, [second!], UpdateRefused.outOfRange, 1);
    // An item inserted after one the meeting never saw, under a new client id (starting at 0).
    const ghost = new Y.Doc();
    Y.applyUpdate(ghost, Y.encodeStateAsUpdate(room.doc));
    const notes = updatesOf(ghost, (d) => {
      d.getMap<Y.Map<unknown>>('agenda').forEach((item) => (item.get('notes') as Y.XmlFragment).insert(0, [new Y.XmlText('unseen')]));
    });
    Y.applyUpdate(ghost, notes[0]!);
    const after = updatesOf(ghost, (d) => {
      d.getMap<Y.Map<unknown>>('agenda').forEach((item) => (item.get('notes') as Y.XmlFragment).insert(1, [new Y.XmlText('after')]));
    });
    await expectRefusedUnchanged(s, after, UpdateRefused.outOfRange, 2);
    await expectVictimEditStored(s);
  });

  it('content under another sign-in’s client id is refused, before and after a restart', async () => {
    const s = await setup();
    const victimId = s.victim.doc.clientID;
    const room = s.t.server.rooms.peek(s.meetingId)!;
    const forged = updatesOf(room.doc, (d) => updateMeta(d, { title: 'forged' }), victimId);
    await expectRefusedUnchanged(s, forged, UpdateRefused.clientIdTaken, 1);
    // A client id that has only shown presence, never written, is held too.
    const quiet = await connectStockClient(s.t, s.meetingId, { token: s.participantToken, name: 'Quiet' });
    quiet.provider.awareness.setLocalStateField('user', { color: '#08f' }); // as the room page does on joining
    while (!room.awareness.getStates().has(quiet.doc.clientID)) await new Promise((r) => setTimeout(r, 20));
    const early = updatesOf(room.doc, (d) => addAgendaItem(d, { title: 'first under the quiet id' }), quiet.doc.clientID);
    await expectRefusedUnchanged(s, early, UpdateRefused.clientIdTaken, 2);
    await expectVictimEditStored(s);

    // Bindings are stored: after a restart the victim's id is still theirs.
    const t = await s.t.restart();
    const attacker = await connectRaw(t, s.meetingId, { token: (await createRoleLink(t, s.meetingId, 'participant', 48)).token });
    await attacker.next(isAttachedFrame);
    const bystander = await connectStockClient(t, s.meetingId, { token: s.participantToken, name: 'Bystander' });
    const again = updatesOf((await storedDoc(t, s.meetingId)), (d) => updateMeta(d, { title: 'forged after restart' }), victimId);
    await expectRefusedUnchanged({ t, meetingId: s.meetingId, bystander, attacker }, again, UpdateRefused.clientIdTaken, 3);
  });

  it('the same sign-in keeps its client id across reconnects', async () => {
    const t = await startTestServer();
    const meetingId = await createMeetingViaApi(t);
    const client = await connectStockClient(t, meetingId);
    const reader = await connectStockClient(t, meetingId);
    addAgendaItem(client.doc, { title: 'before' });
    await waitForDoc(reader.doc, (d) => listAgendaItems(d).length === 1);
    client.provider.disconnect();
    addAgendaItem(client.doc, { title: 'offline' }); // same doc, same client id
    client.provider.connect();
    await waitForDoc(reader.doc, (d) => listAgendaItems(d).length === 2, 'the offline edit after a reconnect');
    expect(getMeta(await storedDoc(t, meetingId)).title).toBe('Weekly sync');
    expect(listAgendaItems(await storedDoc(t, meetingId)).map((i) => i.title).sort()).toEqual(['before', 'offline']);
  });

  it('records that break the layout are refused: a number for a title, a 1 MB owner, an unknown status, an unknown key', async () => {
    const s = await setup();
    const room = s.t.server.rooms.peek(s.meetingId)!;
    const itemId = listAgendaItems(room.doc)[0]!.id;
    const agenda = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('agenda').get(itemId)!;
    let nonce = 1;
    const refuse = (edit: (d: Y.Doc) => void) => expectRefusedUnchanged(s, updatesOf(room.doc, edit), UpdateRefused.invalidRecord, nonce++);
    await refuse((d) => agenda(d).set('title', 42));
    await refuse((d) => agenda(d).set('status', 'bogus'));
    await refuse((d) => d.getArray('evil').insert(0, ['x']));
    // A new connection: three layout refusals close one (each costs rebuilding the scratch copy).
    s.attacker.ws.close();
    const attacker = await connectRaw(s.t, s.meetingId, { token: (await createRoleLink(s.t, s.meetingId, 'participant', 72)).token });
    await attacker.next(isAttachedFrame);
    const s2 = { ...s, attacker };
    const owner = 'x'.repeat(1_000_000);
    const big = updatesOf(room.doc, (d) => {
      const id = addActionItem(d, { title: 'ok' });
      d.getMap<Y.Map<unknown>>('actionItems').get(id)!.set('owner', { name: owner, department: '' });
    });
    await expectRefusedUnchanged(s2, [Y.mergeUpdates(big)], UpdateRefused.invalidRecord, 10);
    await expectVictimEditStored(s2);
  });

  it('crafted 課題 records are refused: an unknown status, a forged parent decision, an unknown field', async () => {
    const s = await setup();
    const room = s.t.server.rooms.peek(s.meetingId)!;
    const crafted = (edit: (record: Y.Map<unknown>) => void) =>
      updatesOf(room.doc, (d) => {
        const id = addIssue(d, { title: '受注率の低下' });
        edit(d.getMap<Y.Map<unknown>>('issues').get(id)!);
      });
    await expectRefusedUnchanged(s, [Y.mergeUpdates(crafted((r) => r.set('status', 'solved')))], UpdateRefused.invalidRecord, 1);
    await expectRefusedUnchanged(
      s,
      [Y.mergeUpdates(crafted((r) => r.set('escalation', { trigger: 'hand', ask: '', tried: '', escalatedAt: 1, parentDecision: { text: '' } })))],
      UpdateRefused.invalidRecord,
      2,
    );
    s.attacker.ws.close();
    const attacker = await connectRaw(s.t, s.meetingId, { token: (await createRoleLink(s.t, s.meetingId, 'participant', 73)).token });
    await attacker.next(isAttachedFrame);
    const s2 = { ...s, attacker };
    await expectRefusedUnchanged(s2, [Y.mergeUpdates(crafted((r) => r.set('evil', 1)))], UpdateRefused.invalidRecord, 3);
    // The same edit with valid fields is taken: the refusals were for the fields, not the 課題 root.
    expect(await sendAndSettle(attacker, [syncUpdateFrame(Y.mergeUpdates(crafted((r) => r.set('status', 'analysing'))))], 4)).toBe('saved');
    await waitForDoc(s.bystander.doc, (d) => d.getMap('issues').size === 1, 'the valid 課題');
    await expectVictimEditStored(s2);
  });

  it('a connection that keeps sending layout-breaking updates is closed as malformed', async () => {
    const s = await setup();
    const room = s.t.server.rooms.peek(s.meetingId)!;
    for (let i = 0; i < 3; i++) {
      expect(await sendAndSettle(s.attacker, updatesOf(room.doc, (d) => d.getMap('meta').set('title', i)).map(syncUpdateFrame), i + 1)).toBe(
        UpdateRefused.invalidRecord,
      );
    }
    s.attacker.send(syncUpdateFrame(updatesOf(room.doc, (d) => d.getMap('meta').set('title', 9))[0]!));
    const closed = await s.attacker.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/invalid update: meta: title/);
    await expectVictimEditStored(s);
  });

  it('fuzz: valid edits mixed with crafted delete sets, out-of-range structs, forged ids and bad records; the store holds exactly the valid edits', async () => {
    const s = await setup();
    const room = s.t.server.rooms.peek(s.meetingId)!;
    await room.whenIdle();
    const victimId = s.victim.doc.clientID;
    // The participant's honest copy: every edit made on it is sent, and it is what the meeting must end up as.
    const valid = new Y.Doc();
    Y.applyUpdate(valid, Y.encodeStateAsUpdate(room.doc));
    const pending: Uint8Array[] = [];
    valid.on('update', (u: Uint8Array) => pending.push(u));
    const token = (await createRoleLink(s.t, s.meetingId, 'participant', 96)).token;
    let socket = await connectRaw(s.t, s.meetingId, { token, name: 'Fuzzer' });
    await socket.next(isAttachedFrame);
    let invalidOnSocket = 0;
    const random = seededRandom(20261206);
    const counts = { valid: 0, outOfRange: 0, clientIdTaken: 0, invalidRecord: 0 };
    for (let step = 0; step < 400; step++) {
      const roll = random();
      let frames: Uint8Array[];
      let expected: string;
      if (roll < 0.45) {
        randomEdit(valid, random, `f${step}`);
        frames = pending.splice(0).map(syncUpdateFrame);
        expected = 'saved';
        counts.valid++;
      } else if (roll < 0.6) {
        const target = random() < 0.5 ? victimId : valid.clientID;
        const clock = Y.getState(valid.store, target);
        const from = Math.max(0, clock - Math.floor(random() * 3)); // may start inside what exists; always reaches past it
        frames = [syncUpdateFrame(deleteRangeUpdate(target, from, clock - from + 1 + Math.floor(random() * 1000)))];
        expected = UpdateRefused.outOfRange;
        counts.outOfRange++;
      } else if (roll < 0.75) {
        // Structs that continue past what the meeting has: the second of two edits, alone.
        const [, second] = updatesOf(valid, (d) => {
          const id = addAgendaItem(d, { title: `unsent ${step}` });
          updateAgendaItem(d, id, { title: `built on the unsent item ${step}`, timeboxMinutes: Math.floor(random() * 60) });
        }, valid.clientID);
        frames = [syncUpdateFrame(second!)];
        expected = UpdateRefused.outOfRange;
        counts.outOfRange++;
      } else if (roll < 0.9) {
        // New content under the victim's id (a delete alone writes under no id, and is anyone's to make).
        frames = [syncUpdateFrame(Y.mergeUpdates(updatesOf(valid, (d) => {
          randomEdit(d, random, `forged${step}`);
          addAgendaItem(d, { title: `forged ${step}` });
        }, victimId)))];
        expected = UpdateRefused.clientIdTaken;
        counts.clientIdTaken++;
      } else {
        const bad = [
          (d: Y.Doc) => d.getMap('meta').set('title', step),
          (d: Y.Doc) => d.getMap('meta').set('status', 'paused'),
          (d: Y.Doc) => d.getArray(`evil${step}`).insert(0, [step]),
          (d: Y.Doc) => d.getMap('kpis').set(`k${step}`, new Y.Map([['name', 'only a name']])),
        ][Math.floor(random() * 4)]!;
        frames = updatesOf(valid, bad, 1_000_000 + step).map(syncUpdateFrame);
        expected = UpdateRefused.invalidRecord;
        counts.invalidRecord++;
        if (++invalidOnSocket > 3) {
          socket.ws.close(); // a fourth would close it as malformed: go on over a new socket
          socket = await connectRaw(s.t, s.meetingId, { token, name: 'Fuzzer' });
          await socket.next(isAttachedFrame);
          invalidOnSocket = 1;
        }
      }
      expect(await sendAndSettle(socket, frames, step + 1), `step ${step}`).toBe(expected);
    }
    expect(Math.min(...Object.values(counts))).toBeGreaterThan(20);
    await room.whenIdle();
    const stored = await storedDoc(s.t, s.meetingId);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(valid));
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(valid))).toBe(true);
    expect(toMeetingView(stored, s.meetingId)).toEqual(toMeetingView(valid, s.meetingId));
    await waitForDoc(s.bystander.doc, (d) => JSON.stringify(toMeetingView(d, s.meetingId)) === JSON.stringify(toMeetingView(valid, s.meetingId)), 'the bystander equals the valid edits');
    await expectVictimEditStored(s);
  });
});
