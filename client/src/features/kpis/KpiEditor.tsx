import { useTranslation } from '../../i18n/useTranslation';
import type { Kpi, KpiPatch } from '@suishin/shared';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useKpiCommands, useKpis } from '../../meeting/hooks/useKpis';
import { Button } from '../../ui/Button';
import { useUiStore } from '../../state/uiStore';
import { EditorActions } from '../outcomes/EditorActions';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { LiveTextField } from '../../ui/LiveTextField';
import { PersonComboBox } from '../actionItems/PersonComboBox';
import { LiveTextArea } from '../../ui/LiveTextArea';
import { useLiveDraft } from '../../ui/useLiveDraft';
import { LiveNumberField } from './LiveNumberField';

/** Every field of one KPI, written live (IME-safe), with numbers read as people type them. */
export function KpiEditor({ kpi, onDone }: { kpi: Kpi; onDone(): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const commands = useKpiCommands();
  const attendees = useAttendees();
  // The table's order is the meeting's (shared by everyone, kept in the minutes): moved one place at a time.
  const kpis = useKpis();
  const index = kpis.findIndex((k) => k.id === kpi.id);
  const owner = useLiveDraft(kpi.owner, (name) => commands.update(kpi.id, { owner: name.trim() }));
  const number = (field: 'target' | 'actual' | 'previous') => (value: number | null, unitHint: string | null) => {
    const patch: KpiPatch = { [field]: value };
    if (unitHint && kpi.unit === '') patch.unit = unitHint;
    commands.update(kpi.id, patch);
  };

  return (
    <div className="outcome-editor kpi-editor" data-testid="kpi-editor">
      <div className="outcome-editor__row outcome-editor__row--name">
        <LiveTextField label={t('kpis.name')} value={kpi.name} required requiredMessage={t('kpis.nameRequired')} onCommit={(name) => commands.update(kpi.id, { name: name.trim() })} />
        <LiveTextField label={t('kpis.unit')} value={kpi.unit} placeholder={t('kpis.unitPlaceholder')} onCommit={(unit) => commands.update(kpi.id, { unit: unit.trim() })} className="kpi-editor__unit" />
      </div>
      <div className="outcome-editor__row outcome-editor__row--3">
        <LiveNumberField label={t('kpis.target')} value={kpi.target} language={language} onCommit={number('target')} />
        <LiveNumberField label={t('kpis.actual')} value={kpi.actual} language={language} onCommit={number('actual')} />
        <LiveNumberField label={t('kpis.previous')} value={kpi.previous} language={language} onCommit={number('previous')} />
      </div>
      <div className="outcome-editor__row">
        <div className="field">
          <span className="field__label" id={`direction-${kpi.id}`}>{t('kpis.directionLabel')}</span>
          <SegmentedControl
            label={t('kpis.directionLabel')}
            value={kpi.direction}
            options={[
              { value: 'higher_is_better', label: t('kpis.direction.higher_is_better') },
              { value: 'lower_is_better', label: t('kpis.direction.lower_is_better') },
            ]}
            onChange={(direction) => commands.update(kpi.id, { direction })}
          />
        </div>
        <PersonComboBox
          label={t('kpis.owner')}
          value={owner.draft}
          error={owner.error}
          attendees={attendees}
          onInput={owner.change}
          onPick={(a) => commands.update(kpi.id, { owner: a.name })}
          inputHandlers={{
            onBlur: owner.commit,
            onCompositionStart: owner.compositionStart,
            onCompositionEnd: owner.compositionEnd,
            onKeyDown: (event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) owner.commit();
            },
          }}
        />
      </div>
      <LiveTextArea label={t('kpis.comment')} value={kpi.comment} onCommit={(comment) => commands.update(kpi.id, { comment })} />
      <EditorActions
        removeLabel={t('kpis.remove')}
        confirmTitle={t('kpis.removeConfirmTitle')}
        confirmBody={t('kpis.removeConfirmBody', { name: kpi.name })}
        onRemove={() => commands.remove(kpi.id)}
        onDone={onDone}
      >
        <Button size="sm" variant="secondary" isDisabled={index <= 0} onPress={() => commands.move(kpi.id, index - 1)} aria-label={t('kpis.moveUpLabel', { name: kpi.name })}>
          ↑
        </Button>
        <Button size="sm" variant="secondary" isDisabled={index < 0 || index >= kpis.length - 1} onPress={() => commands.move(kpi.id, index + 1)} aria-label={t('kpis.moveDownLabel', { name: kpi.name })}>
          ↓
        </Button>
      </EditorActions>
    </div>
  );
}
