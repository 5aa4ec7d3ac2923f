import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenSigner } from '../auth/signedToken';
import { memorySignOffData, openMemorySignOffStore } from '../testing/memory/memorySignOffStore';
import { SignOffError, signOffService } from './signOffService';

const attendees = ['佐藤', '鈴木', '高橋'];

function setup() {
  let clock = 1_000_000;
  const data = memorySignOffData();
  const signer = new TokenSigner(randomBytes(32));
  const service = signOffService({ store: openMemorySignOffStore(data), signer, now: () => clock });
  return { service, signer, data, tick: (ms: number) => (clock += ms) };
}

const issue = (service: ReturnType<typeof setup>['service']) =>
  service.issueLinks({ role: 'facilitator', meetingId: 'm1', ended: true, attendees, minutesText: '決定: 予算は300万円。', author: '佐藤', ttlHours: 72 });

async function refusal(p: Promise<unknown>) {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SignOffError);
  return (error as SignOffError).code;
}

describe('minutes sign-off', () => {
  it('correction → version 2 with a diff → approvals of version 2 make it final; version 1 approvals do not count', async () => {
    const { service } = setup();
    const links = await issue(service);
    const token = (who: string) => links.find((l) => l.attendee === who)!.token;
    await service.respond(token('佐藤'), { version: 1, kind: 'approve', comment: '' });
    await service.respond(token('鈴木'), { version: 1, kind: 'correction', comment: '350万円です' });
    const status = () => service.status({ meetingId: 'm1', rule: 'all', attendees, chair: '佐藤' });
    expect(await status()).toMatchObject({ state: 'correctionRequested', version: 1, approvedBy: ['佐藤'] });
    expect(await service.applyCorrection({ role: 'facilitator', meetingId: 'm1', basedOn: 1, text: '決定: 予算は350万円。', author: '佐藤', note: '鈴木さんの修正' })).toBe(2);
    const view = await service.review(token('高橋'));
    expect(view.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(view.diff.filter((p) => p.change === 'removed').map((p) => p.text).join('')).toContain('300');
    expect(view.diff.filter((p) => p.change === 'added').map((p) => p.text).join('')).toContain('350');
    expect(await status()).toMatchObject({ state: 'pending', version: 2, approvedBy: [] });
    for (const who of attendees) await service.respond(token(who), { version: 2, kind: 'approve', comment: '' });
    expect(await status()).toMatchObject({ state: 'final', version: 2, approvedBy: attendees });
  });

  it('refuses bad input with a clear code and changes nothing', async () => {
    const { service, data, tick, signer } = setup();
    const links = await issue(service);
    const before = structuredClone([...data.responses]);
    const good = links[0]!.token;
    expect(await refusal(service.respond(good.slice(0, -2) + 'xx', { version: 1, kind: 'approve', comment: '' }))).toBe('bad-token');
    expect(await refusal(service.respond(signer.sign('review', { lid: 'no-such-link', exp: 9e9 }), { version: 1, kind: 'approve', comment: '' }))).toBe('bad-token');
    // A session token is not a review token: each purpose has its own key.
    expect(await refusal(service.respond(signer.sign('link', { lid: links[0]!.linkId, exp: 9e9 }), { version: 1, kind: 'approve', comment: '' }))).toBe('bad-token');
    expect(await refusal(service.respond(good, { version: 7, kind: 'approve', comment: '' }))).toBe('unknown-version');
    expect(await refusal(service.respond(good, { version: 1, kind: 'correction', comment: '  ' }))).toBe('invalid-input');
    expect(await refusal(service.applyCorrection({ role: 'observer', meetingId: 'm1', basedOn: 1, text: 'x', author: '見学者', note: '' }))).toBe('forbidden');
    expect(await refusal(service.applyCorrection({ role: 'participant', meetingId: 'm1', basedOn: 1, text: 'x', author: '鈴木', note: '' }))).toBe('forbidden');
    expect(await refusal(service.applyCorrection({ role: 'facilitator', meetingId: 'm1', basedOn: 5, text: 'x', author: '佐藤', note: '' }))).toBe('unknown-version');
    expect(await refusal(service.issueLinks({ role: 'facilitator', meetingId: 'm2', ended: false, attendees, minutesText: 'x', author: '佐藤', ttlHours: 1 }))).toBe('not-ended');
    expect(await refusal(service.issueLinks({ role: 'participant', meetingId: 'm1', ended: true, attendees, minutesText: 'x', author: '鈴木', ttlHours: 1 }))).toBe('forbidden');
    expect([...data.responses]).toEqual(before);
    expect(data.versions.get('m1')!.map((v) => v.version)).toEqual([1]);
    expect(data.versions.has('m2')).toBe(false);

    // An approval of version 1 once version 2 exists is refused: it would not count anyway.
    await service.applyCorrection({ role: 'facilitator', meetingId: 'm1', basedOn: 1, text: 'v2', author: '佐藤', note: '' });
    expect(await refusal(service.respond(good, { version: 1, kind: 'approve', comment: '' }))).toBe('not-newest-version');

    await service.revoke('facilitator', 'm1', links[1]!.linkId);
    expect(await refusal(service.review(links[1]!.token))).toBe('revoked');
    expect(await refusal(service.revoke('participant', 'm1', links[2]!.linkId))).toBe('forbidden');
    tick(73 * 3_600_000);
    expect(await refusal(service.review(links[2]!.token))).toBe('expired');
    expect(data.responses.get('m1') ?? []).toEqual([]);
  });
});
