import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { CloseCode } from '@suishin/shared';
import type { TFunction } from 'i18next';
import { HeaderStatus } from '../../app/headerSlot';
import { MeetingScope } from '../../meeting/MeetingScope';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useConnectionStatus, useMeetingReady } from '../../meeting/hooks/useConnectionStatus';
import { useMeta } from '../../meeting/hooks/useMeta';
import { useIdentity, usePublishPresence } from '../../meeting/hooks/usePresence';
import { useUiStore } from '../../state/uiStore';
import { AppLocale } from '../../ui/AppLocale';
import { AgendaItemDetail } from '../agenda/AgendaItemDetail';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { AgendaNotes } from '../notes/AgendaNotes';
import { OutcomesPanel } from '../outcomes/OutcomesPanel';
import { AttendeesPanel } from '../presence/AttendeesPanel';
import { JoinDialog } from '../presence/JoinDialog';
import { PresenceBar } from '../presence/PresenceBar';
import { FacilitationBar } from '../timer/FacilitationBar';
import { GoToItemButton } from '../timer/FacilitatorControls';
import { ConnectionIndicator } from './ConnectionIndicator';
import { MeetingHeader } from './MeetingHeader';
import { RoomLayout } from './RoomLayout';
import type { ExportMenuProps } from '../export/ExportMenu';
import { DeleteMeetingButton } from '../trash/DeleteMeetingButton';

// An ended meeting's minutes page and the Export menu load on demand: they bring shared's formatters.
const EndedMeeting = lazy(() => import('../minutes/EndedMeeting').then((m) => ({ default: m.EndedMeeting })));
// The menu is an extra in the live room: if its code cannot load (the network dropped), the room goes on without it.
const ExportMenu = lazy<ComponentType<ExportMenuProps>>(() =>
  import('../export/ExportMenu').then(
    (m) => ({ default: m.ExportMenu }),
    () => ({ default: () => null }),
  ),
);

export function MeetingRoomPage() {
  const { meetingId } = useParams();
  if (!meetingId) return null;
  return (
    <MeetingScope key={meetingId} meetingId={meetingId}>
      <HeaderStatus>
        <ConnectionIndicator />
      </HeaderStatus>
      <AppLocale>
        <MeetingRoom meetingId={meetingId} />
      </AppLocale>
    </MeetingScope>
  );
}

function refusalText(t: TFunction, closeCode: number | null | undefined): string {
  if (closeCode === CloseCode.unknownMeeting) return t('room.refusedUnknown');
  if (closeCode === CloseCode.newerDocument) return t('room.refusedNewer');
  if (closeCode === CloseCode.meetingDeleted) return t('trash.deleted');
  return t('room.refused');
}

function MeetingRoom({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const ready = useMeetingReady();
  const status = useConnectionStatus();

  if (status.phase === 'refused') {
    return (
      <div className="page page--narrow empty-state" role="alert">
        <p>{refusalText(t, status.closeCode)}</p>
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
  const me = useIdentity();
  const selectedId = useUiStore((s) => s.selectedAgendaItem[meetingId]);
  const selectAgendaItem = useUiStore((s) => s.selectAgendaItem);
  const select = useCallback((id: string) => selectAgendaItem(meetingId, id), [selectAgendaItem, meetingId]);
  usePublishPresence();

  // Keep a valid selection: the running item (or the first) when none is chosen or the chosen one was removed.
  const runningId = meta?.status === 'live' ? meta.currentAgendaItemId : null;
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  const fallbackIndex = Math.max(0, items.findIndex((item) => item.id === runningId));
  const effectiveIndex = selectedIndex >= 0 ? selectedIndex : items.length > 0 ? fallbackIndex : -1;
  const selected = effectiveIndex >= 0 ? items[effectiveIndex] : undefined;
  useEffect(() => {
    if (selected && selected.id !== selectedId) select(selected.id);
  }, [selected, selectedId, select]);

  // Follow the meeting: when the facilitator moves on, whoever was looking at the running item
  // moves with it, unless they are typing in it (their editor is never pulled away under them).
  const previousRunning = useRef(runningId);
  useEffect(() => {
    const before = previousRunning.current;
    previousRunning.current = runningId;
    if (!runningId || runningId === before || selectedId !== before) return;
    const detail = document.querySelector('[data-testid="agenda-detail"]');
    if (detail?.contains(document.activeElement)) return;
    select(runningId);
  }, [runningId, selectedId, select]);

  useEffect(() => {
    if (meta?.title) document.title = `${meta.title} · Suishin`;
    return () => {
      document.title = 'Suishin';
    };
  }, [meta?.title]);

  // Elements for the memoized detail panel, kept while what they show is unchanged: a new element
  // on every room render (each remote edit, the selection being stored) re-rendered the panel.
  const selectedTitle = selected?.title;
  const selectedKey = selected?.id;
  const live = meta?.status === 'live';
  const running = selected !== undefined && live && meta.timer?.agendaItemId === selected.id;
  const notes = useMemo(
    () => (selectedKey !== undefined ? <AgendaNotes key={selectedKey} agendaItemId={selectedKey} title={selectedTitle ?? ''} /> : null),
    [selectedKey, selectedTitle],
  );
  const goTo = useMemo(
    () => (live && !running && selectedKey !== undefined ? <GoToItemButton agendaItemId={selectedKey} /> : undefined),
    [live, running, selectedKey],
  );

  if (!meta) return null;
  if (meta.status === 'ended') {
    // Read-only from here on (the server refuses edits): every open client switches to the minutes.
    return (
      <Suspense fallback={<div className="page page--narrow empty-state" role="status">{t('room.loading')}</div>}>
        <EndedMeeting meetingId={meetingId} meta={meta} />
      </Suspense>
    );
  }
  const timer = meta.status === 'live' ? meta.timer : null;

  return (
    <>
      <RoomLayout
        header={
          <MeetingHeader
            meta={meta}
            tools={
              <>
                <Suspense fallback={null}>
                  <ExportMenu meetingId={meetingId} />
                </Suspense>
                <DeleteMeetingButton meetingId={meetingId} title={meta.title} />
                <PresenceBar />
              </>
            }
          />
        }
        agenda={<AgendaPanel meetingId={meetingId} selectedId={selected?.id} timer={timer} onSelect={select} />}
        facilitation={<FacilitationBar meta={meta} items={items} onShowItem={select} />}
        main={
          selected ? (
            <AgendaItemDetail
              key={selected.id}
              item={selected}
              number={effectiveIndex + 1}
              running={running}
              goTo={goTo}
              notes={notes}
            />
          ) : (
            <div className="empty-state empty-state--panel">{t('room.noItemSelected')}</div>
          )
        }
        side={<AttendeesPanel departments={meta.departments} />}
        outcomes={<OutcomesPanel currentAgendaItemId={selected?.id ?? null} departments={meta.departments} meetingLanguage={meta.language} />}
        sideLabel={t('room.sideColumn')}
      />
      <JoinDialog isOpen={me.name === null} onDone={() => {}} />
    </>
  );
}
