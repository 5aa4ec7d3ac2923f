import { lazy, Suspense, type ComponentType } from 'react';
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
        <Route path="archive" element={lazyPage(ArchivePage)} />
          <Route path="search" element={lazyPage(SearchPage)} />
          <Route path="series" element={lazyPage(SeriesListPage)} />
          <Route path="series/:seriesId" element={lazyPage(SeriesPage)} />
          <Route path="dashboard" element={lazyPage(DashboardPage)} />
          <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
