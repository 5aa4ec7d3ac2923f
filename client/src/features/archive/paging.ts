import type { TFunction } from 'i18next';
import type { MatchCount } from '@suishin/shared/protocol';
import { formatCount } from '../../i18n/format';
import type { Language } from '../../i18n/language';

/** "Showing 50 of 3,000" (or "of 10,000+"), "Showing all 42" once everything is shown. */
export function shownStatus(t: TFunction, language: Language, shown: number, total: MatchCount | null, more: boolean): string {
  const all = total ?? { count: shown, capped: more };
  if (!more && !all.capped && shown >= all.count) return t('paging.shownAll', { total: formatCount({ count: shown, capped: false }, language) });
  return t('paging.shownOf', { shown: formatCount({ count: shown, capped: false }, language), total: formatCount(all, language) });
}

export const pagingLabels = (t: TFunction) => ({ more: t('paging.more'), loading: t('paging.loading'), retry: t('paging.retry') });
