import { memo, useCallback, useMemo, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { countermeasuresByKpi } from '@suishin/shared';
import { formatPercent } from '../../i18n/format';
import { useActionItems } from '../../meeting/hooks/useActionItems';
import { useKpiCommands, useKpis } from '../../meeting/hooks/useKpis';
import { useKpiAtRiskMargin, useMetaCommands } from '../../meeting/hooks/useMeta';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { NumberField } from '../../ui/NumberField';
import { TextField } from '../../ui/TextField';
import { useRoomAccess } from '../access/useMeetingAccess';
import { useOutcomesStore } from '../outcomes/outcomesStore';
import { describeTarget } from '../outcomes/shortcuts';
import { KpiPasteDialog } from './KpiPasteDialog';
import { KpiRow } from './KpiRow';

export interface KpiPanelProps {
  /** The language of the meeting's minutes: a countermeasure's default title is written in it. */
  meetingLanguage: 'ja' | 'en';
}

/**
 * The KPI snapshot: each KPI's actual against its target, the change from last time, and the
 * status derived by shared's `kpiStatus` (the rule is spelled out above the table). Rows come
 * from a spreadsheet paste (previewed, all or nothing) or are added one by one; an off-track KPI
 * gets its countermeasure action item in one click.
 */
export const KpiPanel = memo(function KpiPanel({ meetingLanguage }: KpiPanelProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const kpis = useKpis();
  const actions = useActionItems();
  const commands = useKpiCommands();
  const revealRow = useOutcomesStore((s) => s.revealRow);
  const { canEdit } = useRoomAccess();
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [pasteText, setPasteText] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const newNameInput = useRef<HTMLInputElement>(null);

  const countermeasures = useMemo(() => countermeasuresByKpi(kpis, actions), [kpis, actions]);
  const atRiskMargin = useKpiAtRiskMargin();
  const metaCommands = useMetaCommands();
  const margin = formatPercent(atRiskMargin, language);

  const onToggle = useCallback((id: string) => setExpandedId((current) => (current === id ? null : id)), []);
  const onShowAction = useCallback((actionId: string) => revealRow('action', actionId), [revealRow]);
  const kpisRef = useRef(kpis);
  kpisRef.current = kpis;
  const onAddCountermeasure = useCallback(
    (kpiId: string) => {
      const kpi = kpisRef.current.find((k) => k.id === kpiId);
      if (!kpi) return;
      try {
        const actionId = commands.addCountermeasure(kpiId, { title: t('kpis.countermeasureTitle', { name: kpi.name, lng: meetingLanguage }) });
        setAnnouncement(t('kpis.countermeasureAdded', { name: kpi.name }));
        revealRow('action', actionId, { edit: true });
      } catch (e) {
        setAnnouncement(e instanceof Error ? e.message : String(e));
      }
    },
    [commands, t, meetingLanguage, revealRow],
  );

  function onPanelPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (!canEdit) return;
    // A table pasted anywhere in the panel except a text field opens the preview with it.
    const target = describeTarget(event.target);
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text || !/[\t\n]/.test(text)) return;
    event.preventDefault();
    setPasteText(text);
  }

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (newName.trim() === '') {
      setError(t('kpis.nameRequired'));
      newNameInput.current?.focus();
      return;
    }
    try {
      const id = commands.add({ name: newName.trim() });
      setNewName('');
      setError(null);
      setExpandedId(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="outcome-section kpi-panel" data-testid="kpi-panel" onPaste={onPanelPaste}>
      {canEdit && (
        <div className="outcome-toolbar">
          <Button size="sm" variant="primary" onPress={() => setPasteText('')} data-testid="kpi-paste-open">{t('kpis.paste.open')}</Button>
        </div>
      )}
      <div className="kpi-rule-line">
        <p className="kpi-rule" id="kpi-rule" data-testid="kpi-rule">
          {t('kpis.rule', { margin })}
        </p>
        {canEdit && (
          // The meeting's own margin: a team that reviews volatile numbers may call 20 % short "at risk".
          <NumberField
            label={t('kpis.marginLabel')}
            className="kpi-margin"
            value={atRiskMargin}
            minValue={0}
            maxValue={1}
            step={0.01}
            formatOptions={{ style: 'percent', maximumFractionDigits: 1 }}
            onChange={(value) => {
              if (Number.isFinite(value) && value !== atRiskMargin) metaCommands.update({ kpiAtRiskMargin: value });
            }}
            data-testid="kpi-margin"
          />
        )}
      </div>
      <p className="visually-hidden" role="status">{announcement}</p>
      {kpis.length === 0 ? (
        <p className="outcome-empty muted">{t('kpis.empty')}</p>
      ) : (
        <table className="kpi-table" aria-describedby="kpi-rule">
          <caption className="visually-hidden">{t('kpis.heading')}</caption>
          <colgroup>
            <col className="kpi-table__col-name" />
            <col className="kpi-table__col-figures" />
            <col className="kpi-table__col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('kpis.columns.name')}</th>
              <th scope="col">{t('kpis.actualVsTarget')}</th>
              <th scope="col">{t('kpis.statusHeader')}</th>
            </tr>
          </thead>
          {kpis.map((kpi) => {
            const action = countermeasures.get(kpi.id);
            return (
              <KpiRow
                key={kpi.id}
                t={t}
                kpi={kpi}
                atRiskMargin={atRiskMargin}
                canEdit={canEdit}
                countermeasureId={action?.id ?? null}
                countermeasureTitle={action?.title ?? null}
                countermeasureStatus={action?.status ?? null}
                language={language}
                expanded={expandedId === kpi.id}
                onToggle={onToggle}
                onAddCountermeasure={onAddCountermeasure}
                onShowAction={onShowAction}
              />
            );
          })}
        </table>
      )}
      {canEdit && (
        <form className="outcome-add" onSubmit={onAdd} aria-label={t('kpis.add')}>
          <TextField
            label={t('kpis.add')}
            hideLabel
            placeholder={t('kpis.addPlaceholder')}
            value={newName}
            inputRef={newNameInput}
            errorMessage={error}
            onChange={(value) => {
              setNewName(value);
              if (error) setError(null);
            }}
            className="outcome-add__field"
          />
          <Button size="sm" type="submit">{t('kpis.addShort')}</Button>
        </form>
      )}
      <KpiPasteDialog
        initialText={pasteText}
        kpis={kpis}
        onClose={() => setPasteText(null)}
        onApplied={({ added, updated }) => {
          setPasteText(null);
          setAnnouncement(t('kpis.paste.applied', { added, updated }));
        }}
      />
    </div>
  );
});
