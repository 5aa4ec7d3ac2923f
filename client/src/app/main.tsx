import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from '../i18n';
import { useUiStore } from '../state/uiStore';
import { refreshSession } from '../features/access/session';
import { notesEditorCode } from '../editor/notesEditorCode';
import { prefetchMeetingDocument } from '../meeting/documentPrefetch';
import { MEETING_PATH } from './meetingPath';
import { AppRoutes, preloadMeetingRoom } from './routes';
import { installFocusKeeper } from '../ui/focusKeeper';
import './styles.css';
import './touchTargets.css';

// Opening a meeting link directly: fetch the meeting's document, the room's code, the notes
// editor it shows next, and who this browser is signed in as, now, in parallel with React
// starting up, instead of one after the other once the route renders. The code stays in separate
// chunks; the route and the editor reuse these same requests. The meeting's socket opens as soon
// as its code is here, before React has rendered the route (the registry keeps it for the room,
// which joins the same connection), and the document is applied then (documentPrefetch.ts).
const meetingPath = MEETING_PATH.exec(window.location.pathname);
if (meetingPath) {
  prefetchMeetingDocument(decodeURIComponent(meetingPath[1]!), notesEditorCode.whenLoaded());
  preloadMeetingRoom();
  void import('../meeting/registry').then(({ getMeetingConnection }) => getMeetingConnection(decodeURIComponent(meetingPath[1]!)));
}
// Every page but signing in needs the session: ask for it before the first render, not after.
if (!/^\/(signin$|m\/[^/]+\/join$)/.test(window.location.pathname)) void refreshSession();

initI18n(useUiStore.getState().language);
installFocusKeeper();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
);
