/** What every Outbox adapter must do; each adapter's test calls runOutboxContract. */
import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../delivery/outbox';

const mail = (key: string) => ({ key, channel: 'email' as const, to: 'sato@example.jp', body: { subject: '本日のダイジェスト', text: 'x' } });

/** `open(shared)`: an outbox; two opened with the same `shared` see the same rows (a restart). */
export function runOutboxContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<Outbox> }) {
  describe(`Outbox contract: ${name}`, () => {
    it('[outbox-idempotent] one message per key; claimed once; sent is recorded', async () => {
      const box = await harness.open(harness.storage());
      expect(await box.enqueue(mail('k1'), 10)).toBe(true);
      expect(await box.enqueue({ ...mail('k1'), to: 'other@example.jp' }, 11)).toBe(false);
      expect(await box.enqueue(mail('k2'), 12)).toBe(true);
      expect(await box.claim(5)).toBeNull(); // not due yet
      const first = await box.claim(20);
      expect(first).toMatchObject({ key: 'k1', to: 'sato@example.jp', state: 'sending', attempts: 1, body: { subject: '本日のダイジェスト' } });
      expect((await box.claim(20))?.key).toBe('k2');
      expect(await box.claim(20)).toBeNull(); // nothing is claimed twice
      await box.markSent('k1', '<k1@suishin>');
      expect(await box.get('k1')).toMatchObject({ state: 'sent', sentId: '<k1@suishin>' });
    });

    it('[outbox-crash] a claim never recorded is in doubt after a restart, and never claimed again', async () => {
      const storage = harness.storage();
      const box = await harness.open(storage);
      await box.enqueue(mail('k1'), 1);
      await box.claim(1);
      const again = await harness.open(storage);
      expect((await again.inDoubt()).map((m) => m.key)).toEqual(['k1']);
      expect(await again.claim(100)).toBeNull();
    });

    it('[outbox-retry] a failure backs off to its retry time; a final failure is shown to the admin', async () => {
      const box = await harness.open(harness.storage());
      await box.enqueue(mail('k1'), 1);
      await box.claim(1);
      await box.markFailed('k1', 'connection refused', 50);
      expect(await box.claim(49)).toBeNull();
      expect((await box.problems()).map((m) => [m.key, m.state, m.lastError])).toEqual([['k1', 'pending', 'connection refused']]);
      expect(await box.claim(50)).toMatchObject({ key: 'k1', attempts: 2 });
      await box.markFailed('k1', '550 no such user', null);
      expect(await box.claim(10_000)).toBeNull();
      expect(await box.get('k1')).toMatchObject({ state: 'failed', lastError: '550 no such user', attempts: 2 });
      expect((await box.problems()).map((m) => m.state)).toEqual(['failed']);
    });
  });
}
