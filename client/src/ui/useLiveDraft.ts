import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LiveDraftController, type LiveDraftRules } from './liveDraft';

export interface LiveDraft {
  draft: string;
  error: string | null;
  /** The person typed (or picked) a new value. */
  change(next: string): void;
  /** Write the draft now if it was typed in and differs from the shared value. */
  commit(): void;
  /** Drop the draft and show the shared value again. */
  revert(): void;
  /** Blur: write the draft; a required field left empty goes back to the shared value. */
  leave(): void;
  compositionStart(): void;
  compositionEnd(): void;
}

/** What every live field takes (LiveTextField, LiveTextArea). */
export interface LiveFieldProps {
  label: ReactNode;
  /** The value in the shared document. */
  value: string;
  /** Write a new value; may throw (e.g. a ValidationError), in which case the draft stays and the message shows. */
  onCommit(value: string): void;
  placeholder?: string;
  required?: boolean;
  requiredMessage?: string;
  className?: string;
}

/**
 * The live-field rule (liveDraft.ts) for any widget bound to one shared string: a text input, a
 * text area, a combobox, a number typed as text. The widget wires its own events to these
 * handlers (blur, its commit key unless composing, Escape, composition start and end).
 */
export function useLiveDraft(value: string, onCommit: (value: string) => void, options: Omit<LiveDraftRules, 'onCommit'> = {}): LiveDraft {
  const [controller] = useState(() => new LiveDraftController(value, { ...options, onCommit }));
  // Every render: a write compares with the value on screen and calls the newest onCommit.
  controller.sync(value, { ...options, onCommit });
  useEffect(() => controller.followValue(), [controller, value]);
  useEffect(() => () => controller.dispose(), [controller]);
  const { draft, error } = useSyncExternalStore(controller.subscribe, controller.getState);
  const { change, commit, revert, leave, compositionStart, compositionEnd } = controller;
  return { draft, error, change, commit, revert, leave, compositionStart, compositionEnd };
}
