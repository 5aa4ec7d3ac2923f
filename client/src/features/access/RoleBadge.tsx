import { useTranslation } from '../../i18n/useTranslation';
import type { Role } from '@suishin/shared/protocol';
import { StatusPill, type Tone } from '../../ui/StatusPill';

const tone: Record<Role, Tone> = { facilitator: 'info', participant: 'success', observer: 'warning' };

/** This person's role in the meeting, next to the connection state. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <span data-testid="role-badge" data-role={role} title={t(`access.roleHelp.${role}`)}>
      <StatusPill tone={tone[role]}>
        <span className="visually-hidden">{t('access.yourRole')} </span>
        {t(`access.role.${role}`)}
      </StatusPill>
    </span>
  );
}
