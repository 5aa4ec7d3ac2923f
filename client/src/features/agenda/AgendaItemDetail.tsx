import { focusAfter } from '../../ui/focusKeeper';
import { memo, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useAgendaCommands, type AgendaItem } from '../../meeting/hooks/useAgenda';
import { useEditingPresence, useItemEditors, type EditingField, type Peer } from '../../meeting/hooks/usePresence';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { NumberField } from '../../ui/NumberField';
import { StatusPill } from '../../ui/StatusPill';
import { actualVsPlanned } from '../timer/timerDisplay';
import { LiveTextField } from '../../ui/LiveTextField';
import { useRoomAccess } from '../access/useMeetingAccess';

export interface AgendaItemDetailProps {
  item: AgendaItem;
  number: number;
  /** This item is the one the facilitation timer runs. */
  running: boolean;
  /** Shown when the meeting is live and this item is not running (facilitator controls). */
  goTo?: ReactNode;
  /** The shared notes editor for this item. */
  notes: ReactNode;
}

/** The selected agenda item: its title, presenter, timebox and notes, editable by everyone. */
export const AgendaItemDetail = memo(function AgendaItemDetail({ item, number, running, goTo, notes }: AgendaItemDetailProps) {
  const { t } = useTranslation();
  const commands = useAgendaCommands();
  const { canEdit } = useRoomAccess();
  const dialog = useUiStore((s) => s.dialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const confirming = dialog?.kind === 'removeAgendaItem' && dialog.agendaItemId === item.id;
  const titlePresence = useEditingPresence(item.id, 'title');
  const presenterPresence = useEditingPresence(item.id, 'presenter');
  const timeboxPresence = useEditingPresence(item.id, 'timebox');
  const editors = useItemEditors(item.id);
  const editorsOf = (field: EditingField) => editors.filter((peer) => peer.editing?.field === field);
  const recorded = !running && (item.actualSeconds > 0 || item.status === 'done') ? actualVsPlanned(item.actualSeconds * 1000, item.timeboxMinutes) : null;

  return (
    <article className={['item-detail', running && 'item-detail--running'].filter(Boolean).join(' ')} aria-labelledby="item-detail-heading" data-testid="agenda-detail">
      <h2 id="item-detail-heading" className="visually-hidden">{item.title}</h2>
      <div className="item-detail__top">
        <span className="item-detail__number" aria-hidden="true">{number}</span>
        <div className="item-detail__title">
          <LiveTextField
            key={`title-${item.id}`}
            label={t('agenda.titleLabel')}
            hideLabel
            value={item.title}
            required
            requiredMessage={t('agenda.titleRequired')}
            onCommit={(title) => commands.update(item.id, { title })}
            readOnly={!canEdit}
            inputClassName="item-detail__title-input"
            wrap
            onFocus={titlePresence.onFocus}
            onBlur={titlePresence.onBlur}
          />
          <FieldEditors peers={editorsOf('title')} />
        </div>
        {canEdit && (
          <Button variant="quiet" size="sm" className="item-detail__remove" onPress={() => openDialog({ kind: 'removeAgendaItem', agendaItemId: item.id })}>
            {t('agenda.remove')}
          </Button>
        )}
      </div>
      <div className="item-detail__meta">
        {running && <StatusPill tone="success">{t('facilitation.runningItem')}</StatusPill>}
        {!running && item.status !== 'pending' && <StatusPill tone={item.status === 'done' ? 'info' : 'neutral'}>{t(`agenda.status.${item.status}`)}</StatusPill>}
        {recorded && (
          <span className={recorded.over ? 'item-detail__actual item-detail__actual--over' : 'item-detail__actual'} data-testid="detail-actual">
            {t('agenda.actualLabel', recorded)}
          </span>
        )}
        {goTo}
      </div>
      <div className="item-detail__fields">
        <div className="item-detail__presenter">
          <LiveTextField
            key={`presenter-${item.id}`}
            label={t('agenda.presenter')}
            placeholder={t('agenda.presenterPlaceholder')}
            value={item.presenter}
            onCommit={(presenter) => commands.update(item.id, { presenter })}
            readOnly={!canEdit}
            onFocus={presenterPresence.onFocus}
            onBlur={presenterPresence.onBlur}
          />
          <FieldEditors peers={editorsOf('presenter')} />
        </div>
        <div className="item-detail__timebox" onFocus={timeboxPresence.onFocus} onBlur={timeboxPresence.onBlur}>
          <NumberField
            key={`timebox-${item.id}`}
            label={t('agenda.timebox')}
            value={item.timeboxMinutes}
            onChange={(value) => {
              if (Number.isFinite(value) && value !== item.timeboxMinutes) commands.update(item.id, { timeboxMinutes: value });
            }}
            isReadOnly={!canEdit}
            minValue={0}
            maxValue={24 * 60}
            buttonStep={{ by: 5, decrementLabel: t('agenda.timeboxLess'), incrementLabel: t('agenda.timeboxMore') }}
            formatOptions={{ maximumFractionDigits: 0 }}
          />
          <FieldEditors peers={editorsOf('timebox')} />
        </div>
      </div>
      <section className="item-detail__notes" aria-labelledby="item-notes-heading">
        <div className="item-detail__notes-header">
          <h3 id="item-notes-heading" className="section-label">{t('room.notes')}</h3>
          <FieldEditors peers={editorsOf('notes')} />
        </div>
        {notes}
      </section>
      <ConfirmDialog
        isOpen={confirming}
        title={t('agenda.removeConfirmTitle')}
        confirmLabel={t('agenda.remove')}
        cancelLabel={t('agenda.cancel')}
        destructive
        onCancel={closeDialog}
        onConfirm={() => {
          closeDialog();
          commands.remove(item.id);
          // The item and its Remove button are gone: continue from the agenda row now selected.
          focusAfter(() => document.querySelector<HTMLElement>('.agenda-row__select[aria-current="true"]') ?? document.querySelector<HTMLElement>('[data-testid="agenda-item"] .agenda-row__select'));
        }}
      >
        {t('agenda.removeConfirmBody', { title: item.title })}
      </ConfirmDialog>
    </article>
  );
});

/** "Sato editing" next to a field someone else is in; reserves its line so nothing jumps. */
function FieldEditors({ peers }: { peers: readonly Peer[] }) {
  const { t } = useTranslation();
  return (
    <span className="field-editors" aria-live="polite">
      {peers.length > 0 && (
        <>
          {peers.slice(0, 3).map((peer) => <span key={peer.clientId} className="field-editors__dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />)}
          {t('presence.editingField', { names: peers.map((peer) => peer.name).join(', ') })}
        </>
      )}
    </span>
  );
}
