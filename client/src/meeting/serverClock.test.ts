import { describe, expect, it } from 'vitest';
import { measureClockOffset, ServerClock } from './serverClock';

/** A fake network: the local clock advances `rtt/2` each way; the server is `skew` ms ahead. */
function fakeNetwork(skew: number, rtts: number[]) {
  let local = 1_000_000;
  let i = 0;
  return {
    localNow: () => local,
    fetchTime: async () => {
      const rtt = rtts[i++ % rtts.length]!;
      local += rtt / 2;
      const server = local + skew;
      local += rtt / 2;
      return server;
    },
  };
}

describe('server clock', () => {
  it('measures the offset from the fastest round trip', async () => {
    const net = fakeNetwork(-42_000, [300, 40, 500, 20, 90]);
    expect(await measureClockOffset(net.fetchTime, net.localNow)).toBe(-42_000);
  });

  it('falls back to offset 0 when the server has no time endpoint', async () => {
    expect(await measureClockOffset(async () => null, () => 5)).toBe(0);
  });

  it('gives two skewed clients the same server time', async () => {
    const a = fakeNetwork(5_000, [30]);
    const b = fakeNetwork(-3_000, [80]);
    const clockA = new ServerClock(a.fetchTime, a.localNow);
    const clockB = new ServerClock(b.fetchTime, b.localNow);
    await Promise.all([clockA.sync(), clockB.sync()]);
    expect(clockA.now() - a.localNow()).toBe(5_000);
    expect(clockB.now() - b.localNow()).toBe(-3_000);
  });

  it('keeps the last offset when measuring fails', async () => {
    let fail = false;
    const clock = new ServerClock(async () => {
      if (fail) throw new Error('offline');
      return 10_500;
    }, () => 10_000);
    await clock.sync();
    expect(clock.offset.get()).toBe(500);
    fail = true;
    await clock.sync(true);
    expect(clock.offset.get()).toBe(500);
  });
});
