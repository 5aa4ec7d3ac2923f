import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { useAgendaCommands, type AgendaItem } from '../../meeting/hooks/useAgenda';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { NumberField } from '../../ui/NumberField';
import { LiveTextField } from './LiveTextField';

export interface AgendaItemDetailProps {
  item: AgendaItem;
  number: number;
  /** The notes editor for this item (issue 3); a placeholder until then. */
  notes: ReactNode;
}

/** The selected agenda item: its title, presenter and timebox, editable by everyone. */
export function AgendaItemDetail({ item, number, notes }: AgendaItemDetailProps) {
  const { t } = useTranslation();
  const commands = useAgendaCommands();
  const dialog = useUiStore((s) => s.dialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const confirming = dialog?.kind === 'removeAgendaItem' && dialog.agendaItemId === item.id;

  return (
    <article className="item-detail" aria-labelledby="item-detail-heading" data-testid="agenda-detail">
      <h2 id="item-detail-heading" className="visually-hidden">{item.title}</h2>
      <div className="item-detail__top">
        <span className="item-detail__number" aria-hidden="true">{number}</span>
        <LiveTextField
          key={`title-${item.id}`}
          label={t('agenda.titleLabel')}
          hideLabel
          value={item.title}
          required
          requiredMessage={t('agenda.titleRequired')}
          onCommit={(title) => commands.update(item.id, { title })}
          className="item-detail__title"
          inputClassName="item-detail__title-input"
        />
        <Button variant="quiet" size="sm" className="item-detail__remove" onPress={() => openDialog({ kind: 'removeAgendaItem', agendaItemId: item.id })}>
          {t('agenda.remove')}
        </Button>
      </div>
      <div className="item-detail__fields">
        <LiveTextField
          key={`presenter-${item.id}`}
          label={t('agenda.presenter')}
          placeholder={t('agenda.presenterPlaceholder')}
          value={item.presenter}
          onCommit={(presenter) => commands.update(item.id, { presenter })}
          className="item-detail__presenter"
        />
        <NumberField
          key={`timebox-${item.id}`}
          label={t('agenda.timebox')}
          value={item.timeboxMinutes}
          onChange={(value) => {
            if (Number.isFinite(value) && value !== item.timeboxMinutes) commands.update(item.id, { timeboxMinutes: value });
          }}
          minValue={0}
          maxValue={24 * 60}
          step={5}
          className="item-detail__timebox"
        />
      </div>
      <section className="item-detail__notes" aria-label={t('room.notes')}>
        <h3 className="section-label">{t('room.notes')}</h3>
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
        }}
      >
        {t('agenda.removeConfirmBody', { title: item.title })}
      </ConfirmDialog>
    </article>
  );
}
