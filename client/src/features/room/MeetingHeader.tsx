import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MeetingMeta } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import { formatDateTime } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { StatusPill } from '../../ui/StatusPill';
import { useRoomAccess } from '../access/useMeetingAccess';
import './meetingDetails.css';

// The details form (react-aria's date and time fields) loads when a facilitator opens it.
const MeetingDetailsDialog = lazy<ComponentType<{ meta: MeetingMeta; onClose(): void }>>(() => import('./MeetingDetailsDialog'));

/**
 * The room's heading: the meeting's title, its number in the series (linking to the series), its
 * status, day and time (in the workspace's zone), place and departments, and for facilitators the
 * details form (title, date, time, place), before and during the meeting.
 */
export function MeetingHeader({ meta, tools }: { meta: MeetingMeta; tools: ReactNode }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { canFacilitate } = useRoomAccess();
  const [editing, setEditing] = useState(false);
  const when = meta.scheduledStart ? formatDateTime(meta.scheduledStart, language) : null;
  return (
    <div className="room-header">
      <div className="room-header__text">
        <Link to="/" className="room-header__back link">← {t('app.backToMeetings')}</Link>
        <h1 className="room-header__title">{meta.title}</h1>
        <div className="room-header__meta">
          {meta.seriesNumber !== null &&
            (meta.seriesId ? (
              <Link className="tag tag--number" to={`/series/${encodeURIComponent(meta.seriesId)}`} data-testid="meeting-number" aria-label={t('seriesNumber.ofSeries', { number: meta.seriesNumber })}>
                {t('seriesNumber.number', { number: meta.seriesNumber })}
              </Link>
            ) : (
              <span className="tag tag--number" data-testid="meeting-number">{t('seriesNumber.number', { number: meta.seriesNumber })}</span>
            ))}
          <StatusPill tone={meta.status === 'live' ? 'success' : 'neutral'}>{t(`meetings.status.${meta.status}`)}</StatusPill>
          {when && <span data-testid="meeting-when">{when}</span>}
          {meta.place && <span data-testid="meeting-place">{t('room.place')}: {meta.place}</span>}
          {meta.departments.length > 0 && (
            <span className="room-header__departments">
              {meta.departments.map((d) => <span key={d} className="tag">{d}</span>)}
            </span>
          )}
          {canFacilitate && (
            <Button size="sm" variant="quiet" onPress={() => setEditing(true)} data-testid="edit-meeting-details">{t('meetingDetails.edit')}</Button>
          )}
        </div>
      </div>
      <div className="room-header__tools">{tools}</div>
      {editing && (
        <Suspense fallback={null}>
          <MeetingDetailsDialog meta={meta} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
