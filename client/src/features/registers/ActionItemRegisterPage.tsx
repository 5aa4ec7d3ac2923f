import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ActionItemEntry, ActionItemState } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { usePagedList } from '../../ui/usePagedList';
import { filtersFromParams, paramsOf, useSeriesList, type FilterValues } from '../archive/Filters';
import { PagedResults } from '../archive/PagedResults';
import { formatDay } from '../series/day';
import { fetchActionItems } from './registersApi';
import '../series/followThrough.css';
import './registers.css';

const KEYS = ['state', 'owner', 'department', 'series', 'meetingDepartment'] as const;
const STATES: ActionItemState[] = ['open', 'overdue', 'due_this_week', 'due', 'closed', 'all'];
const statusTone: Record<ActionItemEntry['status'], Tone> = { open: 'neutral', in_progress: 'info', done: 'success', dropped: 'neutral' };

/** Owner, departments and series, applied on submit (the state switches at once). */
function RegisterFilters({ values, onApply }: { values: FilterValues; onApply(values: FilterValues): void }) {
  const { t } = useTranslation();
  const id = useId();
  const series = useSeriesList();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const field = (key: string, label: string, placeholder?: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} className="field__input" value={draft[key] ?? ''} placeholder={placeholder} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="ft-filters" role="search" aria-label={t('filters.legend')} onSubmit={submit}>
      {field('owner', t('actionRegister.owner'), t('actionRegister.ownerPlaceholder'))}
      {field('department', t('actionRegister.department'), t('filters.departmentPlaceholder'))}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-series`}>{t('filters.series')}</label>
        <select id={`${id}-series`} className="field__input" value={draft.series ?? ''} onChange={(e) => setDraft((d) => ({ ...d, series: e.target.value }))}>
          <option value="">{t('filters.anySeries')}</option>
          {series.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      {field('meetingDepartment', t('actionRegister.meetingDepartment'), t('filters.departmentPlaceholder'))}
      <div className="ft-filters__actions">
        <button type="submit" className="btn btn--primary">{t('filters.apply')}</button>
        <button type="button" className="btn btn--quiet" onClick={() => onApply({ state: values.state ?? '' })}>{t('filters.clear')}</button>
      </div>
    </form>
  );
}

/**
 * Every action item across meetings, one row per item however often it was carried over (its
 * newest copy), by state, owner, department and series, paged. The owner's name links to their
 * items here (their own page, until people have one).
 */
export function ActionItemRegisterPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params, KEYS), [params]);
  const state = (STATES as string[]).includes(values.state ?? '') ? (values.state as ActionItemState) : 'open';
  const query = useMemo(() => new URLSearchParams(paramsOf(values)).toString(), [values]);
  const { list, loadMore } = usePagedList<ActionItemEntry>(
    query,
    async (cursor) => {
      const page = await fetchActionItems(paramsOf({ ...values, state }), cursor);
      return { items: page.items, nextCursor: page.nextCursor, total: page.total };
    },
    (i) => `${i.meetingId}/${i.actionItemId}`,
  );
  const withState = (next: ActionItemState) => paramsOf({ ...values, state: next === 'open' ? '' : next });
  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('actionRegister.title')}</h1>
        <p className="page-heading__subtitle">{t('actionRegister.subtitle')}</p>
      </div>
      <nav className="register-states" aria-label={t('actionRegister.state')}>
        {STATES.map((s) => (
          <Link key={s} className="register-states__link" aria-current={s === state ? 'page' : undefined} to={`?${new URLSearchParams(withState(s))}`}>
            {t(`actionRegister.states.${s}`)}
          </Link>
        ))}
      </nav>
      <RegisterFilters values={values} onApply={(v) => setParams(paramsOf({ ...v, state: values.state }))} />
      <PagedResults
        list={list}
        loadMore={loadMore}
        failed={(message) => t('actionRegister.loadFailed', { message })}
        empty={t('actionRegister.empty')}
        count={(formatted, count) => t('actionRegister.count', { count, formatted })}
      >
        {(items) => (
          <div className="ft-table-wrap">
            <table className="ft-table ft-table--rows">
              <caption className="visually-hidden">{t('actionRegister.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('actionRegister.item')}</th>
                  <th scope="col">{t('actionRegister.owner')}</th>
                  <th scope="col">{t('actionRegister.due')}</th>
                  <th scope="col">{t('actionRegister.status')}</th>
                  <th scope="col">{t('actionRegister.meeting')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.meetingId}/${item.actionItemId}`} className={item.overdue ? 'register-row--overdue' : undefined}>
                    <th scope="row"><Link className="link" to={item.link}>{item.title}</Link></th>
                    <td>
                      {item.owner ? <Link className="link" to={`/action-items?${new URLSearchParams({ owner: item.owner })}`} title={t('actionRegister.ownerItems', { owner: item.owner })}>{item.owner}</Link> : t('due.unowned')}
                      {item.department && <span className="tag register-dept">{item.department}</span>}
                    </td>
                    <td className={`ft-nowrap${item.overdue ? ' register-late' : ''}`}>{item.dueDate ? formatDay(item.dueDate, language) : t('actionRegister.undated')}</td>
                    <td><StatusPill tone={item.overdue ? 'danger' : statusTone[item.status]}>{item.overdue ? t('actions.overdue') : t(`actions.status.${item.status}`)}</StatusPill></td>
                    <td>
                      <Link className="link" to={`/meetings/${encodeURIComponent(item.meetingId)}`}>{item.meetingTitle}</Link>
                      {item.raisedIn && <span className="register-raised muted">{t('actionRegister.raisedIn', { meeting: item.raisedIn.meetingTitle, date: formatDay(item.raisedIn.heldOn, language) })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedResults>
    </div>
  );
}

export default ActionItemRegisterPage;
