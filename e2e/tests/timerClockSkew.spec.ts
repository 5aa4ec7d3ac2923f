import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, remainingSeconds } from './helpers';

/**
 * Bob's computer clock is three minutes fast. Each browser measures its offset to the server
 * (GET /api/time, answered here from the test process's clock as the server would), so the
 * timer shows the same remaining time on both screens; uncorrected, Bob's would be 3 minutes short.
 */
test('the timer agrees across browsers whose clocks disagree', async ({ alice, bob }) => {
  for (const { context } of [alice, bob]) {
    await context.route('**/api/time', (route) => route.fulfill({ json: { now: Date.now() } }));
  }
  await bob.context.clock.install({ time: Date.now() + 3 * 60_000 });

  const url = await createMeetingViaUi(alice.page, 'Clock skew');
  await addAgendaItem(alice.page, 'Forecast');
  await bob.page.goto(url);
  await expectLive(bob.page);
  expect((await bob.page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(150_000);

  await alice.page.getByRole('button', { name: 'Start meeting' }).click();
  await expect(bob.page.getByTestId('facilitation')).toHaveAttribute('data-status', 'live');
  await expect.poll(() => remainingSeconds(bob.page)).toBeGreaterThan(9 * 60 + 50);
  const [a, b] = await Promise.all([remainingSeconds(alice.page), remainingSeconds(bob.page)]);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
});
