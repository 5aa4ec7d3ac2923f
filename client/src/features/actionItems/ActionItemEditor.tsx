import { useTranslation } from '../../i18n/useTranslation';
import type { ActionItem } from '@suishin/shared';
import { useActionItemCommands } from '../../meeting/hooks/useActionItems';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useKpis } from '../../meeting/hooks/useKpis';
import { EditorActions } from '../outcomes/EditorActions';
import { LiveTextField } from '../../ui/LiveTextField';
import { DateField } from '../outcomes/DateField';
import { useLiveDraft } from '../../ui/useLiveDraft';
import { LinkField } from './LinkField';
import { PersonComboBox } from './PersonComboBox';

export interface ActionItemEditorProps {
  item: ActionItem;
  onDone(): void;
}

/** Every field of one action item, written live as it is edited (IME-safe, like the agenda's fields). */
export function ActionItemEditor({ item, onDone }: ActionItemEditorProps) {
  const { t } = useTranslation();
  const commands = useActionItemCommands();
  const attendees = useAttendees();
  const targets = { agenda: useAgendaItems(), decisions: useDecisions(), kpis: useKpis() };
  const owner = useLiveDraft(item.owner.name, (name) => commands.update(item.id, { owner: { name: name.trim(), department: item.owner.department } }));

  return (
    <div className="outcome-editor" data-testid="action-editor">
      <LiveTextField
        label={t('actions.title')}
        value={item.title}
        required
        requiredMessage={t('actions.titleRequired')}
        onCommit={(title) => commands.update(item.id, { title: title.trim() })}
      />
      <div className="outcome-editor__row">
        <PersonComboBox
          label={t('actions.owner')}
          value={owner.draft}
          error={owner.error}
          attendees={attendees}
          onInput={owner.change}
          onPick={(a) => commands.update(item.id, { owner: { name: a.name, department: a.department } })}
          inputHandlers={{
            onBlur: owner.commit,
            onCompositionStart: owner.compositionStart,
            onCompositionEnd: owner.compositionEnd,
            onKeyDown: (event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) owner.commit();
            },
          }}
        />
        <LiveTextField
          label={t('actions.department')}
          value={item.owner.department}
          onCommit={(department) => commands.update(item.id, { owner: { name: item.owner.name, department: department.trim() } })}
        />
      </div>
      <div className="outcome-editor__row">
        <DateField label={t('actions.dueDate')} value={item.dueDate} onChange={(dueDate) => commands.update(item.id, { dueDate })} />
        <LinkField value={item.link} targets={targets} onChange={(link) => commands.update(item.id, { link })} />
      </div>
      <EditorActions
        removeLabel={t('actions.remove')}
        confirmTitle={t('actions.removeConfirmTitle')}
        confirmBody={t('actions.removeConfirmBody', { title: item.title })}
        onRemove={() => commands.remove(item.id)}
        onDone={onDone}
      />
    </div>
  );
}
