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
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">推</span>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className="app-nav__link">{t('nav.meetings')}</NavLink>
          <NavLink to="/bodies" className="app-nav__link">{t('nav.bodies')}</NavLink>
          <NavLink to="/series" className="app-nav__link">{t('nav.series')}</NavLink>
          <NavLink to="/archive" className="app-nav__link">{t('nav.archive')}</NavLink>
          <NavLink to="/decisions" className="app-nav__link">{t('nav.decisions')}</NavLink>
          <NavLink to="/action-items" className="app-nav__link">{t('nav.actions')}</NavLink>
          <NavLink to="/search" className="app-nav__link">{t('nav.search')}</NavLink>
          <NavLink to="/dashboard" className="app-nav__link">{t('nav.dashboard')}</NavLink>
          {/* The admin's settings: an icon, so the one-row header keeps room for the meeting's status. */}
          {admin && (
            <NavLink to="/workspace" className="app-nav__link app-nav__link--icon" aria-label={t('workspace.title')} title={t('workspace.title')}>
              <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <circle cx="12" cy="12" r="3" />
                <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
              </svg>
            </NavLink>
          )}
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
