import { Fragment, useEffect, useMemo, useRef } from 'react';
import { closingMinutesOptions, type ClosingNotes, type MeetingView } from '@suishin/shared';
import { buildMinutesContent, isWebUrl, type ExportLanguage } from '@suishin/shared/export';
import { workspaceTimeZone } from '../../i18n/timeZone';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { TRACKER_NAMES } from '../export/exportApi';
import { decisionAnchor, useLinkedDecision } from '../outcomes/linkedDecision';
import './minutes.css';

export interface MinutesViewProps {
  view: MeetingView;
  notes: ClosingNotes;
  language: ExportLanguage;
}

const KPI_TONE: Record<string, Tone> = { on_track: 'success', at_risk: 'warning', off_track: 'danger' };

/**
 * The minutes as a page: the same content the Markdown and HTML exports print (shared's
 * buildMinutesContent, in the 議事録 layout), rendered as React elements, so no title, name or
 * note can ever run as HTML. Links go only to http(s) URLs.
 */
export function MinutesView({ view, notes, language }: MinutesViewProps) {
  const m = useMemo(
    () =>
      buildMinutesContent(view, {
        meetingUrlBase: window.location.origin,
        language,
        // The workspace's one clock, as the files print it (and named in the header).
        timeZone: workspaceTimeZone(),
        ...closingMinutesOptions(view, notes, language),
      }),
    [view, notes, language],
  );
  const { labels } = m;
  // A decision opened from search (#decision-<id>) is scrolled into view, focused and highlighted.
  const linkedId = useLinkedDecision();
  const linkedRef = useRef<HTMLLIElement>(null);
  const linkedPresent = linkedId !== null && m.decisions.some((d) => d.id === linkedId);
  useEffect(() => {
    if (!linkedPresent) return;
    linkedRef.current?.scrollIntoView({ block: 'center' });
    linkedRef.current?.focus({ preventScroll: true });
  }, [linkedPresent, linkedId]);
  const withRefs = m.actionItems.some((a) => a.externalRefs.length > 0);

  return (
    <article className="minutes" lang={language} data-testid="minutes">
      <header className="minutes__header">
        <p className="minutes__kicker">{labels.minutesTitle}</p>
        <h2 className="minutes__title">{m.title}</h2>
        <dl className="minutes__facts">
          {m.header.map((field) => (
            <Fragment key={field.label}>
              <dt>{field.label}</dt>
              <dd>{field.url && isWebUrl(field.url) ? <a href={field.url}>{field.value}</a> : field.value}</dd>
            </Fragment>
          ))}
        </dl>
      </header>

      <section className="minutes__section" aria-labelledby="minutes-agenda">
        <h3 id="minutes-agenda">{labels.agenda}</h3>
        {m.agenda.length === 0 ? (
          <p className="minutes__none">{labels.none}</p>
        ) : (
          <ol className="minutes-agenda">
            {m.agenda.map((item) => (
              <li key={item.number} className="minutes-agenda__item" data-testid="minutes-agenda-item">
                <div className="minutes-agenda__head">
                  <span className="minutes-agenda__number">{item.number}</span>
                  <span className="minutes-agenda__title">{item.title}</span>
                  <span className="minutes-agenda__status">{item.status}</span>
                </div>
                <div className="minutes-agenda__meta">
                  {item.presenter.trim() && (
                    <span>
                      {labels.presenter}: {item.presenter}
                    </span>
                  )}
                  <span data-testid="minutes-time">
                    {labels.plannedTime} {item.planned} / {labels.actualTime} {item.actual}
                    {item.overrun && (
                      <span className="minutes-agenda__overrun">
                        {' '}
                        ({labels.overrun} +{item.overrun})
                      </span>
                    )}
                  </span>
                </div>
                {item.notes.trim() && <p className="minutes-agenda__notes">{item.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="minutes__section" aria-labelledby="minutes-kpis">
        <h3 id="minutes-kpis">{labels.kpis}</h3>
        {m.kpis.length === 0 ? (
          <p className="minutes__none">{labels.none}</p>
        ) : (
          <div className="minutes__scroll">
            <table className="minutes-table">
              <thead>
                <tr>
                  {[labels.kpiName, labels.target, labels.actual, labels.previous, labels.change, labels.status, labels.owner, labels.countermeasure].map((h) => (
                    <th key={h} scope="col">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.kpis.map((k, i) => (
                  <tr key={i}>
                    <th scope="row">{k.name}</th>
                    <td className="num">{k.target}</td>
                    <td className="num">{k.actual}</td>
                    <td className="num">{k.previous}</td>
                    <td className="num">{k.change}</td>
                    <td>{k.statusKey ? <StatusPill tone={KPI_TONE[k.statusKey] ?? 'neutral'}>{k.status}</StatusPill> : k.status}</td>
                    <td>{k.owner}</td>
                    <td>{k.countermeasure}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="minutes__section" aria-labelledby="minutes-decisions">
        <h3 id="minutes-decisions">{labels.decisions}</h3>
        {m.decisions.length === 0 ? (
          <p className="minutes__none">{labels.none}</p>
        ) : (
          <ol className="minutes-decisions">
            {m.decisions.map((d) => (
              <li
                key={d.id}
                id={decisionAnchor(d.id)}
                ref={d.id === linkedId ? linkedRef : undefined}
                tabIndex={d.id === linkedId ? -1 : undefined}
                className={d.id === linkedId ? 'outcome-linked' : undefined}
                aria-current={d.id === linkedId ? 'location' : undefined}
                data-testid="minutes-decision"
              >
                <p className="minutes-decisions__text">{d.text}</p>
                {d.details.length > 0 && (
                  <dl className="minutes-decisions__details">
                    {d.details.map((detail) => (
                      <Fragment key={detail.label}>
                        <dt>{detail.label}</dt>
                        <dd>{detail.value}</dd>
                      </Fragment>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="minutes__section" aria-labelledby="minutes-actions">
        <h3 id="minutes-actions">{labels.actionItems}</h3>
        {m.actionItems.length === 0 ? (
          <p className="minutes__none">{labels.none}</p>
        ) : (
          <div className="minutes__scroll">
            <table className="minutes-table" data-testid="minutes-action-items">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{labels.actionItem}</th>
                  <th scope="col">{labels.owner}</th>
                  <th scope="col">{labels.dueDate}</th>
                  <th scope="col">{labels.status}</th>
                  {withRefs && <th scope="col">{labels.tracker}</th>}
                </tr>
              </thead>
              <tbody>
                {m.actionItems.map((a) => (
                  <tr key={a.number}>
                    <td className="num">{a.number}</td>
                    <th scope="row">{a.title}</th>
                    <td>{a.owner}</td>
                    <td className="nowrap">{a.dueDate}</td>
                    <td className="nowrap">{a.status}</td>
                    {withRefs && (
                      <td>
                        {a.externalRefs.map((ref) =>
                          isWebUrl(ref.url) ? (
                            <a key={`${ref.tracker}:${ref.key}`} href={ref.url} target="_blank" rel="noopener noreferrer" className="minutes__ref">
                              {TRACKER_NAMES[ref.tracker]} {ref.key}
                            </a>
                          ) : (
                            <span key={`${ref.tracker}:${ref.key}`} className="minutes__ref">{TRACKER_NAMES[ref.tracker]} {ref.key}</span>
                          ),
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="minutes__section" aria-labelledby="minutes-next">
        <h3 id="minutes-next">{labels.nextMeeting}</h3>
        <p>{m.nextMeeting}</p>
      </section>

      {m.closingOverrides.length > 0 && (
        <section className="minutes__section" aria-labelledby="minutes-remarks" data-testid="minutes-overrides">
          <h3 id="minutes-remarks">{labels.remarks}</h3>
          <p className="minutes__subhead">{labels.closingOverrides}</p>
          <ul className="minutes-overrides">
            {m.closingOverrides.map((o, i) => (
              <li key={i}>
                <span>{o.item}</span>
                <span className="minutes-overrides__reason">
                  {labels.reason}: {o.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
