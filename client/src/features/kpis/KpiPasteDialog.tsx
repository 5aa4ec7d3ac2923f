import { useId, useMemo, useState, type ClipboardEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { KpiBatchError, parseKpiPaste, planKpiUpsert, type Kpi, type KpiPasteInput, type KpiPasteProblem } from '@suishin/shared';
import { useKpiCommands } from '../../meeting/hooks/useKpis';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { formatKpiValue } from './kpiFormat';

export interface KpiPasteDialogProps {
  /** Open with this text already pasted; closed when null. */
  initialText: string | null;
  kpis: readonly Kpi[];
  onClose(): void;
  onApplied(summary: { added: number; updated: number }): void;
}

/**
 * Rows pasted from a spreadsheet, previewed before anything changes: each row shows whether it
 * adds a KPI or updates the one with the same name, and every bad row is listed with its line
 * and reason. Apply writes all rows in one transaction, or (with any bad row) nothing at all.
 */
export function KpiPasteDialog({ initialText, kpis, onClose, onApplied }: KpiPasteDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={initialText !== null} isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal modal--xwide">
        <Dialog className="dialog" data-testid="kpi-paste-dialog">
          {initialText !== null && <PasteForm initialText={initialText} kpis={kpis} onClose={onClose} onApplied={onApplied} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function PasteForm({ initialText, kpis, onClose, onApplied }: { initialText: string } & Omit<KpiPasteDialogProps, 'initialText'>) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const commands = useKpiCommands();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [applyError, setApplyError] = useState<string | null>(null);
  const result = useMemo(() => parseKpiPaste(text), [text]);
  const plan = useMemo(() => planKpiUpsert(kpis, result.rows.map((r) => r.input)), [kpis, result]);
  const badLines = useMemo(() => new Set(result.problems.map((p) => p.line)), [result]);
  /** The pasted text of each refused cell, by line and column, to show it where it was. */
  const badCells = useMemo(() => new Map(result.problems.filter((p) => p.column).map((p) => [`${p.line}:${p.column}`, p.value ?? ''])), [result]);
  const updates = plan.filter(Boolean).length;
  const adds = result.rows.length - updates;

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    // Handled here (not left to the browser) so a pasted table replaces a selected one and a
    // synthetic paste (tests, assistive tools) behaves like a real one.
    const pasted = event.clipboardData.getData('text/plain');
    if (!pasted) return;
    event.preventDefault();
    const area = event.currentTarget;
    const start = area.selectionStart ?? text.length;
    const end = area.selectionEnd ?? text.length;
    setText(text.slice(0, start) + pasted + text.slice(end));
    setApplyError(null);
  }

  function apply() {
    if (!result.ok) return;
    try {
      const done = commands.applyPaste(result.rows.map((r) => r.input));
      onApplied({ added: done.added.length, updated: done.updated.length });
    } catch (e) {
      setApplyError(e instanceof KpiBatchError ? e.problems.map((p) => `${t('kpis.paste.line', { line: result.rows[p.index]?.line ?? p.index + 1 })}: ${p.message}`).join('\n') : e instanceof Error ? e.message : String(e));
    }
  }

  const columns = ['name', 'unit', 'target', 'actual', 'previous', 'direction', 'owner', 'comment'] as const;
  const shown = columns.filter((c) => result.columns.includes(c));
  const cell = (input: KpiPasteInput, column: (typeof columns)[number]) => {
    const value = input[column];
    if (value === undefined || value === null || value === '') return '';
    if (typeof value === 'number') return formatKpiValue(value, input.unit ?? '', language);
    if (column === 'direction') return t(`kpis.direction.${value}`);
    return String(value);
  };

  return (
    <>
      <Heading slot="title" className="dialog__title">{t('kpis.paste.title')}</Heading>
      <p className="dialog__body kpi-paste__help">{t('kpis.paste.help')}</p>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label">{t('kpis.paste.textLabel')}</label>
        <textarea
          id={`${id}-text`}
          className="field__input field__textarea kpi-paste__text"
          rows={5}
          value={text}
          autoFocus
          spellCheck={false}
          placeholder={t('kpis.paste.placeholder')}
          onPaste={onPaste}
          onChange={(event) => {
            setText(event.target.value);
            setApplyError(null);
          }}
          data-testid="kpi-paste-text"
        />
      </div>
      {result.problems.length > 0 && (
        <div className="notice notice--danger kpi-paste__problems" role="alert" data-testid="kpi-paste-problems">
          <p className="kpi-paste__problems-title">{t('kpis.paste.problemsTitle')}</p>
          <ul>
            {result.problems.map((p, i) => <li key={i}>{describeProblem(p, t)}</li>)}
          </ul>
        </div>
      )}
      {applyError && <div className="notice notice--danger" role="alert" style={{ whiteSpace: 'pre-line' }}>{applyError}</div>}
      {result.rows.length > 0 && (
        <div className="kpi-paste__preview">
          <p className="outcome-summary">
            {result.header ? t('kpis.paste.withHeader') : t('kpis.paste.withoutHeader')}
            {result.ignoredHeaders.length > 0 && ` · ${t('kpis.paste.ignored', { columns: result.ignoredHeaders.join(', ') })}`}
          </p>
          <div className="kpi-paste__scroll">
            <table className="paste-table" data-testid="kpi-paste-preview">
              <caption className="visually-hidden">{t('kpis.paste.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpis.paste.lineHeader')}</th>
                  {shown.map((c) => <th key={c} scope="col">{t(`kpis.columns.${c}`)}</th>)}
                  <th scope="col">{t('kpis.paste.effect')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, index) => {
                  const bad = badLines.has(row.line);
                  return (
                    <tr key={row.line} className={bad ? 'paste-table__bad' : undefined}>
                      <td className="paste-table__line">{row.line}</td>
                      {shown.map((c) => {
                        const refused = badCells.get(`${row.line}:${c}`);
                        if (refused !== undefined) return <td key={c} className="paste-table__refused">{refused || '∅'}</td>;
                        return <td key={c} className={typeof row.input[c] === 'number' ? 'paste-table__number' : undefined}>{cell(row.input, c)}</td>;
                      })}
                      <td>
                        {bad ? (
                          <span className="badge badge--danger">{t('kpis.paste.bad')}</span>
                        ) : plan[index] ? (
                          <span className="badge badge--info">{t('kpis.paste.update')}</span>
                        ) : (
                          <span className="badge badge--success">{t('kpis.paste.add')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className="dialog__actions">
        {!result.ok && result.problems.length > 0 && <span className="kpi-paste__nothing">{t('kpis.paste.nothingApplied')}</span>}
        <Button variant="quiet" onPress={onClose}>{t('outcomes.cancel')}</Button>
        <Button variant="primary" isDisabled={!result.ok} onPress={apply} data-testid="kpi-paste-apply">
          {result.ok ? t('kpis.paste.apply', { adds, updates }) : t('kpis.paste.applyNone')}
        </Button>
      </div>
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

export function describeProblem(problem: KpiPasteProblem, t: T): string {
  const column = problem.column ? t(`kpis.columns.${problem.column}`) : '';
  const reason = t(`kpis.paste.reasons.${problem.code}`, { column, value: problem.value ?? '', firstLine: problem.firstLine ?? '' });
  return `${t('kpis.paste.line', { line: problem.line })}: ${reason}`;
}
