import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { formatDay } from '../series/day';
import { Filters, filtersFromParams, paramsOf, useSeriesList, type FilterValues } from '../archive/Filters';
import { groupByMeeting, search, type SearchHit } from './searchApi';
import { Snippet } from './Snippet';
import '../series/followThrough.css';

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; q: string; hits: SearchHit[] };

/** Full-text search over ended meetings; hits grouped by meeting, each a link to its item in the meeting. */
export function SearchPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const series = useSeriesList();
  const [load, setLoad] = useState<Load>({ state: 'idle' });

  useEffect(() => {
    if (!q.trim()) {
      setLoad({ state: 'idle' });
      return;
    }
    let cancelled = false;
    setLoad({ state: 'loading' });
    search({ q, ...filters }).then(
      (hits) => !cancelled && setLoad({ state: 'loaded', q, hits }),
      (error: Error) => !cancelled && setLoad({ state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [q, filters]);

  const apply = (values: FilterValues, words = draft) => setParams(paramsOf({ q: words.trim(), ...values }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };
  const groups = load.state === 'loaded' ? groupByMeeting(load.hits) : [];

  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('search.title')}</h1>
        <p className="page-heading__subtitle">{t('search.subtitle')}</p>
      </div>
      <form className="ft-searchbox" role="search" onSubmit={submit}>
        <label className="field__label" htmlFor={`${id}-q`}>{t('search.label')}</label>
        <div className="ft-searchbox__row">
          <input id={`${id}-q`} type="search" className="field__input" value={draft} maxLength={200} placeholder={t('search.placeholder')} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="btn btn--primary">{t('search.submit')}</button>
        </div>
      </form>
      <Filters values={filters} series={series} onApply={(v) => apply(v)} />
      <div aria-live="polite" className="ft-status">
        {load.state === 'idle' && <p className="muted">{t('search.hint')}</p>}
        {load.state === 'loading' && <p className="muted" role="status">{t('search.searching')}</p>}
        {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('search.loadFailed', { message: load.message })}</div>}
        {load.state === 'loaded' && load.hits.length === 0 && <p className="empty-state">{t('search.empty', { q: load.q })}</p>}
        {load.state === 'loaded' && load.hits.length > 0 && <p className="muted">{t('search.results', { count: load.hits.length })}</p>}
      </div>
      {groups.length > 0 && (
        <ol className="ft-hits" aria-label={t('search.title')}>
          {groups.map((group) => (
            <li key={group.meetingId} className="ft-hits__meeting card">
              <h2 className="ft-hits__title">
                <Link className="link" to={`/meetings/${encodeURIComponent(group.meetingId)}`}>{group.meetingTitle}</Link>
                <span className="muted ft-hits__date">{formatDay(group.heldOn, language)}</span>
              </h2>
              <ul className="ft-hits__list">
                {group.hits.map((hit) => (
                  <li key={`${hit.kind}-${hit.itemId}`} className="ft-hit">
                    <span className={`tag ft-hit__kind ft-hit__kind--${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
                    <Link className="ft-hit__link" to={hit.link} title={t('search.open')}>
                      <span className="ft-hit__name">{hit.title}</span>
                      <span className="ft-hit__snippet"><Snippet segments={hit.snippet} /></span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export default SearchPage;
