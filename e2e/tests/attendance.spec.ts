import type { Series } from '@suishin/shared';
import { test, expect, newParticipant, type Participant } from '../fixtures';
import { expectLive, expectSaved, snapshot } from './helpers';

/** Gives a participant the department they would type when joining (kept with their name in this browser). */
async function withDepartment(person: Participant, department: string) {
  await person.context.addInitScript((dep) => {
    const identity = JSON.parse(localStorage.getItem('suishin.identity') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('suishin.identity', JSON.stringify({ ...identity, department: dep }));
  }, department);
}

/**
 * Attendance from presence: the series invites Alice, Bob and Carol; Alice and Bob join (and Dave,
 * who was not invited); the facilitator takes attendance in one press: who joined is present,
 * with the department they gave, Dave is added, Carol (never joined) is absent. It stays editable.
 */
test('attendance taken from who joined the room: names from the sign-in, departments as given, no-shows absent', async ({ browser, server }, testInfo) => {
  const alice = await newParticipant(browser, server, 'Alice', '#c2410c', 'ja-JP');
  const bob = await newParticipant(browser, server, 'Bob', '#0f766e');
  const dave = await newParticipant(browser, server, 'Dave', '#7c3aed');
  await withDepartment(bob, '製品');
  await withDepartment(dave, 'CS');
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const series = (await (
    await fetch(`${server.baseURL}/api/series`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: '定例', usualAttendees: [{ name: 'Alice', department: '営業' }, { name: 'Bob' }, { name: 'Carol', department: '経理' }] }),
    })
  ).json()) as Series;
  const next = (await (await fetch(`${server.baseURL}/api/series/${series.id}/next`, { method: 'POST', headers: auth, body: '{}' })).json()) as { meetingId: string };
  const url = `/meetings/${next.meetingId}`;

  for (const person of [alice, bob, dave]) {
    await person.page.goto(url);
    await expectLive(person.page);
  }
  const { page } = alice;
  const attendees = page.getByTestId('attendees');
  await expect(attendees.getByText('3 人中 0 人出席')).toBeVisible();
  // Dave leaves before attendance is taken: he still attended.
  await expect(attendees.getByTestId('take-attendance')).toHaveText('在室者から出席を取る（3 人が参加）');
  await dave.context.close();

  await attendees.getByTestId('take-attendance').click();
  await expect(attendees.getByTestId('attendance-taken')).toHaveText('出席を取りました: 出席 3 人、欠席 1 人。');
  await expect(attendees.getByText('4 人中 3 人出席')).toBeVisible();
  const row = (name: string) => attendees.getByTestId('attendee').filter({ hasText: name });
  await expect(row('Alice').getByRole('checkbox')).toBeChecked();
  await expect(row('Bob')).toContainText('製品');
  await expect(row('Bob').getByRole('checkbox')).toBeChecked();
  await expect(row('Dave')).toContainText('CS');
  await expect(row('Dave').getByRole('checkbox')).toBeChecked();
  await expect(row('Carol').getByRole('checkbox')).not.toBeChecked();
  await snapshot(page, testInfo, 'attendance-ja');

  // Still editable: Carol arrives late and is marked by hand; Bob's browser follows.
  await row('Carol').locator('.checkbox').click();
  await expect(row('Carol').getByRole('checkbox')).toBeChecked();
  await expectSaved(page);
  await expect(bob.page.getByTestId('attendees').getByText('4 of 4 present')).toBeVisible();
  await snapshot(bob.page, testInfo, 'attendance-en');
  await alice.context.close();
  await bob.context.close();
});
