/**
 * /api/people: the address book (people register), kept by the workspace admin only. Bad input
 * gets 400 naming the field, a taken email 409, an unknown id 404; none of them changes anything.
 * POST /api/people/:id/revoke-links bumps the person's link version (every personal link issued
 * before stops working).
 */
import { Hono } from 'hono';
import { ErrorCode } from '@suishin/shared';
import { EmailTakenError, type PeopleStore } from '../people/peopleStore';
import { personInput, personPatch } from '../people/person';
import type { PersonalLinks } from '../people/personalLinks';
import { apiError } from './apiErrors';
import { requireAdmin } from './authenticate';
import { parseBody } from './parseBody';

export function peopleRoutes({ people, links, now = Date.now }: { people: PeopleStore; links: PersonalLinks | null; now?: () => number }) {
  const app = new Hono();
  app.use('*', requireAdmin());
  const unknown = (c: Parameters<typeof apiError>[0]) => apiError(c, 404, ErrorCode.notFound, `unknown person ${c.req.param('id')}`, 'id');
  const taken = (c: Parameters<typeof apiError>[0], error: EmailTakenError) => apiError(c, 409, ErrorCode.conflict, error.message, 'email');

  app.get('/', async (c) => c.json({ people: await people.list() }));

  app.post('/', async (c) => {
    const input = await parseBody(c, personInput);
    if (!input.ok) return input.res;
    try {
      return c.json(await people.create(input.value, now()), 201);
    } catch (error) {
      if (error instanceof EmailTakenError) return taken(c, error);
      throw error;
    }
  });

  app.get('/:id', async (c) => {
    const found = await people.get(c.req.param('id'));
    return found ? c.json(found) : unknown(c);
  });

  app.patch('/:id', async (c) => {
    const patch = await parseBody(c, personPatch);
    if (!patch.ok) return patch.res;
    try {
      const updated = await people.update(c.req.param('id'), patch.value, now());
      return updated ? c.json(updated) : unknown(c);
    } catch (error) {
      if (error instanceof EmailTakenError) return taken(c, error);
      throw error;
    }
  });

  app.delete('/:id', async (c) => ((await people.remove(c.req.param('id'))) ? c.body(null, 204) : unknown(c)));

  app.post('/:id/revoke-links', async (c) => {
    const version = await people.rotateLinks(c.req.param('id'), now());
    return version === null ? unknown(c) : c.json({ linkVersion: version });
  });

  /** Issues a personal link (/my/<token>) for the person: the admin sends it or the outbox will. */
  app.post('/:id/link', async (c) => {
    const found = await people.get(c.req.param('id'));
    if (!found) return unknown(c);
    if (!links) return apiError(c, 409, ErrorCode.conflict, 'personal links need the server secret');
    const { token, expiresAt } = links.issue(found);
    return c.json({ token, path: `/my/${token}`, expiresAt });
  });

  return app;
}
