import { useTranslation } from '../../i18n/useTranslation';
import {
  useConnectionStatus,
  useDiscardLocalChanges,
  useReconnect,
  useSaveRefusal,
  useSaveStatus,
  type ConnectionPhase,
} from '../../meeting/hooks/useConnectionStatus';
import { Button } from '../../ui/Button';
import { StatusPill, type Tone } from '../../ui/StatusPill';

const phaseTone: Record<ConnectionPhase, Tone> = {
  connecting: 'info',
  syncing: 'info',
  live: 'success',
  reconnecting: 'warning',
  refused: 'danger',
};

/** Connection state and "saving…/saved" (from the server's durability confirmations). */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  const save = useSaveStatus();
  const reconnect = useReconnect();
  const refusal = useSaveRefusal();
  const discard = useDiscardLocalChanges();
  return (
    <div className="connection" data-testid="connection" data-phase={status.phase} data-network={status.noNetwork ? 'offline' : 'online'} data-save={save}>
      <StatusPill tone={phaseTone[status.phase]} live>{t(status.phase === 'reconnecting' && status.noNetwork ? 'connection.noNetwork' : `connection.${status.phase}`)}</StatusPill>
      <span className={`save-state save-state--${save}`} role="status" data-testid="save-state">
        {refusal ? t(`connection.notSaved.${refusal}`, { defaultValue: t('connection.failed') }) : t(`connection.${save}`)}
      </span>
      {refusal && (
        // The refused edit exists only in this tab: say so, and offer to start again from the server's copy.
        <Button size="sm" variant="quiet" onPress={() => void discard()} data-testid="discard-local">{t('connection.discardLocal')}</Button>
      )}
      {status.phase === 'reconnecting' && !status.noNetwork && (
        <Button size="sm" variant="quiet" onPress={reconnect}>{t('connection.reconnectNow')}</Button>
      )}
    </div>
  );
}
