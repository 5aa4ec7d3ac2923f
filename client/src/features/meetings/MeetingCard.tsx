import { Link } from 'react-router';
import type { MeetingListEntry } from '@suishin/shared/protocol';
import { formatDateTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { formatDay } from '../series/day';

export const statusTone: Record<MeetingListEntry['status'], Tone> = { draft: 'neutral', live: 'success', ended: 'info' };

/** A meeting in a list: title, state, when and where, its departments, and for an ended one what came out of it. */
export function MeetingCard({ meeting }: { meeting: MeetingListEntry }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const when = meeting.status === 'draft' && meeting.scheduledStart
    ? formatDateTime(meeting.scheduledStart, language)
    : meeting.heldOn ? formatDay(meeting.heldOn, language) : t('home.unscheduled');
  return (
    <Link to={`/meetings/${encodeURIComponent(meeting.id)}`} className={`meeting-card meeting-card--${meeting.status}`}>
      <span className="meeting-card__title">{meeting.title}</span>
      <span className="meeting-card__meta">
        <StatusPill tone={statusTone[meeting.status]}>{t(`meetings.status.${meeting.status}`)}</StatusPill>
        <span className="meeting-card__when">{when}</span>
        {meeting.place && <span className="muted">{t('home.place', { place: meeting.place })}</span>}
        {meeting.departments.map((d) => <span key={d} className="tag">{d}</span>)}
        {meeting.status === 'ended' && (
          <span className="muted">{t('home.stats', { decisions: meeting.decisionCount, actions: meeting.actionItemCount })}</span>
        )}
      </span>
    </Link>
  );
}
