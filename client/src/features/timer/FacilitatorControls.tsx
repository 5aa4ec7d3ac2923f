import { useTranslation } from '../../i18n/useTranslation';
import type { MeetingMeta } from '@suishin/shared';
import { useFacilitation } from '../../meeting/hooks/useFacilitation';
import { Button } from '../../ui/Button';
import { useRoomAccess } from '../access/useMeetingAccess';
import { EndMeetingButton } from '../closing/EndMeetingButton';

export interface FacilitatorControlsProps {
  meta: MeetingMeta;
  /** Position of the running item and the agenda length, to disable previous/next at the ends. */
  index: number;
  count: number;
  /** Reports a command the model refused (e.g. someone else ended the meeting a moment ago). */
  onError(message: string): void;
}

/**
 * Every facilitation command in one component, so the later roles issue can show it to the
 * facilitator only (the server enforces roles; this only keeps the UI honest).
 */
export function FacilitatorControls({ meta, index, count, onError }: FacilitatorControlsProps) {
  const { t } = useTranslation();
  const commands = useFacilitation();
  const { canFacilitate } = useRoomAccess();
  const run = (command: () => unknown) => () => {
    try {
      command();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };

  if (!canFacilitate) return null;
  if (meta.status === 'draft') {
    return (
      <div className="facilitator-controls" role="group" aria-label={t('facilitation.controls')}>
        {/* Once started, this button is replaced by the running controls: focus moves to "Next" (ui/focusKeeper). */}
        <Button variant="primary" onPress={run(commands.start)} isDisabled={count === 0}>
          {t('facilitation.start')}
        </Button>
      </div>
    );
  }
  if (meta.status !== 'live') return null;

  const running = meta.timer?.runningSince != null;
  return (
    <div className="facilitator-controls" role="group" aria-label={t('facilitation.controls')}>
      <Button size="sm" onPress={run(commands.previous)} isDisabled={index <= 0} aria-label={t('facilitation.previous')}>
        <span aria-hidden="true">←</span> <span className="facilitator-controls__label">{t('facilitation.previousShort')}</span>
      </Button>
      {running ? (
        <Button size="sm" onPress={run(commands.pause)} isDisabled={!meta.timer}>{t('facilitation.pause')}</Button>
      ) : (
        <Button size="sm" onPress={run(commands.resume)} isDisabled={!meta.timer}>{t('facilitation.resume')}</Button>
      )}
      {[1, 5].map((minutes) => (
        <Button
          key={minutes}
          size="sm"
          onPress={run(() => commands.extend(minutes))}
          isDisabled={!meta.timer}
          aria-label={t('facilitation.extendLabel', { minutes })}
        >
          {t('facilitation.extend', { minutes })}
        </Button>
      ))}
      <Button size="sm" variant="primary" onPress={run(commands.next)} isDisabled={index >= count - 1} aria-label={t('facilitation.next')} data-focus-fallback>
        <span className="facilitator-controls__label">{t('facilitation.nextShort')}</span> <span aria-hidden="true">→</span>
      </Button>
      {/* The closing checklist, then the server ends the meeting (features/closing). */}
      <EndMeetingButton className="facilitator-controls__end" />
    </div>
  );
}

/** Makes a chosen agenda item the running one (facilitator only, like the controls above). */
export function GoToItemButton({ agendaItemId }: { agendaItemId: string }) {
  const { t } = useTranslation();
  const commands = useFacilitation();
  const { canFacilitate } = useRoomAccess();
  if (!canFacilitate) return null;
  return (
    <Button size="sm" variant="secondary" onPress={() => commands.goTo(agendaItemId)} data-testid="go-to-item">
      {t('facilitation.goTo')}
    </Button>
  );
}
