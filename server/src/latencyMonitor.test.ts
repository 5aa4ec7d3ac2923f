import { describe, expect, it } from 'vitest';
import { createLatencyMonitor } from './latencyMonitor';

describe('latency monitor', () => {
  it('reads the distribution since the last reading, then starts over', () => {
    const monitor = createLatencyMonitor();
    expect(monitor.takeReading()).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
    for (let i = 1; i <= 100; i++) monitor.record(i / 10); // 0.1 … 10 ms
    const reading = monitor.takeReading();
    expect(reading.count).toBe(100);
    expect(reading.p50Ms).toBeCloseTo(5, 0);
    expect(reading.p99Ms).toBeCloseTo(9.9, 0);
    expect(reading.maxMs).toBeCloseTo(10, 1);
    expect(monitor.takeReading().count).toBe(0);
  });
});
