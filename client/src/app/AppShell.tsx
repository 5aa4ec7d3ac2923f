import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';
import { applyLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/language';
import { useUiStore } from '../state/uiStore';
import { RadioSwitch } from '../ui/RadioSwitch';
import { HeaderSlotContext } from './headerSlot';
import { useKnownSession } from '../features/access/session';

const languageNames: Record<Language, string> = { ja: '日本語', en: 'English' };

export function AppShell() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const [statusSlot, setStatusSlot] = useState<HTMLElement | null>(null);
  const session = useKnownSession();
  const admin = session.status === 'signedIn' && session.session.admin;

  useEffect(() => applyLanguage(language), [language]);

  return (
    <HeaderSlotContext.Provider value={statusSlot}>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <span className="brand__mark" aria-hidden="true">推</span>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className="app-nav__link">{t('nav.meetings')}</NavLink>
          <NavLink to="/series" className="app-nav__link">{t('nav.series')}</NavLink>
          <NavLink to="/archive" className="app-nav__link">{t('nav.archive')}</NavLink>
          <NavLink to="/search" className="app-nav__link">{t('nav.search')}</NavLink>
          <NavLink to="/dashboard" className="app-nav__link">{t('nav.dashboard')}</NavLink>
          {admin && <NavLink to="/workspace" className="app-nav__link">{t('workspace.nav')}</NavLink>}
        </nav>
        <div className="app-header__status" ref={setStatusSlot} />
        <RadioSwitch
          label={t('app.language')}
          value={language}
          options={LANGUAGES.map((value) => ({ value, label: languageNames[value], lang: value }))}
          onChange={setLanguage}
        />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </HeaderSlotContext.Provider>
  );
}
