import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@suishin/shared';
import { AwarenessBroadcast } from './awarenessBroadcast';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person's own awareness (as a browser has it), whose updates we feed to the room's. */
function person(name: string) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name } });
  return awareness;
}

/** The client states a relayed frame carries: client id → state (null = removed). */
function statesIn(frame: Uint8Array): Map<number, unknown> {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const states = new Map<number, unknown>();
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    const client = decoding.readVarUint(update);
    decoding.readVarUint(update); // clock
    states.set(client, JSON.parse(decoding.readVarString(update)));
  }
  return states;
}

describe('AwarenessBroadcast', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  function room(delays = { changeMs: 10, renewalMs: 150 }) {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    const frames: Uint8Array[] = [];
    const broadcast = new AwarenessBroadcast(awareness, (f) => frames.push(f), delays);
    cleanups.push(() => {
      broadcast.destroy();
      awareness.destroy();
    });
    const receive = (from: awarenessProtocol.Awareness) =>
      awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(from, [from.clientID]), 'socket');
    return { awareness, frames, broadcast, receive };
  }

  it('relays fifty people joining at once as one frame carrying all of them, promptly', async () => {
    const r = room();
    const people = Array.from({ length: 50 }, (_, i) => person(`P${i}`));
    for (const p of people) r.receive(p);
    expect(r.frames).toHaveLength(0);
    await sleep(40);
    expect(r.frames).toHaveLength(1);
    const states = statesIn(r.frames[0]!);
    expect(states.size).toBe(50);
    expect(states.get(people[7]!.clientID)).toEqual({ user: { name: 'P7' } });
  });

  it('holds a renewal (same state) longer than a change, then relays it', async () => {
    const r = room();
    const p = person('Aiko');
    r.receive(p);
    await sleep(40);
    r.frames.length = 0;
    p.setLocalState({ user: { name: 'Aiko' } }); // renewal: new clock, same state
    r.receive(p);
    await sleep(40);
    expect(r.frames).toHaveLength(0);
    await sleep(200);
    expect(r.frames).toHaveLength(1);
    expect(statesIn(r.frames[0]!).get(p.clientID)).toEqual({ user: { name: 'Aiko' } });
  });

  it('a change arriving while renewals wait sends everything pending at the change delay', async () => {
    const r = room();
    const a = person('A');
    const b = person('B');
    r.receive(a);
    r.receive(b);
    await sleep(40);
    r.frames.length = 0;
    a.setLocalState({ user: { name: 'A' } });
    r.receive(a); // renewal
    b.setLocalStateField('cursor', { at: 3 });
    r.receive(b); // change
    await sleep(40);
    expect(r.frames).toHaveLength(1);
    expect([...statesIn(r.frames[0]!).keys()].sort()).toEqual([a.clientID, b.clientID].sort());
  });

  it('relays a removal as the latest state (null)', async () => {
    const r = room();
    const p = person('Aiko');
    r.receive(p);
    await sleep(40);
    r.frames.length = 0;
    awarenessProtocol.removeAwarenessStates(r.awareness, [p.clientID], 'socket closed');
    await sleep(40);
    expect(r.frames).toHaveLength(1);
    expect(statesIn(r.frames[0]!).get(p.clientID)).toBeNull();
  });

  it('sends nothing after destroy', async () => {
    const r = room();
    r.receive(person('Aiko'));
    r.broadcast.destroy();
    await sleep(40);
    expect(r.frames).toHaveLength(0);
  });
});
