import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { AppShell } from './AppShell';
import { NotFound } from './NotFound';

/**
 * The meetings list is in the entry chunk; the meeting room (Yjs, y-websocket, react-aria, and
 * then tiptap in a chunk of its own) is loaded on demand so the list stays light. Declarative
 * routes: the data-router APIs (loaders, actions, fetchers) are not used and would only add
 * weight to every page.
 */
const MeetingRoomPage = lazy(() => import('../features/room/MeetingRoomPage').then((m) => ({ default: m.MeetingRoomPage })));

function RoomLoading() {
  const { t } = useTranslation();
  return <div className="page page--narrow empty-state" role="status">{t('room.loading')}</div>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<MeetingsPage />} />
        <Route
          path="meetings/:meetingId"
          element={
            <Suspense fallback={<RoomLoading />}>
              <MeetingRoomPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
