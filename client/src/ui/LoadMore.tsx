import { useEffect, useRef } from 'react';

export interface LoadMoreProps {
  /** "Showing 50 of 3,000 meetings": announced politely whenever it changes. */
  status: string;
  more: boolean;
  loading: boolean;
  failed: string | null;
  onLoadMore(): void;
  labels: { more: string; loading: string; retry: string };
}

/**
 * The end of a paged list: how many are shown of how many (a polite live region, so a screen
 * reader hears it after each page), and a button that loads the next page, pressed by itself when
 * it scrolls into view (IntersectionObserver), so scrolling loads more and the keyboard can too.
 */
export function LoadMore({ status, more, loading, failed, onLoadMore, labels }: LoadMoreProps) {
  const button = useRef<HTMLButtonElement>(null);
  const load = useRef(onLoadMore);
  load.current = onLoadMore;
  useEffect(() => {
    const target = button.current;
    if (!target || !more || loading || failed || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load.current(), { rootMargin: '200px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [more, loading, failed]);
  return (
    <div className="load-more">
      <p className="load-more__status muted" role="status" aria-live="polite">{status}</p>
      {failed && <p className="notice notice--danger" role="alert">{failed}</p>}
      {more && (
        <button ref={button} type="button" className="btn btn--secondary" onClick={onLoadMore} disabled={loading} aria-busy={loading}>
          {loading ? labels.loading : failed ? labels.retry : labels.more}
        </button>
      )}
    </div>
  );
}
