import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CloseCode } from '@suishin/shared';
import { HeaderStatus } from '../../app/headerSlot';
import { formatDateTime } from '../../i18n/format';
import { MeetingScope } from '../../meeting/MeetingScope';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useConnectionStatus, useMeetingReady } from '../../meeting/hooks/useConnectionStatus';
import { useMeta } from '../../meeting/hooks/useMeta';
import { useUiStore } from '../../state/uiStore';
import { StatusPill } from '../../ui/StatusPill';
import { AgendaItemDetail } from '../agenda/AgendaItemDetail';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { ConnectionIndicator } from './ConnectionIndicator';
import { RoomLayout } from './RoomLayout';

export function MeetingRoomPage() {
  const { meetingId } = useParams();
  if (!meetingId) return null;
  return (
    <MeetingScope key={meetingId} meetingId={meetingId}>
      <HeaderStatus>
        <ConnectionIndicator />
      </HeaderStatus>
      <MeetingRoom meetingId={meetingId} />
    </MeetingScope>
  );
}

function MeetingRoom({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const ready = useMeetingReady();
  const status = useConnectionStatus();

  if (status.phase === 'refused') {
    return (
      <div className="page page--narrow empty-state" role="alert">
        <p>{status.closeCode === CloseCode.unknownMeeting ? t('room.refusedUnknown') : t('room.refused')}</p>
        {status.closeReason && <p className="muted">{status.closeReason}</p>}
        <Link to="/" className="link">{t('app.backToMeetings')}</Link>
      </div>
    );
  }
  if (!ready) {
    return <div className="page page--narrow empty-state" role="status">{t('room.loading')}</div>;
  }
  return <LoadedRoom meetingId={meetingId} />;
}

function LoadedRoom({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const items = useAgendaItems();
  const language = useUiStore((s) => s.language);
  const selectedId = useUiStore((s) => s.selectedAgendaItem[meetingId]);
  const select = useUiStore((s) => s.selectAgendaItem);

  // Keep a valid selection: the first item when none is chosen or the chosen one was removed.
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  const effectiveIndex = selectedIndex >= 0 ? selectedIndex : items.length > 0 ? 0 : -1;
  const selected = effectiveIndex >= 0 ? items[effectiveIndex] : undefined;
  useEffect(() => {
    if (selected && selected.id !== selectedId) select(meetingId, selected.id);
  }, [selected, selectedId, meetingId, select]);

  useEffect(() => {
    if (meta?.title) document.title = `${meta.title} · Suishin`;
    return () => {
      document.title = 'Suishin';
    };
  }, [meta?.title]);

  return (
    <RoomLayout
      header={
        <div className="room-header">
          <Link to="/" className="room-header__back link">← {t('app.backToMeetings')}</Link>
          <h1 className="room-header__title">{meta?.title}</h1>
          <div className="room-header__meta">
            {meta && <StatusPill tone={meta.status === 'live' ? 'success' : meta.status === 'ended' ? 'info' : 'neutral'}>{t(`meetings.status.${meta.status}`)}</StatusPill>}
            {meta?.scheduledStart && <span>{formatDateTime(meta.scheduledStart, language)}</span>}
            {meta?.place && <span>{t('room.place')}: {meta.place}</span>}
            {meta && meta.departments.length > 0 && (
              <span className="room-header__departments">
                {meta.departments.map((d) => <span key={d} className="tag">{d}</span>)}
              </span>
            )}
          </div>
        </div>
      }
      agenda={<AgendaPanel meetingId={meetingId} selectedId={selected?.id} onSelect={(id) => select(meetingId, id)} />}
      main={
        selected ? (
          <AgendaItemDetail
            item={selected}
            number={effectiveIndex + 1}
            notes={<div className="notes-placeholder">{t('room.notesComing')}</div>}
          />
        ) : (
          <div className="empty-state empty-state--panel">{t('room.noItemSelected')}</div>
        )
      }
    />
  );
}
