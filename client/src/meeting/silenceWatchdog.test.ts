import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSilence } from './silenceWatchdog';

describe('watchSilence', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function setup(open = true) {
    let last = 0;
    const probe = vi.fn();
    const drop = vi.fn();
    const stop = watchSilence({ lastReceived: () => last, open: () => open, probe, drop, probeAfterMs: 1000, timeoutMs: 3000 });
    return { probe, drop, stop, receive: () => (last = Date.now()) };
  }

  it('probes a quiet socket once per quiet spell and drops it when nothing answers', () => {
    const { probe, drop } = setup();
    vi.advanceTimersByTime(999);
    expect(probe).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000); // 2.5 s of silence
    expect(drop).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500); // 3 s
    expect(drop).toHaveBeenCalledTimes(1);
  });

  it('keeps a socket that answers', () => {
    const { probe, drop, receive } = setup();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(1000);
      if (probe.mock.calls.length > i) receive(); // the server answers each probe
    }
    expect(probe).toHaveBeenCalled();
    expect(drop).not.toHaveBeenCalled();
  });

  it('watches nothing while no socket is open, and stops', () => {
    const closed = setup(false);
    vi.advanceTimersByTime(10_000);
    expect(closed.probe).not.toHaveBeenCalled();
    expect(closed.drop).not.toHaveBeenCalled();
    const open = setup();
    open.stop();
    vi.advanceTimersByTime(10_000);
    expect(open.drop).not.toHaveBeenCalled();
  });
});
