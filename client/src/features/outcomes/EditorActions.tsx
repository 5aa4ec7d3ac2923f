import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export interface EditorActionsProps {
  /** "Remove KPI", "Remove decision"…: the button and the dialog's confirm label. */
  removeLabel: string;
  confirmTitle: string;
  /** What removing loses, said in the dialog. */
  confirmBody: ReactNode;
  onRemove(): void;
  onDone(): void;
  /** Buttons between Remove and Done (e.g. a decision's "+ Action item"). */
  children?: ReactNode;
}

/** The footer of an outcome editor (KPI, decision, action item): Remove behind a confirmation, then Done. */
export function EditorActions({ removeLabel, confirmTitle, confirmBody, onRemove, onDone, children }: EditorActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="outcome-editor__actions">
        <Button size="sm" variant="quiet" className="outcome-editor__remove" onPress={() => setConfirming(true)}>{removeLabel}</Button>
        {children}
        <Button size="sm" onPress={onDone}>{t('outcomes.done')}</Button>
      </div>
      <ConfirmDialog
        isOpen={confirming}
        title={confirmTitle}
        confirmLabel={removeLabel}
        cancelLabel={t('outcomes.cancel')}
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onRemove();
        }}
      >
        {confirmBody}
      </ConfirmDialog>
    </>
  );
}
