/**
 * /api/my/:token: a person's own open action items across meetings and series (one per chain, its
 * newest copy), by a personal link instead of a sign-in (people/personalLinks.ts). Newest due
 * first, undated last. PUT …/items sets an item in progress or done: written into the meeting of
 * origin as a server change through the room (MeetingDocuments.change: durable first, relayed
 * live; an ended meeting stays frozen for clients, only this follow-through field changes), the
 * ended meeting re-projected and a closing written to the other copies of the chain, as tracker
 * refreshes do. An item not the person's (by owner name) is 404 and nothing changes.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ErrorCode, getActionItem, getMeta, updateActionItem } from '@suishin/shared';
import type { ActionItemEntry } from '@suishin/shared/protocol';
import type { FollowThrough } from '../followThrough/followThrough';
import { addDays, weekEnd } from '../followThrough/periods';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { PersonalLinks } from '../people/personalLinks';
import type { Person } from '../people/person';
import { apiError } from './apiErrors';
import { parseBody } from './parseBody';

const MAX_ITEMS = 200;
const change = z.object({ meetingId: z.string().min(1).max(128), actionItemId: z.string().min(1).max(128), state: z.enum(['in_progress', 'done']) }).strict();

const newestDueFirst = (a: ActionItemEntry, b: ActionItemEntry) =>
  a.dueDate === b.dueDate ? 0 : a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? 1 : -1;

export function myItemRoutes({ links, followThrough, documents }: { links: PersonalLinks; followThrough: FollowThrough; documents: MeetingDocuments }) {
  const app = new Hono<{ Variables: { person: Person } }>();

  async function openItems(person: Person): Promise<ActionItemEntry[]> {
    const today = followThrough.today();
    const filter = { state: 'open' as const, owner: person.name, today, weekEnds: weekEnd(today), dueBy: addDays(today, 2) };
    const page = await followThrough.reads.actionItemPage(filter, null, null, MAX_ITEMS);
    return [...page.rows].sort(newestDueFirst);
  }

  app.use('/:token/*', async (c: Context<{ Variables: { person: Person } }>, next) => {
    const checked = await links.check(c.req.param('token') ?? '');
    if (!checked.ok) return apiError(c, checked.status, checked.status === 401 ? ErrorCode.unauthorized : ErrorCode.forbidden, checked.message);
    c.set('person', checked.person);
    await next();
  });

  app.get('/:token/items', async (c) => {
    const person = c.get('person');
    return c.json({ person: { name: person.name, department: person.department, language: person.language }, today: followThrough.today(), items: await openItems(person) });
  });

  app.put('/:token/items', async (c) => {
    const person = c.get('person');
    const input = await parseBody(c, change);
    if (!input.ok) return input.res;
    const { meetingId, actionItemId, state } = input.value;
    const mine = (await openItems(person)).some((i) => i.meetingId === meetingId && i.actionItemId === actionItemId);
    if (!mine) return apiError(c, 404, ErrorCode.notFound, 'no open item of yours with that id', 'actionItemId');
    const done = await documents.change(
      meetingId,
      (doc) => {
        const item = getActionItem(doc, actionItemId);
        if (!item || item.owner.name !== person.name) return null;
        if (item.status !== state) updateActionItem(doc, actionItemId, { status: state });
        return { ended: getMeta(doc).status === 'ended' };
      },
      // Projecting an ended meeting also writes a closing to the other copies of its chains
      // (followThrough.ts: onEndedProjected), as a tracker refresh's change does.
      async (doc, found) => {
        if (found?.ended) await followThrough.projector.projectOrLog(meetingId, doc);
      },
    );
    if (!done?.result) return apiError(c, 404, ErrorCode.notFound, 'no open item of yours with that id', 'actionItemId');
    // A live meeting is not projected here: its closing goes to the other copies now.
    if (state === 'done' && !done.result.ended) await followThrough.service.propagateClosures(meetingId);
    return c.json({ items: await openItems(person) });
  });

  return app;
}
