import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { PushPreview, PushReport, TrackerKind } from '@suishin/shared/protocol';
import { isWebUrl } from '@suishin/shared/export';
import { Button } from '../../ui/Button';
import { StatusPill } from '../../ui/StatusPill';
import { previewPush, pushToTracker, TRACKER_NAMES } from './exportApi';

type Phase =
  | { kind: 'loading' }
  | { kind: 'preview'; preview: PushPreview }
  | { kind: 'pushing'; preview: PushPreview }
  | { kind: 'done'; report: PushReport }
  | { kind: 'error'; message: string; preview?: PushPreview };

/**
 * Direct creation in a tracker: first what will be created where (the server's preview; nothing is
 * sent yet), then, once confirmed, each item's outcome and reason. Items that already have an
 * issue there are skipped, so running it again creates nothing twice.
 */
export function TrackerPushDialog({ meetingId, tracker, onClose }: { meetingId: string; tracker: TrackerKind; onClose(): void }) {
  const { t } = useTranslation();
  const name = TRACKER_NAMES[tracker];
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    previewPush(meetingId, tracker).then(
      (preview) => !cancelled && setPhase({ kind: 'preview', preview }),
      (error: unknown) => !cancelled && setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId, tracker]);

  async function push(preview: PushPreview) {
    setPhase({ kind: 'pushing', preview });
    try {
      setPhase({ kind: 'done', report: await pushToTracker(meetingId, tracker) });
    } catch (error) {
      setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error), preview });
    }
  }

  const busy = phase.kind === 'pushing';
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={!busy} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal push-modal">
        <Dialog className="dialog push-dialog" data-testid="tracker-push">
          <Heading slot="title" className="dialog__title">
            {phase.kind === 'done' ? t('exports.resultTitle', { tracker: name }) : t('exports.previewTitle', { tracker: name })}
          </Heading>
          {phase.kind === 'loading' && <p className="dialog__body" role="status">{t('exports.loading')}</p>}
          {(phase.kind === 'preview' || phase.kind === 'pushing') && <PreviewList preview={phase.preview} />}
          {phase.kind === 'done' && <ResultList report={phase.report} />}
          {phase.kind === 'error' && (
            <p className="notice notice--danger" role="alert">{t('exports.loadFailed', { message: phase.message })}</p>
          )}
          <div className="dialog__actions">
            {phase.kind === 'done' || phase.kind === 'error' ? (
              <Button variant="primary" onPress={onClose} autoFocus>{t('exports.close')}</Button>
            ) : (
              <>
                <Button variant="quiet" onPress={onClose} isDisabled={busy}>{t('exports.cancel')}</Button>
                <Button
                  variant="primary"
                  isDisabled={phase.kind !== 'preview' || phase.preview.toCreate === 0}
                  onPress={() => phase.kind === 'preview' && void push(phase.preview)}
                >
                  {busy ? t('exports.creating') : t('exports.create', { count: phase.kind === 'preview' ? phase.preview.toCreate : 0 })}
                </Button>
              </>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function PreviewList({ preview }: { preview: PushPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="dialog__body">
        {preview.toCreate > 0
          ? t('exports.previewIntro', { count: preview.toCreate, destination: preview.destination })
          : t('exports.previewNothing', { destination: preview.destination })}
      </p>
      <ul className="push-list" data-testid="push-preview">
        {preview.items.map((item) => (
          <li key={item.actionItemId} className="push-list__item" data-action={item.action}>
            <div className="push-list__head">
              <span className="push-list__title">{item.title}</span>
              {item.action === 'create' ? (
                <StatusPill tone="info">{t('exports.willCreate')}</StatusPill>
              ) : item.skipReason === 'already_exported' ? (
                <StatusPill tone="neutral">
                  {t('exports.alreadyThere')} {item.existingRef?.key}
                </StatusPill>
              ) : (
                <StatusPill tone="neutral">{t('exports.dropped')}</StatusPill>
              )}
            </div>
            {item.draft && (
              <div className="push-list__meta">
                <span>{item.draft.assignee ? t('exports.assignee', { name: item.draft.assignee }) : t('exports.unassigned')}</span>
                <span>{item.draft.dueDate ? t('exports.due', { date: item.draft.dueDate }) : t('exports.noDue')}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ResultList({ report }: { report: PushReport }) {
  const { t } = useTranslation();
  const unrecorded = new Map(report.notRecorded.map((n) => [n.actionItemId, n.reason]));
  return (
    <>
      <p className="dialog__body" role="status">
        {t('exports.summary', { created: report.created, skipped: report.skipped, failed: report.failed })}
      </p>
      <ul className="push-list" data-testid="push-result">
        {report.outcomes.map((o) => (
          <li key={o.actionItemId} className="push-list__item" data-status={o.status}>
            <div className="push-list__head">
              <span className="push-list__title">{o.title}</span>
              {o.status === 'created' && <StatusPill tone="success">{t('exports.created')}</StatusPill>}
              {o.status === 'skipped' && <StatusPill tone="neutral">{t('exports.skipped')}</StatusPill>}
              {o.status === 'failed' && <StatusPill tone="danger">{t('exports.failedItem')}</StatusPill>}
            </div>
            <div className="push-list__meta">
              {o.status === 'created' && (
                <RefLink ref_={o.ref} />
              )}
              {o.status === 'skipped' && (
                <span>
                  {t(`exports.skipReason.${o.reason}`)}
                  {o.ref && (
                    <>
                      {' · '}
                      <RefLink ref_={o.ref} />
                    </>
                  )}
                </span>
              )}
              {o.status === 'failed' && <span className="push-list__reason">{o.reason}</span>}
              {unrecorded.has(o.actionItemId) && (
                <span className="push-list__reason">{t('exports.notRecorded', { reason: unrecorded.get(o.actionItemId) })}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A tracker issue's key, linked only when its URL is http(s). */
function RefLink({ ref_ }: { ref_: { key: string; url: string } }) {
  return isWebUrl(ref_.url) ? (
    <a href={ref_.url} target="_blank" rel="noopener noreferrer">{ref_.key}</a>
  ) : (
    <span>{ref_.key}</span>
  );
}
