import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Button } from '../../ui/Button';

// Loaded when first opened: the room's own chunk stays as small as it was. Should its code fail to
// load (the network dropped), the button does nothing rather than taking the room down.
const ClosingDialog = lazy(() =>
  import('./ClosingDialog').then(
    (m): { default: ComponentType<{ onClose(): void }> } => ({ default: m.ClosingDialog }),
    () => ({ default: () => null }),
  ),
);

/** "End meeting": opens the closing checklist, which ends the meeting once nothing is open. */
export function EndMeetingButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="quiet" className={className} onPress={() => setOpen(true)}>
        {t('closing.endMeeting')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ClosingDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
