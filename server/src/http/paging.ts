/** Cursor positions of the history lists (zod-checked after the signature) and the cursor step of a route. */
import type { Context } from 'hono';
import { z } from 'zod';
import { MAX_ID_LENGTH, type MatchCount } from '@suishin/shared/protocol';
import type { ActionItemKey, DecisionKey, MeetingKey, Page, SearchKey } from '../projections/historyReads';
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

/**
 * One page of a list: the rows after the request's cursor, the cursor of the next page, and on
 * the first page the count (later pages carry null: the client keeps the first). A cursor that is
 * not this list's with these filters gets the 400.
 */
export async function listPage<K, T>(
  c: Context,
  codec: CursorCodec,
  list: { name: string; filters: object; cursor: string | undefined; key: z.ZodType<K> },
  read: { page(after: K | null): Promise<Page<T, K>>; count(): Promise<MatchCount> },
): Promise<{ ok: true; rows: T[]; nextCursor: string | null; total: MatchCount | null } | { ok: false; res: Response }> {
  const position = readCursor(c, codec, list.name, list.filters, list.cursor, list.key);
  if (!position.ok) return position;
  const [page, total] = await Promise.all([read.page(position.after), position.after ? null : read.count()]);
  return { ok: true, rows: page.rows, nextCursor: page.next ? codec.encode(list.name, list.filters, page.next) : null, total };
}
