import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { TOKEN_FRAGMENT_KEY } from '@suishin/shared/protocol';
import { Button } from '../../ui/Button';
import { createProjectorLinks } from './projectorApi';
import { projectorUrl } from './projectorLink';

/**
 * "Open the projector view" (facilitators, in the Share dialog): makes the screen's own links (an
 * observer link it connects with, a participant link for its QR code) and opens it in a new window,
 * which the facilitator drags to the room's screen (or whose address they open on the room's PC).
 */
export function OpenProjector({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    // Opened now, while the press still counts as the person's: after the links' round trip a
    // browser would block it as a pop-up.
    const screen = window.open('about:blank', '_blank');
    if (!screen) {
      setError(t('projector.popupBlocked'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const links = await createProjectorLinks(meetingId);
      const token = new URLSearchParams(new URL(links.screen.url).hash.slice(1)).get(TOKEN_FRAGMENT_KEY) ?? '';
      screen.opener = null;
      screen.location.href = projectorUrl(window.location.origin, meetingId, { screenToken: token, joinUrl: links.join.url });
    } catch (e) {
      screen.close();
      setError(t('projector.openFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="access-share__projector">
      <Button onPress={() => void open()} isDisabled={busy} data-testid="open-projector">
        {busy ? t('projector.opening') : t('projector.open')}
      </Button>
      <p className="muted">{t('projector.openHint')}</p>
      {error && <p className="notice notice--danger" role="alert">{error}</p>}
    </div>
  );
}
