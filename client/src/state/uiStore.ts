import { create, type StateCreator } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import { detectLanguage, isLanguage, type Language } from '../i18n/language';

/**
 * Local UI state only: what this person sees and has selected. Nothing here is shared with other
 * participants; meeting content lives in the Yjs document (client/src/meeting).
 */
interface LanguageSlice {
  language: Language;
  setLanguage(language: Language): void;
}

interface SelectionSlice {
  /** Selected agenda item per meeting id. */
  selectedAgendaItem: Record<string, string | undefined>;
  selectAgendaItem(meetingId: string, agendaItemId: string | undefined): void;
}

interface DialogSlice {
  /** The open dialog, if any (one at a time). */
  dialog: { kind: 'removeAgendaItem'; agendaItemId: string } | null;
  openDialog(dialog: NonNullable<DialogSlice['dialog']>): void;
  closeDialog(): void;
}

export type UiState = LanguageSlice & SelectionSlice & DialogSlice;

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];

const createLanguageSlice: StateCreator<UiState, [], [], LanguageSlice> = (set) => ({
  language: detectLanguage(browserLanguages()),
  setLanguage: (language) => set({ language }),
});

const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedAgendaItem: {},
  selectAgendaItem: (meetingId, agendaItemId) =>
    set((state) => ({ selectedAgendaItem: { ...state.selectedAgendaItem, [meetingId]: agendaItemId } })),
});

const createDialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});

export const useUiStore = create<UiState>()(
  persist(
    (...a) => ({ ...createLanguageSlice(...a), ...createSelectionSlice(...a), ...createDialogSlice(...a) }),
    {
      name: 'suishin.ui',
      storage: createJSONStorage(() => localStorage),
      version: 1,
      // Only the language choice outlives the tab; selection and dialogs are per visit.
      partialize: (state) => ({ language: state.language }),
      merge: (persisted, current) => {
        const language = (persisted as { language?: unknown } | undefined)?.language;
        return isLanguage(language) ? { ...current, language } : current;
      },
    },
  ),
);
