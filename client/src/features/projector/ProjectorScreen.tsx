import { useEffect, type ReactNode } from 'react';
import type { ActionItem, AgendaItem, Decision, MeetingMeta } from '@suishin/shared';
import { applyLanguage } from '../../i18n';
import { useTranslation } from '../../i18n/useTranslation';
import { useActionItems } from '../../meeting/hooks/useActionItems';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useConnectionStatus, useMeetingReady } from '../../meeting/hooks/useConnectionStatus';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useMeta } from '../../meeting/hooks/useMeta';
import { QrCode } from '../../ui/QrCode';
import { formatIsoDate } from '../outcomes/outcomeFormat';
import { TimerClock } from '../timer/TimerClock';

/** At most this many of the running item's decisions and action items: the newest, legible from the back. */
const MAX_SHOWN = 5;

/**
 * What the room sees on its screen, in the meeting's language: the running item and its large
 * timer (with the overrun warning), its decisions and action items as they are recorded, and a QR
 * code to join from a phone. Read-only: no control, nothing to type in.
 */
export function ProjectorScreen({ joinUrl }: { joinUrl: string | null }) {
  const { t } = useTranslation();
  const ready = useMeetingReady();
  const status = useConnectionStatus();
  const meta = useMeta();
  const items = useAgendaItems();
  // The screen speaks the meeting's language, whatever this browser's.
  useEffect(() => {
    if (meta?.language) applyLanguage(meta.language);
  }, [meta?.language]);

  if (status.phase === 'refused') {
    return (
      <div className="projector projector--message" role="alert">
        <p>{t('projector.refused')}</p>
      </div>
    );
  }
  if (!ready || !meta) {
    return <div className="projector projector--message" role="status">{t('room.loading')}</div>;
  }
  const index = items.findIndex((item) => item.id === meta.currentAgendaItemId);
  const current = meta.status === 'live' && index >= 0 ? items[index] : undefined;

  return (
    <div className="projector" data-testid="projector" data-status={meta.status} data-phase={status.phase}>
      <header className="projector__top">
        <span className="projector__meeting">{meta.title}</span>
        {status.phase !== 'live' && <span className="projector__offline" role="status">{t('projector.offline')}</span>}
      </header>
      <main className="projector__body">
        {current ? <RunningItem meta={meta} item={current} number={index + 1} count={items.length} /> : <NotRunning meta={meta} items={items} />}
        {joinUrl && meta.status !== 'ended' && (
          <aside className="projector__join" aria-label={t('projector.joinHeading')}>
            <QrCode value={joinUrl} label={t('projector.qrLabel')} className="projector__qr" testId="projector-qr" />
            <p className="projector__join-text">{t('projector.joinHint')}</p>
          </aside>
        )}
      </main>
    </div>
  );
}

function RunningItem({ meta, item, number, count }: { meta: MeetingMeta; item: AgendaItem; number: number; count: number }) {
  const { t } = useTranslation();
  const decisions = useDecisions().filter((d) => d.agendaItemId === item.id);
  const decisionIds = new Set(decisions.map((d) => d.id));
  const actions = useActionItems().filter(
    (a) => a.link !== null && ((a.link.kind === 'agenda' && a.link.id === item.id) || (a.link.kind === 'decision' && decisionIds.has(a.link.id))),
  );
  return (
    <section className="projector__now" aria-labelledby="projector-item">
      <p className="projector__kicker">{t('projector.now', { number, count })}</p>
      <h1 id="projector-item" className="projector__title" data-testid="projector-item">{item.title}</h1>
      {item.presenter && <p className="projector__presenter">{t('projector.presenter', { name: item.presenter })}</p>}
      {meta.timer && (
        <div className="projector__timer">
          <TimerClock timer={meta.timer} timeboxMinutes={item.timeboxMinutes} size="large" label={t('facilitation.timeLeftFor', { title: item.title })} />
        </div>
      )}
      <div className="projector__outcomes">
        <Outcomes heading={t('projector.decisions')} testId="projector-decisions" items={decisions} render={(d: Decision) => d.text} empty={t('projector.noDecisions')} />
        <Outcomes
          heading={t('projector.actionItems')}
          testId="projector-actions"
          items={actions}
          render={(a: ActionItem) => <ActionLine item={a} language={meta.language} />}
          empty={t('projector.noActions')}
        />
      </div>
    </section>
  );
}

function ActionLine({ item, language }: { item: ActionItem; language: MeetingMeta['language'] }) {
  const { t } = useTranslation();
  const who = item.owner.name ? (item.owner.department ? `${item.owner.name}（${item.owner.department}）` : item.owner.name) : t('projector.noOwner');
  return (
    <>
      <span className="projector__action-title">{item.title}</span>
      <span className="projector__action-meta">
        {who}
        {item.dueDate && <> · {t('projector.due', { date: formatIsoDate(item.dueDate, language) })}</>}
      </span>
    </>
  );
}

function Outcomes<T extends { id: string }>(props: { heading: string; testId: string; items: readonly T[]; render(item: T): ReactNode; empty: string }) {
  const shown = props.items.slice(-MAX_SHOWN);
  const hidden = props.items.length - shown.length;
  const { t } = useTranslation();
  return (
    <section className="projector__list" data-testid={props.testId}>
      <h2 className="projector__list-heading">
        {props.heading} <span className="projector__count">{props.items.length}</span>
      </h2>
      {props.items.length === 0 ? (
        <p className="projector__empty">{props.empty}</p>
      ) : (
        <ol>
          {hidden > 0 && <li className="projector__more">{t('projector.earlier', { count: hidden })}</li>}
          {shown.map((item) => (
            <li key={item.id}>{props.render(item)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NotRunning({ meta, items }: { meta: MeetingMeta; items: readonly AgendaItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="projector__now" aria-labelledby="projector-item">
      <p className="projector__kicker">{t(meta.status === 'ended' ? 'projector.ended' : meta.status === 'live' ? 'projector.between' : 'projector.notStarted')}</p>
      <h1 id="projector-item" className="projector__title" data-testid="projector-item">{meta.title}</h1>
      {items.length > 0 && (
        <ol className="projector__agenda">
          {items.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
