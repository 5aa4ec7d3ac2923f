import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { MeetingScope } from '../../meeting/MeetingScope';
import { ProjectorScreen } from './ProjectorScreen';
import { projectorTicket } from './projectorApi';
import { takeProjectorLink, type ProjectorLink } from './projectorLink';
import './projector.css';

/** Read once per page load: StrictMode's second render must not find the fragment already gone. */
let pageLink: { meetingId: string; link: ProjectorLink | null } | undefined;
const readLink = (meetingId: string) =>
  pageLink?.meetingId === meetingId ? pageLink.link : (pageLink = { meetingId, link: takeProjectorLink(meetingId) }).link;

/**
 * /m/<meetingId>/projector: the room's screen. Connects with its own observer link (the address
 * the room's Share dialog opens), so it can write nothing whoever's browser shows it, and needs
 * no sign-in on the room's PC.
 */
export default function ProjectorPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const [link] = useState(() => readLink(meetingId));
  const options = useMemo(
    () => (link ? { key: `projector:${meetingId}`, readOnlyScreen: true, socketTicket: () => projectorTicket(meetingId, link.screenToken) } : undefined),
    [link, meetingId],
  );
  useEffect(() => {
    document.title = `${t('projector.title')} · Suishin`;
  }, [t]);

  if (!link || !options) {
    return (
      <div className="projector projector--message" role="alert">
        <p>{t('projector.noLink')}</p>
      </div>
    );
  }
  return (
    <MeetingScope meetingId={meetingId} options={options}>
      <ProjectorScreen joinUrl={link.joinUrl} />
    </MeetingScope>
  );
}
