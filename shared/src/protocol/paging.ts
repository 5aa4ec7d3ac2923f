/**
 * Paged lists of the history screens (archive, search, registers, dashboard detail): keyset
 * cursors, opaque to the client, and a match count that stops at a cap instead of counting a
 * whole workspace on every request.
 */

/** How many match: exactly `count`, or at least `count` when `capped`. */
export interface MatchCount {
  count: number;
  capped: boolean;
}

/** The paging part of every list response. */
export interface PageInfo {
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** On the first page only (null on later ones: the client keeps the first). */
  total: MatchCount | null;
}

/**
 * A query type as a URL carries it (the client's filters come from the address bar): every
 * parameter optional and text; the server parses and validates each, and answers 400 naming a bad one.
 */
export type QueryParams<Q> = { [K in keyof Q]?: string };

/** Page sizes: the default of every list and the largest a client may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Counts stop here ("10,000+"). */
export const COUNT_CAP = 10_000;
