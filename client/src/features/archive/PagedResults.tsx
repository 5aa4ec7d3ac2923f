import type { ReactNode } from 'react';
import { formatCount } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { LoadMore } from '../../ui/LoadMore';
import type { PagedList } from '../../ui/usePagedList';
import { pagingLabels, shownStatus } from './paging';

export interface PagedResultsProps<T> {
  list: PagedList<T>;
  loadMore(): void;
  /** The message when the first page failed. */
  failed(message: string): string;
  /** Shown when nothing matches. */
  empty: string;
  /** "3,000 meetings" above the rows (the live region at the end says how many are shown). */
  count?: (formatted: string, count: number) => string;
  children(items: T[]): ReactNode;
}

/** A paged list's states: loading, failed, empty, or the rows with their count and the Load more end. */
export function PagedResults<T>({ list, loadMore, failed, empty, count, children }: PagedResultsProps<T>) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (list.state === 'loading') return <p className="muted" role="status">{t('app.loading')}</p>;
  if (list.state === 'failed') return <div className="notice notice--danger" role="alert">{failed(list.message)}</div>;
  if (list.items.length === 0) return <p className="empty-state" role="status">{empty}</p>;
  const total = list.total ?? { count: list.items.length, capped: list.more };
  return (
    <>
      {count && <p className="ft-count" aria-hidden="true">{count(formatCount(total, language), total.count)}</p>}
      {children(list.items)}
      <LoadMore
        status={shownStatus(t, language, list.items.length, list.total, list.more)}
        more={list.more}
        loading={list.loadingMore}
        failed={list.moreFailed && t('paging.failed', { message: list.moreFailed })}
        onLoadMore={loadMore}
        labels={pagingLabels(t)}
      />
    </>
  );
}
