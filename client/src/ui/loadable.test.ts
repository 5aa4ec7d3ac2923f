import { describe, expect, it } from 'vitest';
import { loadable } from './loadable';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('loadable', () => {
  it('loads once however often it is asked, and keeps the module', async () => {
    let calls = 0;
    const page = loadable(async () => {
      calls++;
      return { Page: 'room' };
    });
    expect(page.get().status).toBe('idle');
    page.preload();
    page.preload();
    expect(page.get().status).toBe('loading');
    await tick();
    expect(page.get()).toEqual({ status: 'loaded', module: { Page: 'room' } });
    page.preload();
    expect(calls).toBe(1);
  });

  it('a failed load is `failed` with a retry that loads again', async () => {
    let attempt = 0;
    const page = loadable(async () => {
      attempt++;
      if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { Page: 'room' };
    });
    page.preload();
    await tick();
    const failed = page.get();
    expect(failed.status).toBe('failed');
    if (failed.status !== 'failed') return;
    expect((failed.error as Error).message).toMatch(/Failed to fetch/);
    failed.retry();
    expect(page.get().status).toBe('loading');
    await tick();
    expect(page.get().status).toBe('loaded');
    expect(attempt).toBe(2);
  });
});
