/** Wire types of `GET /api/search`, shared by the server that builds hits and the client that shows them. */
import type { PageInfo } from './paging';

/** A piece of a hit's snippet; `mark` pieces are the matched text, shown as <mark>, never as HTML. */
export interface SnippetSegment {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  kind: 'agenda' | 'decision' | 'actionItem';
  meetingId: string;
  meetingTitle: string;
  seriesId: string | null;
  heldOn: string | null;
  itemId: string;
  title: string;
  snippet: SnippetSegment[];
  /** Client route of the meeting at the item. */
  link: string;
}

export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** Longest query, in characters. */
export const SEARCH_QUERY_MAX = 200;
/**
 * By relevance, hits are ranked among at most this many matches, the newest ones: a word that is
 * in every meeting is not scored thousands of times per keystroke (`rankedAmong` says so).
 */
export const SEARCH_CANDIDATES = 500;

export interface SearchQuery {
  /** Without it (or blank): an empty page. */
  q?: string;
  sort?: SearchSort;
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export interface SearchPage extends PageInfo {
  q: string;
  sort: SearchSort;
  hits: SearchHit[];
  /** By relevance when more matched than SEARCH_CANDIDATES: the ranking covered the newest this many. */
  rankedAmong: number | null;
}
