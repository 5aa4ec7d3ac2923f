import type { ReactNode } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';
import { RequireMeetingAccess, RequireSession } from '../features/access/RequireSession';
import { SignInPage } from '../features/access/SignInPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { AppShell } from './AppShell';
import { Loaded, loadable, type Loadable } from '../ui/loadable';
import { NotFound } from './NotFound';

/**
 * The meetings list is in the entry chunk; the meeting room (Yjs, y-websocket, react-aria, and
 * then tiptap in a chunk of its own) is loaded on demand so the list stays light (see loadable.tsx
 * for why not React.lazy). Declarative routes: the data-router APIs (loaders, actions, fetchers)
 * are not used and would only add weight to every page.
 */
const meetingRoom = loadable(() => import('../features/room/MeetingRoomPage'));
/** Role badge, Share dialog and read-only banner: with the room, not in the entry chunk. */
const roomAccess = loadable(() => import('../features/access/RoomAccess'));
/** A role link's join page (react-aria form): loaded only when a link is opened. */
const joinPage = loadable(() => import('../features/access/JoinPage'));
/** Follow-through pages (archive, search, registers, series, dashboard): each its own chunk, none in the entry. */
const archivePage = loadable(() => import('../features/archive/ArchivePage'));
const searchPage = loadable(() => import('../features/search/SearchPage'));
const seriesListPage = loadable(() => import('../features/series/SeriesListPage'));
const seriesPage = loadable(() => import('../features/series/SeriesPage'));
const bodiesPage = loadable(() => import('../features/bodies/BodiesPage'));
const dashboardPage = loadable(() => import('../features/dashboard/DashboardPage'));
const decisionRegisterPage = loadable(() => import('../features/registers/DecisionRegisterPage'));
const actionItemRegisterPage = loadable(() => import('../features/registers/ActionItemRegisterPage'));
const workspacePage = loadable(() => import('../features/workspace/WorkspacePage'));
const trashPage = loadable(() => import('../features/trash/TrashPage'));
/** The room's screen: full-window, outside the app's header, with a read-only credential of its own. */
const projectorPage = loadable(() => import('../features/projector/ProjectorPage'));

/** Opening a meeting link directly: main.tsx starts the room's code before React renders. */
export const preloadMeetingRoom = () => {
  meetingRoom.preload();
  roomAccess.preload();
};

function PageLoading() {
  const { t } = useTranslation();
  return <div className="page page--narrow empty-state" role="status">{t('app.loading')}</div>;
}

function RoomLoading() {
  const { t } = useTranslation();
  return <div className="page page--narrow empty-state" role="status">{t('room.loading')}</div>;
}

const page = <M extends { default: () => ReactNode }>(from: Loadable<M>, fallback: ReactNode = <PageLoading />) => (
  <Loaded from={from} fallback={fallback}>{(m) => <m.default />}</Loaded>
);

/** A meeting: for anyone with a role in it (otherwise the page says why not). */
function MeetingRoute() {
  return (
    <RequireMeetingAccess>
      <MeetingRoomCode />
    </RequireMeetingAccess>
  );
}

function MeetingRoomCode() {
  const { meetingId = '' } = useParams();
  // The badge and banner appear when their code is here; the room never waits for them.
  const access = roomAccess.useModule();
  return (
    <Loaded from={meetingRoom} fallback={<RoomLoading />}>
      {({ MeetingRoomPage }) => (
        <>
          {access.status === 'loaded' && <access.module.default key={meetingId} meetingId={meetingId} />}
          <MeetingRoomPage />
        </>
      )}
    </Loaded>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="m/:meetingId/projector" element={page(projectorPage, <RoomLoading />)} />
      <Route element={<AppShell />}>
        {/* Signing in: the admin's URL and role links carry their token in the fragment. */}
        <Route path="signin" element={<SignInPage />} />
        <Route
          path="m/:meetingId/join"
          element={page(joinPage, <RoomLoading />)}
        />
        {/* Everything else needs a session ("sign in with your link" without one). */}
        <Route element={<RequireSession />}>
          <Route index element={<MeetingsPage />} />
          <Route path="meetings/:meetingId" element={<MeetingRoute />} />
          <Route path="archive" element={page(archivePage)} />
          <Route path="search" element={page(searchPage)} />
          <Route path="decisions" element={page(decisionRegisterPage)} />
          <Route path="action-items" element={page(actionItemRegisterPage)} />
          <Route path="series" element={page(seriesListPage)} />
          <Route path="series/:seriesId" element={page(seriesPage)} />
          <Route path="bodies" element={page(bodiesPage)} />
          <Route path="dashboard" element={page(dashboardPage)} />
          <Route path="workspace" element={page(workspacePage)} />
          <Route path="trash" element={page(trashPage)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
