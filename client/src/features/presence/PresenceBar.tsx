import { memo, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Button as AriaButton, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useIdentity, usePeers, type Peer } from '../../meeting/hooks/usePresence';
import { initials } from '../../meeting/presence';
import { Button } from '../../ui/Button';
import { JoinDialog } from './JoinDialog';

const VISIBLE_AVATARS = 5;

/**
 * Who is in the room now (awareness, not the attendee record): a stack of coloured avatars that
 * opens the full list with what each person is editing. Fixed width, so people coming and going
 * never shift the header.
 */
export const PresenceBar = memo(function PresenceBar() {
  const { t } = useTranslation();
  const peers = usePeers();
  const me = useIdentity();
  const [renaming, setRenaming] = useState(false);
  const visible = peers.slice(0, VISIBLE_AVATARS);
  const hidden = peers.length - visible.length;

  return (
    <div className="presence" data-testid="presence" data-count={peers.length}>
      <DialogTrigger>
        {/* Named by its content, "In the room: 3 here" (WCAG 2.5.3: an aria-label would leave out
            the visible initials and count); the avatars are pictures of the count. */}
        <AriaButton className="presence__stack">
          <span className="visually-hidden">{t('presence.here')}: </span>
          {visible.map((peer) => (
            <Avatar key={peer.clientId} peer={peer} />
          ))}
          {hidden > 0 && <span className="avatar avatar--more" aria-hidden="true">+{hidden}</span>}
          <span className="presence__count">{t('presence.hereCount', { count: peers.length })}</span>
        </AriaButton>
        <Popover className="popover" placement="bottom end">
          <Dialog className="presence-list" aria-label={t('presence.here')}>
            <PeerList peers={peers} />
            <div className="presence-list__footer">
              <Button size="sm" variant="quiet" onPress={() => setRenaming(true)}>{t('presence.changeName')}</Button>
            </div>
          </Dialog>
        </Popover>
      </DialogTrigger>
      {renaming && (
        <JoinDialog isOpen initialName={me.name ?? ''} initialDepartment={me.department} onCancel={() => setRenaming(false)} onDone={() => setRenaming(false)} />
      )}
    </div>
  );
});

function Avatar({ peer }: { peer: Peer }) {
  return (
    <span className="avatar" style={{ backgroundColor: peer.color }} title={peer.name} aria-hidden="true" data-self={peer.self || undefined}>
      {initials(peer.name)}
    </span>
  );
}

function PeerList({ peers }: { peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const items = useAgendaItems();
  const titleOf = (id: string) => items.find((item) => item.id === id)?.title ?? '';
  return (
    <ul className="presence-list__people" aria-label={t('presence.here')}>
      {peers.map((peer) => (
        <li key={peer.clientId} className="presence-list__person" data-testid="peer">
          <Avatar peer={peer} />
          <span className="presence-list__text">
            <span className="presence-list__name">
              {peer.name}
              {peer.self && <span className="muted"> ({t('presence.you')})</span>}
            </span>
            <span className="presence-list__doing">
              {peer.editing
                ? t('presence.editing', { field: t(`presence.fields.${peer.editing.field}`), title: titleOf(peer.editing.agendaItemId) })
                : t('presence.idle')}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
