/**
 * The editing rule of every field bound to a shared value (the agenda's titles, the outcomes'
 * texts and names, KPI figures), in one place: `useLiveDraft` puts it into React, `LiveTextField`
 * and `LiveTextArea` are the fields built on it.
 *
 * - While the person has typed something not yet written, remote changes never replace their
 *   draft (the shared value moves on underneath; the draft wins when it is written).
 * - The draft is written after a pause in typing (COMMIT_IDLE_MS), on blur or on the field's
 *   commit key, never in the middle of an IME composition: the pause that ends one waits for
 *   `compositionend`, so "かいぎ" is never written before it becomes "会議".
 * - A field that was only focused, not typed in, follows remote changes and writes nothing on
 *   blur, so it cannot put back an old value over someone else's edit.
 * - A write that throws (a ValidationError, a number that does not read) keeps the draft and
 *   shows the message; a required field left empty says so, and goes back to the shared value
 *   when the person leaves it.
 *
 * Knows nothing of React, the DOM or Yjs: the caller writes through the typed model's commands.
 */

/** Idle time after the last keystroke before a draft is written to the shared document. */
export const COMMIT_IDLE_MS = 700;

export interface LiveDraftRules {
  /** Writes the value; may throw, in which case the draft stays and the message shows. */
  onCommit(value: string): void;
  required?: boolean;
  requiredMessage?: string;
}

export interface LiveDraftState {
  draft: string;
  error: string | null;
}

export class LiveDraftController {
  private state: LiveDraftState;
  private value: string;
  private rules: LiveDraftRules;
  /** Typed since the last write. */
  private dirty = false;
  private composing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(value: string, rules: LiveDraftRules) {
    this.value = value;
    this.rules = rules;
    this.state = { draft: value, error: null };
  }

  readonly getState = (): LiveDraftState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The newest shared value and rules (each render); a later write compares with this value. Notifies nobody. */
  sync(value: string, rules: LiveDraftRules): void {
    this.value = value;
    this.rules = rules;
  }

  /** After the shared value changed: the field shows it, unless the person has unwritten typing. */
  readonly followValue = (): void => {
    if (!this.dirty) this.update({ draft: this.value });
  };

  /** The person typed (or picked) a new value. */
  readonly change = (next: string): void => {
    this.dirty = true;
    this.update({ draft: next, error: null });
    this.schedule();
  };

  /** Writes the draft now if it was typed in and differs from the shared value. */
  readonly commit = (): void => {
    this.cancelTimer();
    if (!this.dirty) return;
    const { draft } = this.state;
    if (draft === this.value) {
      this.dirty = false;
      this.update({ error: null });
      return;
    }
    if (this.rules.required && draft.trim() === '') {
      this.update({ error: this.rules.requiredMessage ?? null });
      return;
    }
    try {
      this.rules.onCommit(draft);
      this.dirty = false;
      this.update({ error: null });
    } catch (e) {
      this.update({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Drops the draft and shows the shared value again (Escape). */
  readonly revert = (): void => {
    this.cancelTimer();
    this.dirty = false;
    this.update({ draft: this.value, error: null });
  };

  /** The field lost focus: writes the draft; a required field left empty goes back to the shared value. */
  readonly leave = (): void => {
    this.commit();
    if (this.rules.required && this.state.draft.trim() === '') this.revert();
  };

  readonly compositionStart = (): void => {
    this.composing = true;
  };

  readonly compositionEnd = (): void => {
    this.composing = false;
    this.schedule();
  };

  /** The field is gone: nothing is written any more (an unwritten draft is dropped, as before). */
  dispose(): void {
    this.cancelTimer();
  }

  private schedule() {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.composing) this.commit();
    }, COMMIT_IDLE_MS);
  }

  private cancelTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(patch: Partial<LiveDraftState>) {
    const next = { ...this.state, ...patch };
    if (next.draft === this.state.draft && next.error === this.state.error) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
