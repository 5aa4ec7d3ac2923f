import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireMeetingAccess, RequireSession } from '../features/access/RequireSession';
import { SignInPage } from '../features/access/SignInPage';
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
/** Follow-through pages (archive, search, series, dashboard): each its own chunk, none in the entry. */
const ArchivePage = lazy(() => import('../features/archive/ArchivePage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const SeriesListPage = lazy(() => import('../features/series/SeriesListPage'));
const SeriesPage = lazy(() => import('../features/series/SeriesPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));

function PageLoading() {
  const { t } = useTranslation();
  return <div className="page page--narrow empty-state" role="status">{t('app.loading')}</div>;
}

const lazyPage = (Page: ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);
/** Role badge, Share dialog and read-only banner: with the room, not in the entry chunk. */
const RoomAccess = lazy(() => import('../features/access/RoomAccess'));
/** A role link's join page (react-aria form): loaded only when a link is opened. */
const JoinPage = lazy(() => import('../features/access/JoinPage'));

function RoomLoading() {
  const { t } = useTranslation();
  return <div className="page page--narrow empty-state" role="status">{t('room.loading')}</div>;
}

/** A meeting: for anyone with a role in it (otherwise the page says why not). */
function MeetingRoute() {
  const { meetingId = '' } = useParams();
  return (
    <RequireMeetingAccess>
      <Suspense fallback={<RoomLoading />}>
        <RoomAccess key={meetingId} meetingId={meetingId} />
        <MeetingRoomPage />
      </Suspense>
    </RequireMeetingAccess>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        {/* Signing in: the admin's URL and role links carry their token in the fragment. */}
        <Route path="signin" element={<SignInPage />} />
        <Route
          path="m/:meetingId/join"
          element={
            <Suspense fallback={<RoomLoading />}>
              <JoinPage />
            </Suspense>
          }
        />
        {/* Everything else needs a session ("sign in with your link" without one). */}
        <Route element={<RequireSession />}>
          <Route index element={<MeetingsPage />} />
          <Route path="meetings/:meetingId" element={<MeetingRoute />} />
          <Route path="archive" element={lazyPage(ArchivePage)} />
          <Route path="search" element={lazyPage(SearchPage)} />
          <Route path="series" element={lazyPage(SeriesListPage)} />
          <Route path="series/:seriesId" element={lazyPage(SeriesPage)} />
          <Route path="dashboard" element={lazyPage(DashboardPage)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
