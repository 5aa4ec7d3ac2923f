import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { formatDay } from '../series/day';
import { loadDue, type DueItem } from './dueApi';
import '../series/followThrough.css';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: DueItem[] };

function ItemList({ items, overdue }: { items: DueItem[]; overdue: boolean }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={`${item.meetingId}/${item.actionItemId}`} className={`due-item${overdue ? ' due-item--overdue' : ''}`}>
          <Link className="due-item__title link" to={`/meetings/${encodeURIComponent(item.meetingId)}#actionItem-${encodeURIComponent(item.actionItemId)}`}>{item.title}</Link>
          <span className="due-item__meta">
            <span className={overdue ? 'due-item__due due-item__due--overdue' : 'due-item__due'}>{t('due.due', { date: formatDay(item.dueDate, language) })}</span>
            <span>{item.owner ? t('due.owner', { owner: item.owner, department: item.department || '—' }) : t('due.unowned')}</span>
            <span className="muted">{t('due.from', { meeting: item.meetingTitle })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The home screen's overdue and due-soon action items (a lazy chunk of the meetings page). */
export function DueActionItems() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    loadDue(7).then(
      ({ items }) => !cancelled && setLoad({ state: 'loaded', items }),
      () => !cancelled && setLoad({ state: 'failed' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const overdue = load.state === 'loaded' ? load.items.filter((i) => i.overdue) : [];
  const soon = load.state === 'loaded' ? load.items.filter((i) => !i.overdue) : [];
  return (
    <section className="card due-section" aria-labelledby="due-heading">
      <h2 id="due-heading" className="card__title">{t('due.heading')}</h2>
      {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {load.state === 'failed' && <p className="muted" role="status">{t('due.loadFailed')}</p>}
      {load.state === 'loaded' && load.items.length === 0 && <p className="muted">{t('due.none')}</p>}
      {overdue.length > 0 && (
        <>
          <h3 className="section-label due-section__label due-section__label--overdue">{t('due.overdue')} ({overdue.length})</h3>
          <ItemList items={overdue} overdue />
        </>
      )}
      {soon.length > 0 && (
        <>
          <h3 className="section-label due-section__label">{t('due.dueSoon')} ({soon.length})</h3>
          <ItemList items={soon} overdue={false} />
        </>
      )}
    </section>
  );
}

export default DueActionItems;
