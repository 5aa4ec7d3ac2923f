import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Text } from 'react-aria-components';
import type { TrackerKind, TrackerSummary } from '@suishin/shared/protocol';
import { formats, type ExportLanguage } from '@suishin/shared/export';
import { Button } from '../../ui/Button';
import { useMyRole } from '../access/useMeetingAccess';
import { exportUrl, listTrackers, TRACKER_NAMES } from './exportApi';
import { TrackerPushDialog } from './TrackerPushDialog';
import './export.css';

export interface ExportMenuProps {
  meetingId: string;
  /** Language of the files; default the meeting's own. */
  language?: ExportLanguage;
  /** Leave out the minutes files (when the page offers them as buttons already). */
  withoutMinutes?: boolean;
}

/**
 * The facilitator's Export menu: every file format of shared's registry (downloaded from the
 * server, which renders it in the meeting's language with the link back to the meeting), and the
 * trackers this server can create issues in. Linear's CSV says that its importer drops due dates.
 * Shown to facilitators only (the server refuses the others anyway).
 */
export function ExportMenu({ meetingId, language, withoutMinutes }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'ja' ? 'ja' : 'en';
  const [trackers, setTrackers] = useState<TrackerSummary[] | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [pushing, setPushing] = useState<TrackerKind | null>(null);
  const facilitator = useMyRole(meetingId) === 'facilitator';

  useEffect(() => {
    if (!menuOpen || trackers) return;
    let cancelled = false;
    listTrackers(meetingId).then(
      (body) => !cancelled && setTrackers(body.trackers),
      () => !cancelled && setTrackers([]),
    );
    return () => {
      cancelled = true;
    };
  }, [menuOpen, trackers, meetingId]);

  if (!facilitator) return null;
  const linearConfigured = trackers?.some((tr) => tr.tracker === 'linear' && tr.state === 'configured') ?? false;
  const usable = (trackers ?? []).filter((tr) => tr.state !== 'not-configured');
  const minutesFormats = formats.filter((f) => f.content === 'minutes');
  const fileFormats = formats.filter((f) => f.content === 'action-items');

  return (
    <>
      <MenuTrigger isOpen={menuOpen} onOpenChange={setMenuOpen}>
        <Button size="sm" variant="secondary" className="export-menu__trigger" data-testid="export-menu">
          {t('exports.menu')} <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="popover export-menu__popover" placement="bottom end">
          <Menu
            className="export-menu"
            aria-label={t('exports.menu')}
            onAction={(key) => {
              const value = String(key);
              if (value.startsWith('tracker:')) setPushing(value.slice('tracker:'.length) as TrackerKind);
            }}
            disabledKeys={usable.filter((tr) => tr.state !== 'configured').map((tr) => `tracker:${tr.tracker}`)}
          >
            {!withoutMinutes && (
              <MenuSection className="export-menu__section">
                <Header className="export-menu__header">{t('exports.minutes')}</Header>
                {minutesFormats.map((format) => (
                  <FileItem key={format.id} format={format} href={exportUrl(meetingId, format.id, language ? { language } : {})} label={format.label[ui]} />
                ))}
              </MenuSection>
            )}
            <MenuSection className="export-menu__section">
              <Header className="export-menu__header">{t('exports.actionItems')}</Header>
              {fileFormats.map((format) => (
                <FileItem
                  key={format.id}
                  format={format}
                  href={exportUrl(meetingId, format.id, language ? { language } : {})}
                  label={format.label[ui]}
                  note={format.carriesDueDate ? undefined : linearConfigured ? t('exports.linearNoDue') : t('exports.linearNoDueNoApi')}
                />
              ))}
            </MenuSection>
            <MenuSection className="export-menu__section">
              <Header className="export-menu__header">{t('exports.trackers')}</Header>
              {trackers === null ? (
                <MenuItem key="trackers-loading" id="trackers-loading" className="export-menu__item" isDisabled textValue={t('exports.loading')}>
                  <Text slot="label">{t('exports.loading')}</Text>
                </MenuItem>
              ) : usable.length === 0 ? (
                <MenuItem key="trackers-none" id="trackers-none" className="export-menu__item" isDisabled textValue={t('exports.noTrackers')}>
                  <Text slot="label" className="export-menu__note">{t('exports.noTrackers')}</Text>
                </MenuItem>
              ) : (
                usable.map((tr) => (
                  <MenuItem key={tr.tracker} id={`tracker:${tr.tracker}`} className="export-menu__item" textValue={TRACKER_NAMES[tr.tracker]}>
                    <Text slot="label">
                      {tr.state === 'configured'
                        ? t('exports.createIn', { tracker: TRACKER_NAMES[tr.tracker], destination: tr.destination })
                        : TRACKER_NAMES[tr.tracker]}
                    </Text>
                    {tr.state === 'invalid' && (
                      <Text slot="description" className="export-menu__note">
                        {t('exports.misconfigured', { tracker: TRACKER_NAMES[tr.tracker], problem: tr.problem })}
                      </Text>
                    )}
                  </MenuItem>
                ))
              )}
            </MenuSection>
          </Menu>
        </Popover>
      </MenuTrigger>
      {pushing && <TrackerPushDialog meetingId={meetingId} tracker={pushing} onClose={() => setPushing(null)} />}
    </>
  );
}

/** A file to download: the minutes or the action items in one format, with an optional note. */
function FileItem({ format, href, label, note }: { format: (typeof formats)[number]; href: string; label: string; note?: string }) {
  return (
    <MenuItem id={format.id} className="export-menu__item" href={href} download textValue={label}>
      <Text slot="label">{label}</Text>
      {note && <Text slot="description" className="export-menu__note">{note}</Text>}
    </MenuItem>
  );
}
