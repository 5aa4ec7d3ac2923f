import { useState, type FormEvent } from 'react';
import { requestText } from '../../api/request';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { AppLocale } from '../../ui/AppLocale';
import { DayField } from '../../ui/DayField';

/** The first day of the month a year before `today` and today: the period a report usually covers. */
function lastYear(today: Date): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * 経営報告 of a body (and its children) from its page: pick the period, preview the printable
 * HTML in a sandboxed frame, download it or the Markdown. The server decides who may (the admin,
 * as for the dashboard), so this shows only where the page is the admin's.
 */
export function ManagementReportPanel({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [range, setRange] = useState(() => lastYear(new Date()));
  const [preview, setPreview] = useState<{ state: 'idle' } | { state: 'loading' } | { state: 'shown'; html: string } | { state: 'failed'; message: string }>({ state: 'idle' });
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const url = (format: 'html' | 'md') =>
    `/api/reports/management?${new URLSearchParams({ series: seriesId, from: range.from, to: range.to, format, language })}`;

  const show = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setPreview({ state: 'loading' });
    try {
      setPreview({ state: 'shown', html: await requestText(url('html')) });
    } catch (error) {
      setPreview({ state: 'failed', message: (error as Error).message });
    }
  };
  const labels = { previousLabel: t('newMeeting.previousMonth'), nextLabel: t('newMeeting.nextMonth') };

  return (
    <section className="card report-panel" aria-labelledby="report-panel-heading" data-testid="report-panel">
      <h2 id="report-panel-heading" className="card__title">{t('reports.heading')}</h2>
      <p className="muted">{t('reports.intro')}</p>
      <form className="ft-range" onSubmit={show} aria-labelledby="report-panel-heading">
        <AppLocale>
          <DayField label={t('reports.from')} value={range.from} max={range.to} onChange={(from) => setRange((r) => ({ ...r, from }))} clearLabel={t('range.clear', { label: t('reports.from') })} {...labels} />
          <DayField label={t('reports.to')} value={range.to} min={range.from} onChange={(to) => setRange((r) => ({ ...r, to }))} clearLabel={t('range.clear', { label: t('reports.to') })} {...labels} />
        </AppLocale>
        <div className="ft-filters__actions">
          <button type="submit" className="btn btn--primary" disabled={!valid}>{t('reports.preview')}</button>
          {valid && (
            <>
              <a className="btn" href={url('html')} download>{t('reports.downloadHtml')}</a>
              <a className="btn" href={url('md')} download>{t('reports.downloadMarkdown')}</a>
            </>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {!valid && <p className="notice notice--danger" role="alert">{t('reports.badRange')}</p>}
        {preview.state === 'loading' && <p role="status">{t('reports.loading')}</p>}
        {preview.state === 'failed' && <div className="notice notice--danger" role="alert">{t('reports.failed', { message: preview.message })}</div>}
      </div>
      {preview.state === 'shown' && (
        // sandbox="" : the report is our own markup, but it is shown as a document, never run.
        <iframe className="report-panel__preview" title={t('reports.previewTitle')} sandbox="" srcDoc={preview.html} style={{ width: '100%', height: '70vh', border: '1px solid var(--border, #ccc)', background: '#fff' }} />
      )}
    </section>
  );
}
