import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatchCount } from '@suishin/shared/protocol';

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
  total: MatchCount | null;
}

export type PagedList<T> =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; items: T[]; total: MatchCount | null; more: boolean; loadingMore: boolean; moreFailed: string | null };

/**
 * A list read a page at a time with the server's cursors: the first page whenever `query`
 * changes (a new query string), then `loadMore()` appends the next one. Rows are kept once each
 * by `keyOf` (a cursor never repeats one, this is only a guard), and a reply for an older query is
 * dropped. The total comes with the first page and is kept.
 */
export function usePagedList<T>(query: string, fetchPage: (cursor: string | null) => Promise<PageResult<T>>, keyOf: (item: T) => string) {
  const [list, setList] = useState<PagedList<T>>({ state: 'loading' });
  const cursor = useRef<string | null>(null);
  const busy = useRef(false);
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const key = useRef(keyOf);
  key.current = keyOf;

  useEffect(() => {
    const mine = ++generation.current;
    cursor.current = null;
    busy.current = false;
    setList({ state: 'loading' });
    fetcher.current(null).then(
      (page) => {
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setList({ state: 'loaded', items: page.items, total: page.total, more: page.nextCursor !== null, loadingMore: false, moreFailed: null });
      },
      (error: Error) => mine === generation.current && setList({ state: 'failed', message: error.message }),
    );
  }, [query]);

  const loadMore = useCallback(() => {
    const mine = generation.current;
    const from = cursor.current;
    if (from === null || busy.current) return;
    busy.current = true;
    setList((current) => (current.state === 'loaded' ? { ...current, loadingMore: true, moreFailed: null } : current));
    fetcher.current(from).then(
      (page) => {
        if (mine !== generation.current) return;
        busy.current = false;
        cursor.current = page.nextCursor;
        setList((current) => {
          if (current.state !== 'loaded') return current;
          const seen = new Set(current.items.map((item) => key.current(item)));
          const added = page.items.filter((item) => !seen.has(key.current(item)));
          return { ...current, items: [...current.items, ...added], more: page.nextCursor !== null, loadingMore: false };
        });
      },
      (error: Error) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setList((current) => (current.state === 'loaded' ? { ...current, loadingMore: false, moreFailed: error.message } : current));
      },
    );
  }, []);

  return { list, loadMore };
}
