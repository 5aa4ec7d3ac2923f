import i18next, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';

export interface Translation {
  t: TFunction;
  i18n: typeof i18next;
}

const byLanguage = new Map<string, Translation>();
const subscribe = (onChange: () => void) => {
  i18next.on('languageChanged', onChange);
  return () => i18next.off('languageChanged', onChange);
};
const currentLanguage = () => i18next.language;

/**
 * The UI's translate function; the component renders again when the language is switched.
 *
 * Not react-i18next's hook: that one copies the whole i18next instance for each component that
 * calls it (17.x wraps it per component), and its ready/Suspense handling is for catalogs fetched
 * over the network, while ours are bundled and set up synchronously (`initI18n`). On a cold
 * 100-item room the copies cost 15–25 ms of the first render (traced). One `t` per language,
 * shared by every component.
 */
export function useTranslation(): Translation {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  let translation = byLanguage.get(language);
  if (!translation) byLanguage.set(language, (translation = { t: i18next.getFixedT(language), i18n: i18next }));
  return translation;
}
