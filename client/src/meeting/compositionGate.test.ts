import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CompositionGate } from './compositionGate';
import { watchCompositions } from './compositionWatcher';

function recordingGate() {
  const applied: string[] = [];
  const sent: Array<{ batch: readonly string[]; held: boolean }> = [];
  const gate = new CompositionGate<string, string>({
    applyIncoming: (m) => applied.push(m),
    sendOutgoing: (batch, held) => sent.push({ batch: [...batch], held }),
  });
  return { gate, applied, sent };
}

describe('CompositionGate', () => {
  it('passes traffic straight through while open', () => {
    const { gate, applied, sent } = recordingGate();
    gate.incoming('r1');
    gate.outgoing('l1');
    expect(applied).toEqual(['r1']);
    expect(sent).toEqual([{ batch: ['l1'], held: false }]);
  });

  it('holds both directions during a composition and flushes in order on release', () => {
    const { gate, applied, sent } = recordingGate();
    gate.hold();
    gate.incoming('r1');
    gate.outgoing('l1');
    gate.incoming('r2');
    gate.outgoing('l2');
    expect(applied).toEqual([]);
    expect(sent).toEqual([]);
    expect(gate.pendingIncoming).toBe(2);
    expect(gate.pendingOutgoing).toBe(2);
    gate.release();
    expect(applied).toEqual(['r1', 'r2']);
    expect(sent).toEqual([{ batch: ['l1', 'l2'], held: true }]);
    expect(gate.holding).toBe(false);
    expect(gate.pendingIncoming + gate.pendingOutgoing).toBe(0);
  });

  it('nests holds and ignores stray releases', () => {
    const { gate, applied } = recordingGate();
    gate.release();
    gate.hold();
    gate.hold();
    gate.incoming('r1');
    gate.release();
    expect(applied).toEqual([]);
    gate.release();
    expect(applied).toEqual(['r1']);
    gate.hold();
    gate.hold();
    gate.incoming('r2');
    gate.releaseAll();
    expect(applied).toEqual(['r1', 'r2']);
  });

  it('keeps flushing after a message that fails to apply', () => {
    const applied: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gate = new CompositionGate<string, string>({
      applyIncoming: (m) => {
        if (m === 'bad') throw new Error('malformed');
        applied.push(m);
      },
      sendOutgoing: () => {},
    });
    gate.hold();
    gate.incoming('bad');
    gate.incoming('good');
    gate.release();
    expect(applied).toEqual(['good']);
    error.mockRestore();
  });

  it('leaves two documents identical whether remote updates arrive during a composition or not', () => {
    // Alice composes; Bob's edits to the same text are held and applied after, and Alice's
    // held updates reach Bob merged. Both end with the same text, each keystroke exactly once.
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const aliceText = alice.getText('t');
    const bobText = bob.getText('t');
    const gate = new CompositionGate<Uint8Array, Uint8Array>({
      applyIncoming: (u) => Y.applyUpdate(alice, u, 'remote'),
      sendOutgoing: (batch) => Y.applyUpdate(bob, Y.mergeUpdates([...batch]), 'remote'),
    });
    alice.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && gate.outgoing(u));
    bob.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && gate.incoming(u));

    aliceText.insert(0, 'Hello ');
    gate.hold();
    aliceText.insert(6, 'かいぎ');
    bobText.insert(6, 'abc');
    aliceText.delete(6, 3);
    aliceText.insert(6, '会議');
    bobText.insert(9, 'd');
    expect(aliceText.toString()).toBe('Hello 会議'); // nothing of Bob's yet: the editor is untouched
    expect(bobText.toString()).toBe('Hello abcd'); // nothing of the composition reached Bob
    gate.release();
    expect(aliceText.toString()).toBe(bobText.toString());
    expect(aliceText.toString()).toContain('会議');
    expect(aliceText.toString()).not.toContain('かいぎ');
    expect(aliceText.toString().match(/abcd/g)).toHaveLength(1);
  });
});

describe('watchCompositions', () => {
  function setup() {
    vi.useFakeTimers();
    const target = new EventTarget();
    const calls: string[] = [];
    const stop = watchCompositions(target, { hold: () => calls.push('hold'), release: () => calls.push('release') }, { settleMs: 60, maxIdleMs: 1000 });
    const fire = (type: string) => target.dispatchEvent(new Event(type));
    return { calls, fire, stop };
  }

  it('holds from compositionstart until shortly after compositionend', () => {
    const { calls, fire, stop } = setup();
    fire('compositionstart');
    fire('compositionupdate');
    expect(calls).toEqual(['hold']);
    fire('compositionend');
    vi.advanceTimersByTime(59);
    expect(calls).toEqual(['hold']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['hold', 'release']);
    stop();
    vi.useRealTimers();
  });

  it('keeps one hold across back-to-back compositions', () => {
    const { calls, fire, stop } = setup();
    fire('compositionstart');
    fire('compositionend');
    vi.advanceTimersByTime(30);
    fire('compositionstart');
    vi.advanceTimersByTime(100);
    expect(calls).toEqual(['hold']);
    fire('compositionend');
    vi.advanceTimersByTime(60);
    expect(calls).toEqual(['hold', 'release']);
    stop();
    vi.useRealTimers();
  });

  it('lets go of a composition that never ends', () => {
    const { calls, fire, stop } = setup();
    fire('compositionstart');
    vi.advanceTimersByTime(900);
    fire('compositionupdate'); // still typing: the idle limit restarts
    vi.advanceTimersByTime(900);
    expect(calls).toEqual(['hold']);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual(['hold', 'release']);
    stop();
    vi.useRealTimers();
  });

  it('releases on stop', () => {
    const { calls, fire, stop } = setup();
    fire('compositionstart');
    stop();
    expect(calls).toEqual(['hold', 'release']);
    fire('compositionstart');
    expect(calls).toEqual(['hold', 'release']);
    vi.useRealTimers();
  });
});
