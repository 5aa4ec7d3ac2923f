import { useId } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { AgendaItem, Decision } from '@suishin/shared';

const clip = (text: string, max = 40) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** Which agenda item a decision belongs to (native select: type-ahead, the tablet's own picker). */
export function AgendaSelect({ label, value, agenda, onChange, className }: { label: string; value: string | null; agenda: readonly AgendaItem[]; onChange(id: string | null): void; className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">{label}</label>
      <select id={id} className="field__input select" value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('decisions.noAgendaItem')}</option>
        {agenda.map((item, i) => <option key={item.id} value={item.id}>{`${i + 1}. ${clip(item.title)}`}</option>)}
      </select>
    </div>
  );
}

/** The earlier decision this one replaces. Only decisions recorded before `beforeIndex` are offered. */
export function SupersedesSelect({ label, value, decisions, onChange, beforeIndex, className }: { label: string; value: string | null; decisions: readonly Decision[]; onChange(id: string | null): void; beforeIndex?: number; className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const choices = decisions.slice(0, beforeIndex ?? decisions.length);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">{label}</label>
      <select id={id} className="field__input select" value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('decisions.supersedesNone')}</option>
        {choices.map((d, i) => <option key={d.id} value={d.id}>{`#${i + 1} ${clip(d.text)}`}</option>)}
      </select>
    </div>
  );
}
