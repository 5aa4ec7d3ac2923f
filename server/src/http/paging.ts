/** Cursor positions of the history lists (zod-checked after the signature) and the cursor step of a route. */
import type { Context } from 'hono';
import { z } from 'zod';
import { MAX_ID_LENGTH } from '@suishin/shared/protocol';
import type { ActionItemKey, DecisionKey, MeetingKey, SearchKey } from '../projections/historyReads';
import { invalidInput } from './apiErrors';
import type { CursorCodec } from './cursorCodec';

const idText = z.string().max(MAX_ID_LENGTH);
const time = z.number().int().min(0);

export const meetingKey: z.ZodType<MeetingKey> = z.strictObject({ sortAt: time, id: idText });
export const actionItemKey: z.ZodType<ActionItemKey> = z.strictObject({
  sort: z.union([z.string().max(10), time]),
  rootMeetingId: idText,
  rootActionItemId: idText,
});
export const decisionKey: z.ZodType<DecisionKey> = z.strictObject({ sortAt: time, meetingId: idText, position: z.number().int().min(0) });
export const searchKey: z.ZodType<SearchKey> = z.union([
  z.strictObject({ rowid: time }),
  z.strictObject({ anchor: time, score: z.number().finite(), rowid: time }),
]);

/**
 * The position a request's cursor points at (null without one), or the 400 to send. `filters` are
 * everything in the query but the cursor and the page size: a cursor only fits the list it came from.
 */
export function readCursor<K>(
  c: Context,
  codec: CursorCodec,
  list: string,
  filters: object,
  cursor: string | undefined,
  schema: z.ZodType<K>,
): { ok: true; after: K | null } | { ok: false; res: Response } {
  if (cursor === undefined) return { ok: true, after: null };
  const decoded = codec.decode(list, filters, cursor, schema);
  return decoded.ok ? { ok: true, after: decoded.position } : { ok: false, res: invalidInput(c, decoded.message, 'cursor') };
}

/** Splits the query into the filters (signed into cursors) and the paging parameters. */
export function withoutPaging<Q extends { cursor?: string | undefined; limit?: number | undefined }>(query: Q): Omit<Q, 'cursor' | 'limit'> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return filters;
}
