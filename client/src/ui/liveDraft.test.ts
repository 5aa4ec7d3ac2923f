import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMIT_IDLE_MS, LiveDraftController, type LiveDraftRules } from './liveDraft';

/** A field over a shared value, as useLiveDraft drives it: `remote` is another person's write. */
function field(initial: string, rules: Omit<LiveDraftRules, 'onCommit'> & { onCommit?: (value: string) => void } = {}) {
  let shared = initial;
  const writes: string[] = [];
  const onCommit =
    rules.onCommit ??
    ((value: string) => {
      writes.push(value);
      shared = value;
      live.sync(shared, { ...rules, onCommit });
      live.followValue();
    });
  const live = new LiveDraftController(initial, { ...rules, onCommit });
  return {
    live,
    writes,
    remote(value: string) {
      shared = value;
      live.sync(shared, { ...rules, onCommit });
      live.followValue();
    },
    get shared() {
      return shared;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the live-field rule', () => {
  it('writes the draft after a pause in typing, once', () => {
    const f = field('');
    f.live.change('定');
    vi.advanceTimersByTime(COMMIT_IDLE_MS - 1);
    f.live.change('定例');
    vi.advanceTimersByTime(COMMIT_IDLE_MS - 1);
    expect(f.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(f.writes).toEqual(['定例']);
    vi.advanceTimersByTime(COMMIT_IDLE_MS * 3);
    expect(f.writes).toEqual(['定例']);
  });

  it('never writes in the middle of an IME composition; the pause after it ends does', () => {
    const f = field('');
    f.live.compositionStart();
    f.live.change('かいぎ');
    vi.advanceTimersByTime(COMMIT_IDLE_MS * 5);
    expect(f.writes).toEqual([]);
    f.live.change('会議');
    f.live.compositionEnd();
    vi.advanceTimersByTime(COMMIT_IDLE_MS - 1);
    expect(f.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(f.writes).toEqual(['会議']);
  });

  it('keeps unwritten typing when someone else changes the value, then writes it', () => {
    const f = field('週次定例');
    f.live.change('週次定例（営業）');
    f.remote('月次定例');
    expect(f.live.getState().draft).toBe('週次定例（営業）');
    f.live.commit();
    expect(f.writes).toEqual(['週次定例（営業）']);
  });

  it('follows remote changes when only focused, and writes nothing on blur', () => {
    const f = field('A');
    f.remote('B');
    expect(f.live.getState().draft).toBe('B');
    f.live.leave();
    vi.advanceTimersByTime(COMMIT_IDLE_MS * 2);
    expect(f.writes).toEqual([]);
    expect(f.shared).toBe('B');
  });

  it('writes nothing when the draft is typed back to the shared value', () => {
    const f = field('A');
    f.live.change('AB');
    f.live.change('A');
    f.live.commit();
    expect(f.writes).toEqual([]);
    f.remote('C');
    expect(f.live.getState().draft).toBe('C');
  });

  it('keeps the draft and shows the message when the write throws', () => {
    const f = field('1', {
      onCommit: () => {
        throw new Error('not a number');
      },
    });
    f.live.change('x');
    f.live.commit();
    expect(f.live.getState()).toEqual({ draft: 'x', error: 'not a number' });
    f.live.change('x2');
    expect(f.live.getState().error).toBeNull();
  });

  it('refuses an empty required value, and puts the shared one back when the person leaves', () => {
    const f = field('Title', { required: true, requiredMessage: 'enter a title' });
    f.live.change('  ');
    f.live.commit();
    expect(f.live.getState()).toEqual({ draft: '  ', error: 'enter a title' });
    expect(f.writes).toEqual([]);
    f.live.leave();
    expect(f.live.getState()).toEqual({ draft: 'Title', error: null });
    expect(f.writes).toEqual([]);
  });

  it('reverts on Escape: the pending write is dropped and remote changes show again', () => {
    const f = field('A');
    f.live.change('AB');
    f.live.revert();
    vi.advanceTimersByTime(COMMIT_IDLE_MS * 2);
    expect(f.writes).toEqual([]);
    expect(f.live.getState().draft).toBe('A');
    f.remote('Z');
    expect(f.live.getState().draft).toBe('Z');
  });

  it('writes with the newest onCommit and compares with the newest value', () => {
    const first = vi.fn();
    const second = vi.fn();
    const live = new LiveDraftController('A', { onCommit: first });
    live.change('B');
    live.sync('B', { onCommit: second }); // the shared value became the draft meanwhile
    live.commit();
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    live.change('C');
    live.commit();
    expect(second).toHaveBeenCalledWith('C');
  });

  it('writes nothing after the field is gone', () => {
    const f = field('');
    f.live.change('draft');
    f.live.dispose();
    vi.advanceTimersByTime(COMMIT_IDLE_MS * 2);
    expect(f.writes).toEqual([]);
  });

  it('tells its reader only when the draft or the message changes', () => {
    const f = field('A');
    const listener = vi.fn();
    f.live.subscribe(listener);
    f.remote('A');
    f.live.commit();
    expect(listener).not.toHaveBeenCalled();
    f.live.change('B');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
