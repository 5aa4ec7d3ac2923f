import { useCallback, useEffect, useState } from 'react';
import { BODY_ROLES, type Series } from '@suishin/shared';
import type { BodyHealthResponse } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { listSeries, updateSeries } from '../series/seriesApi';
import { formatDay } from '../series/day';
import { BodyDialog } from './BodyDialog';
import { BodyHealthFigures, NextMeeting, useCadenceText } from './BodyHealthFigures';
import { BodyRatingTrend } from './BodyRatingTrend';
import { getBodyHealth } from './bodiesApi';
import './bodies.css';

/**
 * A series' page as a 会議体: purpose, decision function and rights, cadence, parent, members by
 * role, the review date, its health and its rating trend; the admin edits it in the body dialog.
 */
export function BodyPanel({ series, editable, onSaved }: { series: Series; editable: boolean; onSaved(updated: Series): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const cadence = useCadenceText();
  const [health, setHealth] = useState<BodyHealthResponse | null>(null);
  const [bodies, setBodies] = useState<Series[]>([]);
  const [editing, setEditing] = useState(false);
  const reload = useCallback(() => {
    let cancelled = false;
    getBodyHealth(series.id).then((h) => !cancelled && setHealth(h), () => undefined);
    listSeries().then((all) => !cancelled && setBodies(all), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [series.id]);
  useEffect(reload, [reload, series]);
  const parent = bodies.find((b) => b.id === series.parentId);

  return (
    <section className="card body-panel" aria-labelledby="body-panel-heading" data-testid="body-panel">
      <div className="body-card__head">
        <h2 id="body-panel-heading" className="card__title">{t('bodies.detail.heading')}</h2>
        <span className="tag">{t(`bodies.function.${series.decisionFunction ?? 'none'}`)}</span>
        {editable && <Button size="sm" onPress={() => setEditing(true)}>{t('bodies.detail.edit')}</Button>}
      </div>
      <div className="body-panel__grid">
        <dl>
          <dt>{t('bodies.detail.purpose')}</dt>
          <dd>{series.purpose || <span className="muted">{t('bodies.detail.notSet')}</span>}</dd>
          <dt>{t('bodies.detail.decides')}</dt>
          <dd>{series.decisionRights || <span className="muted">{t('bodies.detail.notSet')}</span>}</dd>
          <dt>{t('bodies.detail.cadence')}</dt>
          <dd data-testid="body-panel-cadence">{cadence(series.cadence)}</dd>
          <dt>{t('bodies.health.next')}</dt>
          <dd>{health ? <NextMeeting next={health.health.next} /> : '…'}</dd>
          <dt>{t('bodies.detail.parent')}</dt>
          <dd data-testid="body-panel-parent">{series.parentId ? parent?.name ?? '…' : t('bodies.detail.noParent')}</dd>
          {series.reviewOn && (<><dt>{t('bodies.form.reviewOn')}</dt><dd>{formatDay(series.reviewOn, language)}</dd></>)}
        </dl>
        <div>
          <h3 className="body-panel__subheading">{t('bodies.detail.members')}</h3>
          {series.members.length === 0 ? <p className="muted">{t('bodies.detail.noMembers')}</p> : (
            <dl>
              {BODY_ROLES.filter((role) => series.members.some((m) => m.role === role)).map((role) => (
                <div key={role}>
                  <dt>{t(`bodies.roles.${role}`)}</dt>
                  <dd>{series.members.filter((m) => m.role === role).map((m) => (m.department ? `${m.name}（${m.department}）` : m.name)).join('、')}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
      {health && <BodyHealthFigures health={health.health} reviewOn={series.reviewOn} />}
      <h3 className="body-panel__subheading">{t('bodies.detail.trend')}</h3>
      {health && <BodyRatingTrend points={health.ratingTrend} />}
      {editing && (
        <BodyDialog
          isOpen
          initial={series}
          bodies={bodies}
          onClose={() => setEditing(false)}
          onSave={async ({ usualAttendees: _kept, ...patch }) => {
            const updated = await updateSeries(series.id, patch);
            setEditing(false);
            onSaved(updated);
          }}
        />
      )}
    </section>
  );
}
