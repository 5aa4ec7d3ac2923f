import { create } from 'zustand';
import type { ItemLink } from '@suishin/shared';

/**
 * Local UI state of the outcomes column (this person only, never shared): which tab is open,
 * the "new action item" dialog, and the row to bring into view after following a link.
 */
export type OutcomesTab = 'kpis' | 'decisions' | 'actions';

export interface OutcomesState {
  tab: OutcomesTab;
  /** Open "new action item" dialog and what the new item will be linked to (null: nothing). */
  actionDialog: { link: ItemLink | null } | null;
  /** A row to scroll to and flash once (after "show countermeasure" and the like); one-shot. */
  reveal: { kind: 'action' | 'decision' | 'kpi'; id: string; at: number; edit: boolean } | null;
  /** The quick decision field should take the focus ("D"); one-shot. */
  decisionFocusPending: boolean;
  setTab(tab: OutcomesTab): void;
  openActionDialog(link: ItemLink | null): void;
  closeActionDialog(): void;
  /** Switch to the row's tab, scroll to it and flash it; `edit` also opens its editor. */
  revealRow(kind: 'action' | 'decision' | 'kpi', id: string, options?: { edit?: boolean }): void;
  /** The row shown the reveal `at`: forget it, so a later remount of the tab does not replay it. */
  clearReveal(at: number): void;
  requestDecisionFocus(): void;
  clearDecisionFocus(): void;
}

export const useOutcomesStore = create<OutcomesState>()((set) => ({
  tab: 'kpis',
  actionDialog: null,
  reveal: null,
  decisionFocusPending: false,
  setTab: (tab) => set({ tab }),
  openActionDialog: (link) => set({ actionDialog: { link } }),
  closeActionDialog: () => set({ actionDialog: null }),
  revealRow: (kind, id, options) =>
    set({
      tab: kind === 'action' ? 'actions' : kind === 'decision' ? 'decisions' : 'kpis',
      reveal: { kind, id, at: Date.now(), edit: options?.edit ?? false },
    }),
  clearReveal: (at) => set((s) => (s.reveal?.at === at ? { reveal: null } : s)),
  requestDecisionFocus: () => set({ tab: 'decisions', decisionFocusPending: true }),
  clearDecisionFocus: () => set({ decisionFocusPending: false }),
}));
