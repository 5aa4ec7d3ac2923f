import i18next from 'i18next';
import { en } from './messages/en';
import { ja } from './messages/ja';
import type { Language } from './language';

/** Starts i18next in the given language; the UI store switches it afterwards. */
export function initI18n(language: Language): typeof i18next {
  void i18next.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
