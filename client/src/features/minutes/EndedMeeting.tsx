import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import type { MeetingMeta } from '@suishin/shared';
import { formats, type ExportLanguage } from '@suishin/shared/export';
import { formatDateTime } from '../../i18n/format';
import { useClosingNotes } from '../../meeting/hooks/useClosingNotes';
import { useMeetingView } from '../../meeting/hooks/useMeetingView';
import { useUiStore } from '../../state/uiStore';
import { RadioSwitch } from '../../ui/RadioSwitch';
import { exportUrl } from '../export/exportApi';
import { ExportMenu } from '../export/ExportMenu';
import { DeleteMeetingButton } from '../trash/DeleteMeetingButton';
import { MinutesView } from './MinutesView';
import { MeetingRating } from '../bodies/MeetingRating';
import './minutes.css';

const LANGUAGE_NAMES: Record<ExportLanguage, string> = { ja: '日本語', en: 'English' };

/**
 * The page of an ended meeting: a read-only banner (shown on every open client the moment the
 * meeting ends: it follows the document's status), the minutes, and their downloads.
 */
export function EndedMeeting({ meetingId, meta }: { meetingId: string; meta: MeetingMeta }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'ja' ? 'ja' : 'en';
  const appLanguage = useUiStore((s) => s.language);
  const view = useMeetingView({ notes: true });
  const notes = useClosingNotes();
  const [language, setLanguage] = useState<ExportLanguage>(meta.language);

  return (
    <div className="ended-meeting">
      <div className="ended-banner" role="status" data-testid="read-only-banner">
        <svg className="ended-banner__icon" width="18" height="18" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span>{t('minutes.banner')}</span>
        {meta.endedAt !== null && <span className="ended-banner__time">{t('minutes.endedAt', { time: formatDateTime(meta.endedAt, appLanguage) })}</span>}
      </div>

      <div className="ended-meeting__toolbar">
        <Link to="/" className="link ended-meeting__back">← {t('app.backToMeetings')}</Link>
        <div className="ended-meeting__actions">
          <span className="ended-meeting__label" aria-hidden="true">{t('minutes.language')}</span>
          <RadioSwitch<ExportLanguage>
            label={t('minutes.language')}
            value={language}
            options={(['ja', 'en'] as const).map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))}
            onChange={setLanguage}
          />
          <div className="ended-meeting__downloads" role="group" aria-label={t('minutes.downloads')}>
            {formats
              .filter((f) => f.content === 'minutes')
              .map((format) => (
                <a key={format.id} className="btn btn--sm btn--secondary" href={exportUrl(meetingId, format.id, { language })} download data-format={format.id}>
                  <span aria-hidden="true">↓</span> {format.label[ui]}
                </a>
              ))}
          </div>
          <ExportMenu meetingId={meetingId} language={language} withoutMinutes />
          <DeleteMeetingButton meetingId={meetingId} title={meta.title} />
        </div>
      </div>

      <MeetingRating meetingId={meetingId} />
      <MinutesView view={view} notes={notes} language={language} />
    </div>
  );
}
