import { createBrowserRouter } from 'react-router';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { AppShell } from './AppShell';
import { NotFound } from './NotFound';

/**
 * The meetings list is in the entry chunk; the meeting room (React + Yjs + y-websocket, and
 * later tiptap) is loaded on demand so the list stays light.
 */
export const router = createBrowserRouter([
  {
    Component: AppShell,
    HydrateFallback: () => null,
    children: [
      { index: true, Component: MeetingsPage },
      {
        path: 'meetings/:meetingId',
        lazy: async () => ({ Component: (await import('../features/room/MeetingRoomPage')).MeetingRoomPage }),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);
