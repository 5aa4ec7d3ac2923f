import { useTranslation } from 'react-i18next';
import { useConnectionStatus, useReconnect, useSaveStatus, type ConnectionPhase, type SaveStatus } from '../../meeting/hooks/useConnectionStatus';
import { Button } from '../../ui/Button';
import { StatusPill, type Tone } from '../../ui/StatusPill';

const phaseTone: Record<ConnectionPhase, Tone> = {
  connecting: 'info',
  syncing: 'info',
  live: 'success',
  reconnecting: 'warning',
  refused: 'danger',
};
const saveTone: Record<SaveStatus, Tone> = { saved: 'neutral', saving: 'info', offline: 'warning', failed: 'danger' };

/** Connection state and "saving…/saved" (from the server's durability confirmations). */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  const save = useSaveStatus();
  const reconnect = useReconnect();
  return (
    <div className="connection" data-testid="connection" data-phase={status.phase} data-save={save}>
      <StatusPill tone={phaseTone[status.phase]} live>{t(`connection.${status.phase}`)}</StatusPill>
      <span className={`save-state save-state--${save}`} role="status" data-testid="save-state">{t(`connection.${save}`)}</span>
      {status.phase === 'reconnecting' && (
        <Button size="sm" variant="quiet" onPress={reconnect}>{t('connection.reconnectNow')}</Button>
      )}
    </div>
  );
}
