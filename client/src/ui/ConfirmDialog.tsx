import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './Button';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  destructive?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal yes/no question; focus is trapped inside and Escape cancels. */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, cancelLabel, destructive, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onCancel()} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog__title">{title}</Heading>
          <div className="dialog__body">{children}</div>
          <div className="dialog__actions">
            <Button variant="quiet" onPress={onCancel} autoFocus>{cancelLabel}</Button>
            <Button variant={destructive ? 'danger' : 'primary'} onPress={onConfirm}>{confirmLabel}</Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
