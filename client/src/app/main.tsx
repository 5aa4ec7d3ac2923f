import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from '../i18n';
import { useUiStore } from '../state/uiStore';
import { AppRoutes } from './routes';
import './styles.css';

// Opening a meeting link directly: fetch the room's code, and the notes editor it shows next, now,
// in parallel with React starting up, instead of one after the other once the route renders.
// Both stay separate chunks; the lazy route and the lazy editor reuse these same requests.
// The meeting's socket opens as soon as its code is here, before React has rendered the route
// (the registry keeps it for the room, which joins the same connection).
const meetingPath = /^\/meetings\/([^/]+)$/.exec(window.location.pathname);
if (meetingPath) {
  void import('../features/room/MeetingRoomPage');
  void import('../editor/NotesEditor');
  void import('../meeting/registry').then(({ getMeetingConnection }) => getMeetingConnection(decodeURIComponent(meetingPath[1]!)));
}

initI18n(useUiStore.getState().language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
);
