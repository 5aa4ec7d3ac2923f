import { Link } from 'react-router';
import type { ActionItemEntry, HomeResponse } from '@suishin/shared/protocol';
import { formatCount as countText } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { formatDay } from '../series/day';

export function ActionItemList({ items }: { items: ActionItemEntry[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={`${item.meetingId}/${item.actionItemId}`} className={`due-item${item.overdue ? ' due-item--overdue' : ''}`}>
          <Link className="due-item__title link" to={item.link}>{item.title}</Link>
          <span className="due-item__meta">
            <span className={item.overdue ? 'due-item__due due-item__due--overdue' : 'due-item__due'}>
              {item.dueDate ? t('due.due', { date: formatDay(item.dueDate, language) }) : t('actionRegister.undated')}
            </span>
            <span>{item.owner ? t('due.owner', { owner: item.owner, department: item.department || '—' }) : t('due.unowned')}</span>
            <span className="muted">{t('due.from', { meeting: item.meetingTitle })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The home page's action items: the signed-in person's own, and those overdue or due within a week. */
export function HomeItems({ home }: { home: HomeResponse }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { due, mine } = home;
  const dueTotal = due.overdue.count + due.dueSoon.count;
  return (
    <>
      {mine && (
        <section className="card home-section home-items" aria-labelledby="home-mine">
          <h2 id="home-mine" className="card__title">{t('home.mine')}</h2>
          <p className="muted home-items__owner">{t('home.mineOwner', { owner: mine.owner })}</p>
          {mine.items.length === 0 ? <p className="muted">{t('home.mineNone')}</p> : <ActionItemList items={mine.items} />}
          {mine.total.count > mine.items.length && (
            <Link className="link" to={`/action-items?${new URLSearchParams({ owner: mine.owner })}`}>{t('home.mineAll', { count: countText(mine.total, language) })}</Link>
          )}
        </section>
      )}
      <section className="card home-section home-items due-section" aria-labelledby="due-heading">
        <h2 id="due-heading" className="card__title">{t('due.heading')}</h2>
        {dueTotal > 0 && (
          <p className="home-items__counts">
            {due.overdue.count > 0 && <span className="pill pill--danger">{t('home.overdueCount', { count: countText(due.overdue, language) })}</span>}
            {due.dueSoon.count > 0 && <span className="pill pill--warning">{t('home.dueSoonCount', { count: countText(due.dueSoon, language) })}</span>}
          </p>
        )}
        {due.items.length === 0 ? <p className="muted">{t('due.none')}</p> : <ActionItemList items={due.items} />}
        {dueTotal > due.items.length && (
          <Link className="link" to="/action-items?state=due">{t('home.dueAll', { count: countText({ count: dueTotal, capped: due.overdue.capped || due.dueSoon.capped }, language) })}</Link>
        )}
      </section>
    </>
  );
}
