import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { localeOf } from '../i18n/format';
import { useUiStore } from '../state/uiStore';

/**
 * react-aria widgets (number fields, date pickers, dialogs) format and speak in the app's chosen
 * language, not the browser's. The build keeps react-aria's strings for ja-JP and en-US only
 * (vite.config.ts), so every tree of such widgets sits under this provider.
 */
export function AppLocale({ children }: { children: ReactNode }) {
  const language = useUiStore((s) => s.language);
  return <I18nProvider locale={localeOf(language)}>{children}</I18nProvider>;
}
