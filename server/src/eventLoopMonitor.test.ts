import { describe, expect, it } from 'vitest';
import { createEventLoopMonitor } from './eventLoopMonitor';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('event loop monitor', () => {
  it('reads about zero for an idle loop and the blocked time for a blocked one', async () => {
    const monitor = createEventLoopMonitor();
    try {
      // Idle: the timer's own 10 ms interval must not count as a stall (the calmest of three
      // windows, since other test files share the machine).
      const idle: number[] = [];
      for (let i = 0; i < 3; i++) {
        await sleep(200);
        idle.push(monitor.takeReading().p99Ms);
      }
      expect(Math.min(...idle)).toBeLessThan(8);
      await sleep(30);
      const until = performance.now() + 80;
      while (performance.now() < until); // block the loop for 80 ms
      await sleep(40);
      const blocked = monitor.takeReading().maxMs;
      expect(blocked).toBeGreaterThanOrEqual(60);
      expect(blocked).toBeLessThan(200);
    } finally {
      monitor.stop();
    }
  });
});
